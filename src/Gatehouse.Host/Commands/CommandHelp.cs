using System.CommandLine;
using System.CommandLine.Parsing;

namespace Gatehouse.Host.Commands;

/// <summary>The help System.CommandLine writes for one command of the tree, on the writer we choose.</summary>
internal static class CommandHelp
{
    /// <summary>Writes the help of the command at <paramref name="path"/> (empty for the root) to <paramref name="writer"/>.</summary>
    public static async Task WriteAsync(IReadOnlyList<string> path, TextWriter writer, CancellationToken cancellationToken)
    {
        var help = GatehouseRootCommand.Create().Parse([.. path, "--help"]);
        await help.InvokeAsync(new InvocationConfiguration { Output = writer, Error = writer, ProcessTerminationTimeout = null }, cancellationToken);
    }

    /// <summary>The names of the commands from the root down to <paramref name="result"/>'s, the root's own left out.</summary>
    public static List<string> PathOf(CommandResult result)
    {
        var names = new List<string>();
        for (var current = result; current.Parent is CommandResult parent; current = parent)
        {
            names.Insert(0, current.Command.Name);
        }

        return names;
    }
}
