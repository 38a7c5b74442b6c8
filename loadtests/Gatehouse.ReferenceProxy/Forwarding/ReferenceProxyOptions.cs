namespace Gatehouse.ReferenceProxy.Forwarding;

/// <summary>Where the reference proxy forwards to (section <c>ReferenceProxy</c>, or <c>--upstream URL</c>).</summary>
internal sealed class ReferenceProxyOptions
{
    public const string SectionName = "ReferenceProxy";

    /// <summary><c>--upstream URL</c> is short for <c>--ReferenceProxy:Upstream URL</c>.</summary>
    public static readonly IDictionary<string, string> SwitchMappings = new Dictionary<string, string>
    {
        ["--upstream"] = $"{SectionName}:{nameof(Upstream)}",
    };

    /// <summary>
    /// The upstream's base URL, e.g. <c>http://127.0.0.1:5000/</c>. Every request goes there with its own path
    /// and query appended (<c>/mcp</c> goes to <c>http://127.0.0.1:5000/mcp</c>). Required.
    /// </summary>
    public Uri? Upstream { get; set; }
}
