using Gatehouse.LoadTests.Infrastructure;
using Gatehouse.LoadTests.Scenarios.CounterPath;

namespace Gatehouse.LoadTests.Commands;

internal static class CountersCommand
{
    public const string Usage = "counters --durability none|durable [--postgres CONN] [--keys 1] [--concurrency 64] [--seconds 10]";

    public static async Task<int> RunAsync(CommandContext context)
    {
        var o = context.Options;
        var durability = o.Text("--durability", "none");
        var (keys, concurrency, duration) = (o.Int("--keys", 1), o.Int("--concurrency", 64), TimeSpan.FromSeconds(o.Int("--seconds", 10)));
        CounterPathResult result;
        if (!durability.Equals("durable", StringComparison.OrdinalIgnoreCase))
        {
            result = await CounterPathScenario.RunAsync(durability, null, keys, concurrency, duration);
        }
        else if (o.Optional("--postgres") is { } given)
        {
            result = await CounterPathScenario.RunAsync(durability, given, keys, concurrency, duration);
        }
        else
        {
            // No database named: a scratch one on the local server, dropped afterwards.
            await using var database = await ScratchDatabase.CreateAsync(await PostgresServer.ConnectionStringAsync(null));
            result = await CounterPathScenario.RunAsync(durability, database.ConnectionString, keys, concurrency, duration);
        }

        await context.PublishAsync(result, result.ToMarkdown());
        return 0;
    }
}
