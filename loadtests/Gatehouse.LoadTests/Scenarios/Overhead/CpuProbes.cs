using System.Diagnostics;

namespace Gatehouse.LoadTests.Scenarios.Overhead;

/// <summary>
/// The CPU time of each process of a run, read before and after each phase: its own CPU (user and system, all
/// threads) over the calls the phase completed is what one call cost that process.
/// </summary>
internal sealed class CpuProbes
{
    public const string Upstream = "upstream";

    public const string Yarp = "yarp";

    public const string Gatehouse = "gatehouse";

    /// <summary>This process: the agents (MCP client sessions) and the harness around them.</summary>
    public const string LoadGenerator = "load generator";

    private readonly List<(string Name, Func<TimeSpan> Read)> _probes = [];

    /// <summary>The names probed, in the order added.</summary>
    public IEnumerable<string> Names => _probes.Select(p => p.Name);

    public CpuProbes Add(string name, Func<TimeSpan> read)
    {
        _probes.Add((name, read));
        return this;
    }

    public Dictionary<string, TimeSpan> Read() => _probes.ToDictionary(p => p.Name, p => p.Read());

    /// <summary>Microseconds of CPU per call of each process between two readings.</summary>
    public static Dictionary<string, double> PerCall(IReadOnlyDictionary<string, TimeSpan> before, IReadOnlyDictionary<string, TimeSpan> after, int calls) =>
        before.ToDictionary(p => p.Key, p => calls > 0 ? (after[p.Key] - p.Value).TotalMicroseconds / calls : 0);

    /// <summary>This process's CPU time so far.</summary>
    public static TimeSpan OwnCpuTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }
}
