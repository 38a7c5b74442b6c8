using System.Globalization;

namespace Gatehouse.LoadTests;

/// <summary>
/// <c>overhead --direct URL --gateway URL --token T [--tool echo] [--args JSON] [--calls 2000] [--warmup 200]</c>:
/// one agent session to each target, calls interleaved (direct, gateway, gateway, direct, …) so both
/// see the same machine load, then the latency distribution of each and the difference.
/// </summary>
internal static class LoadTestCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args is not ["overhead", .. var rest])
        {
            await error.WriteLineAsync("usage: overhead --direct URL --gateway URL --token TOKEN [--tool NAME] [--args JSON] [--calls N] [--warmup N]");
            return 2;
        }

        var options = Options.Parse(rest);
        var result = await OverheadScenario.RunAsync(options);
        await output.WriteLineAsync(result.ToMarkdown());
        return 0;
    }

    internal sealed record Options(Uri Direct, Uri Gateway, string Token, string Tool, string ArgumentsJson, int Calls, int Warmup)
    {
        public static Options Parse(IReadOnlyList<string> args)
        {
            string Value(string name, string? fallback = null)
            {
                for (var i = 0; i < args.Count - 1; i++)
                {
                    if (args[i] == name)
                    {
                        return args[i + 1];
                    }
                }

                return fallback ?? throw new ArgumentException($"{name} is required");
            }

            return new Options(
                new Uri(Value("--direct")),
                new Uri(Value("--gateway")),
                Value("--token"),
                Value("--tool", "echo"),
                Value("--args", """{"message":"hello"}"""),
                int.Parse(Value("--calls", "2000"), CultureInfo.InvariantCulture),
                int.Parse(Value("--warmup", "200"), CultureInfo.InvariantCulture));
        }
    }
}
