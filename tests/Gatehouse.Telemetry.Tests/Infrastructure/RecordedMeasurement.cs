namespace Gatehouse.Telemetry.Tests.Infrastructure;

/// <summary>One measurement of an instrument, with its tags.</summary>
internal sealed record RecordedMeasurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags)
{
    public bool Has(string key, string value) => Tags.TryGetValue(key, out var tag) && Equals(tag as string, value);
}
