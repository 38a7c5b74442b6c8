namespace Gatehouse.Gateway.Auth.OAuth;

/// <summary>
/// The OAuth access token of the agent request being handled, for the upstreams that trade it (RFC 8693); set around
/// each request the gateway handles, only when the principal kept it (some upstream exchanges tokens).
/// </summary>
internal static class AgentAccessToken
{
    private static readonly AsyncLocal<string?> Current = new();

    public static string? Token => Current.Value;

    public static Scope Use(string? token)
    {
        var previous = Current.Value;
        Current.Value = token;
        return new Scope(previous);
    }

    /// <summary>Restores the token in force before.</summary>
    public readonly struct Scope(string? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
