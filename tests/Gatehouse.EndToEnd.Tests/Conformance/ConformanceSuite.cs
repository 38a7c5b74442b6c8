using System.Text.Json;
using Gatehouse.EndToEnd.Tests.Infrastructure;

namespace Gatehouse.EndToEnd.Tests.Conformance;

/// <summary>The official MCP conformance suite's server scenarios, run by <c>tests/conformance/run.sh</c>.</summary>
internal static class ConformanceSuite
{
    /// <summary>
    /// run.sh reports a scenario that runs out of time as failed. Its limits here are ceilings that only
    /// catch a hang: on a busy two-core machine each scenario (a Node process of its own) is slow, not stuck.
    /// </summary>
    private static readonly TimeSpan RunCeiling = TimeSpan.FromMinutes(30);

    private static readonly Dictionary<string, string> Ceilings = new()
    {
        ["CONFORMANCE_SCENARIO_TIMEOUT"] = "300",
        ["CONFORMANCE_RUN_TIMEOUT"] = ((int)RunCeiling.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Runs every server scenario against <paramref name="url"/> (with <paramref name="requirements"/>, those that revision
    /// requires, at its wire); scenario name → "pass" or "fail".
    /// </summary>
    public static async Task<Dictionary<string, string>> RunAsync(Uri url, string? token = null, string? requirements = null)
    {
        var output = Path.Combine(Directory.CreateTempSubdirectory("gatehouse-conformance-").FullName, "results.json");
        var arguments = new List<string> { Paths.ConformanceScript("run.sh") };
        if (token is not null)
        {
            arguments.AddRange(["--token", token]);
        }

        arguments.AddRange([url.ToString(), output]);
        var environment = new Dictionary<string, string>(Ceilings);
        if (requirements is not null)
        {
            environment["CONFORMANCE_REQUIREMENTS"] = requirements;
        }

        await using var run = ChildProcess.Start("bash", arguments, environment: environment);
        await run.WaitForExitAsync(RunCeiling + TimeSpan.FromMinutes(1));
        if (run.ExitCode != 0 || !File.Exists(output))
        {
            throw new InvalidOperationException($"run.sh failed with {run.ExitCode}:\n{run.Output}");
        }

        return JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(output))!;
    }

    /// <summary>Runs a script of tests/conformance and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> ScriptAsync(string name)
    {
        await using var script = ChildProcess.Start("bash", [Paths.ConformanceScript(name)]);
        await script.WaitForExitAsync(Eventually.Ceiling);
        return (script.ExitCode, script.Output);
    }
}
