namespace Gatehouse.Policy.Naming;

/// <summary>
/// How <c>/mcp</c> names what it gathers from several upstreams: tools and prompts as
/// <c>{upstream}__{name}</c>; resource URIs (and templates) as <c>gatehouse:{upstream}:{uri}</c>,
/// which is itself a URI, keeps every upstream's URIs apart and is undone exactly.
/// </summary>
public static class AggregateNames
{
    public const string Separator = "__";

    public const string UriScheme = "gatehouse:";

    public static string Name(string upstream, string name) => upstream + Separator + name;

    /// <summary>Splits <c>{upstream}__{name}</c> at the first separator (upstream names never contain one).</summary>
    public static bool TrySplitName(string prefixed, out string upstream, out string name)
    {
        var at = prefixed.IndexOf(Separator, StringComparison.Ordinal);
        upstream = at > 0 ? prefixed[..at] : string.Empty;
        name = at > 0 ? prefixed[(at + Separator.Length)..] : string.Empty;
        return at > 0 && name.Length > 0;
    }

    public static string Uri(string upstream, string uri) => UriScheme + upstream + ":" + uri;

    public static bool TrySplitUri(string prefixed, out string upstream, out string uri)
    {
        upstream = uri = string.Empty;
        if (!prefixed.StartsWith(UriScheme, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = prefixed[UriScheme.Length..];
        var at = rest.IndexOf(':', StringComparison.Ordinal);
        if (at <= 0)
        {
            return false;
        }

        upstream = rest[..at];
        uri = rest[(at + 1)..];
        return uri.Length > 0;
    }
}
