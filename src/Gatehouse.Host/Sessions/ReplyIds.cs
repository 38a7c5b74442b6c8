using System.Globalization;

namespace Gatehouse.Host.Sessions;

/// <summary>
/// Ids of the requests Gatehouse sends agents on behalf of upstreams: <c>gatehouse:{replica}:{n}</c>,
/// so the replica an agent's answer lands on can tell whose request it answers.
/// </summary>
internal sealed class ReplyIds
{
    public const string Prefix = "gatehouse:";

    private long _next;

    /// <summary>This process's part of every id it makes.</summary>
    public string Replica { get; } = Guid.NewGuid().ToString("N")[..12];

    public string Next() => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Replica}:{Interlocked.Increment(ref _next)}");

    /// <summary>Whether <paramref name="id"/> is one of ours, made by another replica.</summary>
    public bool IsForeign(string id) =>
        id.StartsWith(Prefix, StringComparison.Ordinal) && !id.AsSpan(Prefix.Length).StartsWith(Replica, StringComparison.Ordinal);
}
