using System.CommandLine;
using System.CommandLine.Parsing;

namespace Gatehouse.Host.Commands;

/// <summary>
/// A command line that does not parse: each problem on standard error, prefixed with the command
/// (<c>gatehouse: policy explain: --tool is required</c>), then the command's help, also on standard error.
/// </summary>
internal static class ParseFailure
{
    /// <summary>The exit code of a command line that does not parse, as before System.CommandLine.</summary>
    public const int ExitCode = 2;

    /// <summary>True when the parse has errors or stray tokens.</summary>
    public static bool IsFailure(ParseResult result) => result.Errors.Count > 0 || result.UnmatchedTokens.Count > 0;

    /// <summary>Writes the problems and the help of the command at fault to <paramref name="error"/>; returns <see cref="ExitCode"/>.</summary>
    public static async Task<int> ReportAsync(ParseResult result, TextWriter error, CancellationToken cancellationToken)
    {
        var path = CommandHelp.PathOf(result.CommandResult);
        var prefix = path.Count == 0 ? $"{GatehouseRootCommand.Name}: " : $"{GatehouseRootCommand.Name}: {string.Join(' ', path)}: ";
        var command = result.CommandResult.Command;
        foreach (var token in result.UnmatchedTokens)
        {
            var kind = token.StartsWith('-') ? "unknown option" : command.Subcommands.Count > 0 ? "unknown command" : "unexpected argument";
            await error.WriteLineAsync($"{prefix}{kind} '{token}'");
        }

        foreach (var problem in result.Errors)
        {
            await error.WriteLineAsync($"{prefix}{problem.Message}");
        }

        await error.WriteLineAsync();
        await CommandHelp.WriteAsync(path, error, cancellationToken);
        return ExitCode;
    }
}
