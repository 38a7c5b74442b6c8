using System.CommandLine;
using System.CommandLine.Help;

namespace Gatehouse.Host.Commands;

/// <summary>
/// The commands of the <c>gatehouse</c> executable besides serving, parsed by System.CommandLine: <c>token new</c>,
/// <c>policy validate FILE…</c>, <c>policy explain</c>, <c>db migrate</c> and <c>healthcheck</c>. With no command
/// (nothing, or host options such as <c>--config</c>, <c>--urls</c> or <c>--Gatehouse:KEY VALUE</c>) it serves, and
/// those arguments never meet the parser.
/// </summary>
internal static class CommandLine
{
    /// <summary>No response files: an argument that starts with <c>@</c> is a plain argument, as before.</summary>
    private static readonly ParserConfiguration Parsing = new() { ResponseFileTokenReplacer = null };

    /// <summary>Runs a command and returns its exit code, or null when the arguments ask to serve.</summary>
    public static async Task<int?> TryRunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (!AsksForACommand(args))
        {
            return null;
        }

        // "gatehouse help [COMMAND…]" is "gatehouse [COMMAND…] --help".
        var result = GatehouseRootCommand.CreateForParsing().Parse(args is ["help", .. var topic] ? [.. topic, "--help"] : args, Parsing);
        if (result.Action is HelpAction)
        {
            await CommandHelp.WriteAsync(CommandHelp.PathOf(result.CommandResult), output, CancellationToken.None);
            return 0;
        }

        if (ParseFailure.IsFailure(result))
        {
            return await ParseFailure.ReportAsync(result, error, CancellationToken.None);
        }

        // No default exception handler and no Ctrl+C handling: a command fails, or is stopped, as it did before.
        return await result.InvokeAsync(
            new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
    }

    /// <summary>
    /// A command, or help or version, when the first argument is a word or one of those flags; any other option
    /// first (<c>--urls</c>, <c>--config</c>, <c>--Gatehouse:…</c>) or no argument at all means serve.
    /// </summary>
    private static bool AsksForACommand(string[] args) =>
        args is [var first, ..] && (!first.StartsWith('-') || first is "--help" or "-h" or "-?" or "--version");
}
