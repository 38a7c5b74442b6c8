namespace Gatehouse.LoadTests.Commands;

/// <summary>
/// Dispatches to the scenarios. Every scenario prints its tables (Markdown) and writes them, as JSON and
/// Markdown with a PNG plot, to <c>artifacts/loadtests/{scenario}/</c> (or <c>--out DIR</c>).
/// </summary>
internal static class LoadTestCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var name = args.FirstOrDefault();
        Func<CommandContext, Task<int>>? command = name switch
        {
            "run" => RunCommand.RunAsync,
            "overhead" => OverheadCommand.RunAsync,
            "exactness" => ExactnessCommand.RunAsync,
            "failover" => FailoverCommand.RunAsync,
            "scale" => ScaleCommand.RunAsync,
            "soak" => SoakCommand.RunAsync,
            "many-counters" => ManyCountersCommand.RunAsync,
            "counters" => CountersCommand.RunAsync,
            "decisions" => DecisionsCommand.RunAsync,
            "approvals" => ApprovalsCommand.RunAsync,
            _ => null,
        };
        if (command is null)
        {
            await error.WriteLineAsync("usage: (each also takes --out DIR and --no-progress)");
            foreach (var usage in new[] { RunCommand.Usage, OverheadCommand.Usage, ExactnessCommand.Usage, FailoverCommand.Usage, ScaleCommand.Usage, SoakCommand.Usage, ManyCountersCommand.Usage, CountersCommand.Usage, DecisionsCommand.Usage, ApprovalsCommand.Usage })
            {
                await error.WriteLineAsync("  " + usage);
            }

            return 2;
        }

        try
        {
            return await command(new CommandContext(name!, new CommandOptions(args.Skip(1)), output, error));
        }
        catch (ArgumentException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return 2;
        }
    }
}
