using Gatehouse.LoadTests.Scenarios.CounterPath;

namespace Gatehouse.LoadTests.Commands;

internal static class CountersCommand
{
    public const string Usage = "counters --durability none|durable [--postgres CONN] [--keys 1] [--concurrency 64] [--seconds 10]";

    public static async Task<int> RunAsync(CommandContext context)
    {
        var o = context.Options;
        var durability = o.Text("--durability", "none");
        var postgres = durability.Equals("durable", StringComparison.OrdinalIgnoreCase)
            ? await Infrastructure.PostgresServer.ConnectionStringAsync(o.Optional("--postgres"))
            : null;
        var result = await CounterPathScenario.RunAsync(durability, postgres, o.Int("--keys", 1), o.Int("--concurrency", 64), TimeSpan.FromSeconds(o.Int("--seconds", 10)));
        await context.PublishAsync(result, result.ToMarkdown());
        return 0;
    }
}
