using System.CommandLine;
using System.CommandLine.Help;

namespace Gatehouse.Host.Commands;

/// <summary>The tree of <c>gatehouse</c> commands: <c>token new</c>, <c>policy validate</c>, <c>policy explain</c>, <c>db migrate</c> and <c>healthcheck</c>.</summary>
internal static class GatehouseRootCommand
{
    /// <summary>The executable's name, as the help shows it.</summary>
    public const string Name = "gatehouse";

    /// <summary>
    /// A new tree for parsing. Stray tokens are not the parser's errors here: <see cref="ParseFailure"/> reports them in
    /// our words (<c>unknown option '--tol'</c>) and refuses the command all the same.
    /// </summary>
    public static Command CreateForParsing()
    {
        var root = Create();
        ReportUnmatchedTokensOurselves(root);
        return root;
    }

    /// <summary>A new tree as the help shows it (a tree that lets stray tokens through would offer "additional arguments").</summary>
    public static Command Create()
    {
        var root = new Command(
            Name,
            "Gatehouse, an MCP gateway. With no command it serves: gatehouse [--config PATH] [--urls URL] [--Gatehouse:KEY VALUE]... "
            + "(with no configuration, the embedded default: one replica, localhost clustering).")
        {
            TokenCommand.Create(),
            new Command("policy", "Policy documents: check them, or explain the decision for one call.")
            {
                PolicyValidateCommand.Create(),
                PolicyExplainCommand.Create(),
            },
            DbMigrateCommand.Create(),
            HealthcheckCommand.Create(),
        };
        root.Options.Add(new HelpOption());
        root.Options.Add(new VersionOption());
        return root;
    }

    private static void ReportUnmatchedTokensOurselves(Command command)
    {
        command.TreatUnmatchedTokensAsErrors = false;
        foreach (var subcommand in command.Subcommands)
        {
            ReportUnmatchedTokensOurselves(subcommand);
        }
    }
}
