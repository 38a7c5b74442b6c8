namespace Gatehouse.Gateway.Configuration;

/// <summary>
/// Reads a grant's <c>Match</c> section, where each claim names one value (<c>"client_id": "ci"</c>) or several
/// (<c>"groups": ["ops", "sre"]</c>); the configuration binder alone would drop the single values.
/// </summary>
public static class ClaimMatchSection
{
    public static Dictionary<string, List<string>> Read(IConfigurationSection match)
    {
        var claims = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var claim in match.GetChildren())
        {
            claims[claim.Key] = claim.Value is { } single
                ? [single]
                : [.. claim.GetChildren().Select(value => value.Value).OfType<string>()];
        }

        return claims;
    }

    /// <summary>Puts every grant's <c>Match</c> and the operators' <c>AdminMatch</c>, read as above, into the bound options.</summary>
    public static void Apply(GatehouseOptions options, IConfigurationSection gatehouse)
    {
        options.AdminMatch = Read(gatehouse.GetSection("AdminMatch"));
        foreach (var (id, grant) in options.Grants)
        {
            grant.Match = Read(gatehouse.GetSection($"Grants:{id}:Match"));
        }
    }
}
