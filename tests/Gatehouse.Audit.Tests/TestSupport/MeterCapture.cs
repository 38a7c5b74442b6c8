using System.Diagnostics.Metrics;
using Gatehouse.Telemetry;

namespace Gatehouse.Audit.Tests.TestSupport;

/// <summary>
/// Sums what one instrument of the <c>Gatehouse</c> meter of one <see cref="IMeterFactory"/> measures while this is
/// alive, by its <c>reason</c> tag.
/// </summary>
internal sealed class MeterCapture : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, long> _byReason = [];
    private readonly Lock _lock = new();

    public MeterCapture(IMeterFactory scope, string instrument)
    {
        _listener.InstrumentPublished = (published, listener) =>
        {
            if (published.Meter.Scope == scope && published.Meter.Name == GatehouseTelemetry.Name && published.Name == instrument)
            {
                listener.EnableMeasurementEvents(published);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var reason = "";
            foreach (var tag in tags)
            {
                if (tag.Key == "reason")
                {
                    reason = tag.Value as string ?? "";
                }
            }

            lock (_lock)
            {
                _byReason[reason] = _byReason.GetValueOrDefault(reason) + value;
            }
        });
        _listener.Start();
    }

    public long Of(string reason)
    {
        lock (_lock)
        {
            return _byReason.GetValueOrDefault(reason);
        }
    }

    public long Total
    {
        get
        {
            lock (_lock)
            {
                return _byReason.Values.Sum();
            }
        }
    }

    public void Dispose() => _listener.Dispose();
}
