using System.Diagnostics;
using System.Globalization;
using Gatehouse.LoadTests.Progress;

namespace Gatehouse.LoadTests.Scenarios.Soak;

/// <summary>
/// Samples every replica at a fixed period until stopped. A replica that exits ends the run early: the load is
/// stopped through <paramref name="replicaExited"/>. A round waits for every replica's answer (up to
/// <see cref="SampleTimeout"/>, or the period if that is longer): a replica slow to answer on a busy machine, as on its
/// first <c>/metrics</c>, delays the round (later ticks are skipped) rather than going missing from it.
/// </summary>
internal sealed class SoakSampler(IReadOnlyList<ReplicaProbe> probes, TimeSpan period, ProgressView progress, CancellationTokenSource replicaExited)
{
    /// <summary>How long a round waits for a replica that does not answer (one that hangs) before counting it missed.</summary>
    internal static readonly TimeSpan SampleTimeout = TimeSpan.FromSeconds(60);

    private readonly List<(long At, IReadOnlyList<ReplicaSample> Replicas)> _rounds = [];
    private readonly List<string> _exits = [];
    private int _missed;

    public IReadOnlyList<(long At, IReadOnlyList<ReplicaSample> Replicas)> Rounds => _rounds;

    /// <summary>Replicas that exited during the run (<c>r2 exited with code 134</c>).</summary>
    public IReadOnlyList<string> Exits => _exits;

    /// <summary>Replica samples that could not be taken (a <c>/metrics</c> that did not answer in time).</summary>
    public int Missed => _missed;

    public async Task RunAsync(Func<string> status, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(period);
        await SampleAsync(status);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                await SampleAsync(status);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The load ended.
        }

        await SampleAsync(status);
    }

    private async Task SampleAsync(Func<string> status)
    {
        var at = Stopwatch.GetTimestamp();
        using var timeout = new CancellationTokenSource(period > SampleTimeout ? period : SampleTimeout);
        var samples = await Task.WhenAll(probes.Select(p => p.SampleAsync(timeout.Token)));
        foreach (var probe in probes.Where(p => p.Replica.HasExited && !_exits.Any(e => e.StartsWith(p.Name + " ", StringComparison.Ordinal))))
        {
            _exits.Add($"{probe.Name} exited with code {probe.Replica.ExitCode.ToString(CultureInfo.InvariantCulture)}");
            await replicaExited.CancelAsync();
        }

        _missed += samples.Count(s => s is null);
        var taken = samples.OfType<ReplicaSample>().ToList();
        _rounds.Add((at, taken));
        progress.Status(string.Create(
            CultureInfo.InvariantCulture,
            $"{status()}; {string.Join(", ", taken.Select(s => $"{s.Replica} {s.RssBytes / 1048576.0:0} MiB RSS, {s.GcHeapBytes / 1048576.0:0} MiB heap, {s.Activations} act., {s.Sessions} sess., {s.ResumptionEntries} resumption entries"))}"));
    }
}
