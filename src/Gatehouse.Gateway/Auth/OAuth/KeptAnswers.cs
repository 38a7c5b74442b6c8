using System.Collections.Concurrent;

namespace Gatehouse.Gateway.Auth.OAuth;

/// <summary>
/// Answers an issuer gave about a token (an introspection, an exchanged token), kept per replica by the token's SHA-256
/// until a time; bounded (past <see cref="MaxKept"/> entries it starts afresh), so no flood of tokens grows it.
/// </summary>
internal sealed class KeptAnswers<T>
{
    public const int MaxKept = 10_000;

    private readonly ConcurrentDictionary<string, (T Answer, DateTimeOffset Until)> _kept = new(StringComparer.Ordinal);

    /// <summary>The key of a token's answer for one purpose (a resource, an upstream): the token itself is not kept.</summary>
    public static string KeyOf(string token, string? purpose) => TokenHash.Of(token) + "\n" + purpose;

    public bool TryGet(string key, DateTimeOffset now, out T answer)
    {
        if (_kept.TryGetValue(key, out var kept) && kept.Until > now)
        {
            answer = kept.Answer;
            return true;
        }

        answer = default!;
        return false;
    }

    public void Keep(string key, T answer, DateTimeOffset until)
    {
        if (_kept.Count >= MaxKept)
        {
            _kept.Clear();
        }

        _kept[key] = (answer, until);
    }
}
