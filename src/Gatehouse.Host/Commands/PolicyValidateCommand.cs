using System.CommandLine;
using Gatehouse.Policy;

namespace Gatehouse.Host.Commands;

/// <summary><c>gatehouse policy validate FILE…</c>: every fault of every file, with its path; exit code 1 if any file is invalid.</summary>
internal static class PolicyValidateCommand
{
    /// <summary>The <c>validate</c> subcommand of <c>policy</c>.</summary>
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Policy documents to check.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("validate", "Check policy documents: every fault of every file, with its path; exit code 1 if any is invalid.") { files };
        command.SetAction(result => Run(result.GetRequiredValue(files), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(IReadOnlyList<string> files, TextWriter output, TextWriter error)
    {
        var invalid = 0;
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                error.WriteLine($"{file}: file not found");
                invalid++;
                continue;
            }

            var result = PolicyParser.Parse(File.ReadAllText(file));
            if (result.IsValid)
            {
                output.WriteLine($"{file}: valid (version {result.Policy!.Version}, {result.Policy.Tools.Count} tool rules, default {result.Policy.Default.ToString().ToLowerInvariant()})");
                continue;
            }

            invalid++;
            foreach (var fault in result.Faults)
            {
                error.WriteLine($"{file}: {fault}");
            }
        }

        return invalid == 0 ? 0 : 1;
    }
}
