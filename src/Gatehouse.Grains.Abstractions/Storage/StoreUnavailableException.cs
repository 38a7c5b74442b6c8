namespace Gatehouse.Grains.Storage;

/// <summary>
/// A grain could not read or write its durable state because the database did not answer. The database's own
/// exception cannot cross silos, so this one carries its type and message to the caller.
/// </summary>
[GenerateSerializer, Alias("Gatehouse.StoreUnavailableException")]
public sealed class StoreUnavailableException(string message) : Exception(message);
