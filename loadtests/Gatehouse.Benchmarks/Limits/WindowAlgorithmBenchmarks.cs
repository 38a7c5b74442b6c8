using BenchmarkDotNet.Attributes;
using Gatehouse.Policy;

namespace Gatehouse.Benchmarks.Limits;

/// <summary>
/// Each window algorithm's decision, pure (what a counter grain runs inside its turn). <c>AtTheLimit</c>: calls
/// arrive exactly at the limit's rate (1000 a minute, one every 60 ms), so a sliding window carries a full log
/// of about 1000 live entries; <c>Refused</c>: the window is spent and every call is turned away.
/// </summary>
public class WindowAlgorithmBenchmarks
{
    private const int WindowSeconds = 60;
    private const decimal Max = 1000;
    private static readonly TimeSpan Arrival = TimeSpan.FromMilliseconds(WindowSeconds * 1000 / (double)Max);

    private IWindowCounter _flowing = null!;
    private IWindowCounter _spent = null!;
    private DateTimeOffset _now;
    private DateTimeOffset _spentAt;

    [Params(WindowAlgorithm.Fixed, WindowAlgorithm.Sliding, WindowAlgorithm.TokenBucket)]
    public WindowAlgorithm Algorithm { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        _flowing = WindowCounter.Create(Algorithm, new WindowSpec(WindowSeconds), Max);

        // Fill a whole window first, so the sliding log is at its steady size.
        for (var i = 0; i < Max; i++)
        {
            AtTheLimit();
        }

        _spentAt = _now;
        _spent = WindowCounter.Create(Algorithm, new WindowSpec(WindowSeconds), Max);
        while (_spent.TryAcquire(_spentAt, 1).Admitted)
        {
        }
    }

    [Benchmark]
    public WindowDecision AtTheLimit()
    {
        _now += Arrival;
        return _flowing.TryAcquire(_now, 1);
    }

    [Benchmark]
    public WindowDecision Refused() => _spent.TryAcquire(_spentAt, 1);
}
