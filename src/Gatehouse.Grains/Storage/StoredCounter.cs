using Gatehouse.Policy;

namespace Gatehouse.Grains;

/// <summary>A counter's window as stored, with the version a save must present.</summary>
public sealed record StoredCounter(CounterState State, long Version);
