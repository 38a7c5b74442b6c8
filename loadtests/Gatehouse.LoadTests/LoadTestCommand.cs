using System.Globalization;

namespace Gatehouse.LoadTests;

/// <summary>
/// The scenarios:
/// <c>overhead --direct URL --gateway URL --token T [--tool echo] [--args JSON] [--calls 2000] [--warmup 200]</c>:
/// one agent session to each target, calls interleaved so both see the same machine load;
/// <c>counters --durability none|durable [--postgres CONN] [--keys 1] [--concurrency 64] [--seconds 10]</c>:
/// the counter decision path on an in-process silo.
/// </summary>
internal static class LoadTestCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var options = new CommandOptions(args.Skip(1).ToArray());
        switch (args.FirstOrDefault())
        {
            case "overhead":
                var overhead = await OverheadScenario.RunAsync(
                    new Uri(options.Get("--direct")), new Uri(options.Get("--gateway")), options.Get("--token"),
                    options.Get("--tool", "echo"), options.Get("--args", """{"message":"hello"}"""),
                    options.GetInt("--calls", 2000), options.GetInt("--warmup", 200));
                await output.WriteLineAsync(overhead.ToMarkdown());
                return 0;
            case "counters":
                var counters = await CounterPathScenario.RunAsync(
                    options.Get("--durability", "none"), options.GetOptional("--postgres"),
                    options.GetInt("--keys", 1), options.GetInt("--concurrency", 64), TimeSpan.FromSeconds(options.GetInt("--seconds", 10)));
                await output.WriteLineAsync(CounterPathResult.MarkdownHeader);
                await output.WriteLineAsync(counters.ToMarkdownRow());
                return 0;
            default:
                await error.WriteLineAsync("usage: overhead --direct URL --gateway URL --token TOKEN [--tool NAME] [--args JSON] [--calls N] [--warmup N]");
                await error.WriteLineAsync("       counters --durability none|durable [--postgres CONN] [--keys N] [--concurrency N] [--seconds N]");
                return 2;
        }
    }

    private sealed class CommandOptions(string[] args)
    {
        public string? GetOptional(string name)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        }

        public string Get(string name, string? fallback = null) =>
            GetOptional(name) ?? fallback ?? throw new ArgumentException($"{name} is required");

        public int GetInt(string name, int fallback) =>
            GetOptional(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
    }
}
