namespace Gatehouse.Grains.Sessions;

/// <summary>
/// A session that is not in any silo's memory could not be read, because its store did not answer. The
/// session may well exist: asking again once the store is back finds it.
/// </summary>
[GenerateSerializer, Alias("Gatehouse.SessionStoreUnavailableException")]
public sealed class SessionStoreUnavailableException(string sessionId, string reason)
    : Exception($"Session '{sessionId}' could not be read: its store is unavailable ({reason}).")
{
    [Id(0)]
    public string SessionId { get; } = sessionId;
}
