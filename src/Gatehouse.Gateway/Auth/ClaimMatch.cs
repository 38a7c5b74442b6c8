namespace Gatehouse.Gateway.Auth;

/// <summary>Whether an access token's claims satisfy a grant's <c>Match</c>: every listed claim carries at least one accepted value.</summary>
internal static class ClaimMatch
{
    public static bool Satisfies(IReadOnlyDictionary<string, IReadOnlyList<string>> match, Func<string, IReadOnlyList<string>> claimValues)
    {
        foreach (var (claim, accepted) in match)
        {
            var values = claimValues(claim);
            if (!values.Any(value => accepted.Contains(value, StringComparer.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }
}
