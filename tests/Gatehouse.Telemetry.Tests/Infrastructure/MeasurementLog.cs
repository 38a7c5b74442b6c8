using System.Diagnostics.Metrics;

namespace Gatehouse.Telemetry.Tests.Infrastructure;

/// <summary>
/// Every measurement of one replica's <c>Gatehouse</c> Meter from the moment this is created: deltas by
/// construction. Each replica's Meter comes from its own <see cref="IMeterFactory"/> (its
/// <see cref="Meter.Scope"/>), so the other replicas in the process do not mix in.
/// </summary>
internal sealed class MeasurementLog : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<RecordedMeasurement> _measurements = [];
    private readonly Lock _gate = new();

    public MeasurementLog(IMeterFactory replicaMeters)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == replicaMeters && instrument.Meter.Name == GatehouseTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>The measurements of <paramref name="instrument"/> carrying every one of <paramref name="tags"/>.</summary>
    public IReadOnlyList<RecordedMeasurement> Of(string instrument, params (string Key, string Value)[] tags)
    {
        lock (_gate)
        {
            return [.. _measurements.Where(m => m.Instrument == instrument && tags.All(tag => m.Has(tag.Key, tag.Value)))];
        }
    }

    /// <summary>What a counter moved by, over the measurements carrying <paramref name="tags"/>.</summary>
    public double Sum(string instrument, params (string Key, string Value)[] tags) => Of(instrument, tags).Sum(m => m.Value);

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var measurement = new RecordedMeasurement(instrument.Name, value, tags.ToArray().ToDictionary(tag => tag.Key, tag => tag.Value));
        lock (_gate)
        {
            _measurements.Add(measurement);
        }
    }
}
