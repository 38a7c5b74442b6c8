namespace Gatehouse.Upstreams;

/// <summary>
/// The bearer token the upstream requests of the current agent request carry instead of the upstream's configured one:
/// an end user's token got by token exchange (RFC 8693). It flows with the request's async context down to the
/// upstream's HTTP pipeline (<see cref="UpstreamBearerHandler"/>); requests outside it keep the gateway's own credentials.
/// </summary>
public static class UpstreamBearer
{
    private static readonly AsyncLocal<string?> Current = new();

    /// <summary>The token in force for upstream requests sent from here, if any.</summary>
    public static string? Token => Current.Value;

    /// <summary>Sends the upstream requests made until the scope ends with <paramref name="token"/> (null: the upstream's own credentials).</summary>
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
