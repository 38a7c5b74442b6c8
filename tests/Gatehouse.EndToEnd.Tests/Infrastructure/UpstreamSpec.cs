using System.Text.Json.Nodes;

namespace Gatehouse.EndToEnd.Tests.Infrastructure;

/// <summary>One upstream in a test gateway's configuration, with the policy to put in front of it.</summary>
/// <remarks>
/// The upstream timeouts are ceilings that only catch a hang: on a loaded machine connecting to an upstream
/// or a round trip through the agent can take far longer than Gatehouse's defaults (10 s, 30 s), and a test
/// must not fail for that. A test about a timeout sets its own.
/// </remarks>
internal sealed record UpstreamSpec(JsonObject Settings, string PolicyJson)
{
    private const int CeilingSeconds = 120;

    public static UpstreamSpec Http(Uri url, string policyJson, int timeoutSeconds = CeilingSeconds) =>
        new(new JsonObject { ["Url"] = url.ToString(), ["TimeoutSeconds"] = timeoutSeconds, ["ConnectTimeoutSeconds"] = CeilingSeconds }, policyJson);

    public static UpstreamSpec Stdio(string command, IEnumerable<string> args, string policyJson) =>
        new(new JsonObject { ["Command"] = command, ["Args"] = new JsonArray([.. args.Select(a => JsonValue.Create(a))]), ["TimeoutSeconds"] = CeilingSeconds, ["ConnectTimeoutSeconds"] = CeilingSeconds }, policyJson);

    /// <summary>This stdio upstream with a process of its own for each agent session, within the given limits.</summary>
    public UpstreamSpec PerSession(int maxProcesses = 20, int idleSeconds = 600, int? maxMemoryMb = null)
    {
        var settings = (JsonObject)Settings.DeepClone();
        settings["ProcessPerSession"] = true;
        settings["MaxProcesses"] = maxProcesses;
        settings["ProcessIdleSeconds"] = idleSeconds;
        if (maxMemoryMb is { } memory)
        {
            settings["MaxProcessMemoryMb"] = memory;
        }

        return this with { Settings = settings };
    }

    /// <summary>This HTTP upstream spoken to at <paramref name="protocolVersion"/> for 2026-07-28 agents (<c>ProtocolVersion</c>).</summary>
    public UpstreamSpec Speaking(string protocolVersion)
    {
        var settings = (JsonObject)Settings.DeepClone();
        settings["ProtocolVersion"] = protocolVersion;
        return this with { Settings = settings };
    }

    /// <summary>This HTTP upstream as one that speaks only 2026-07-28 (<c>ProtocolVersion</c> and <c>Sessionless</c>).</summary>
    public UpstreamSpec SessionlessOnly()
    {
        var settings = (JsonObject)Speaking("2026-07-28").Settings.DeepClone();
        settings["Sessionless"] = true;
        return this with { Settings = settings };
    }

    /// <summary>The C# test upstream as a stdio process; with <paramref name="subscriptions"/>, resource subscriptions and <c>touch</c>.</summary>
    public static UpstreamSpec TestUpstreamStdio(string policyJson, bool subscriptions = false) =>
        Stdio("dotnet", subscriptions ? [Paths.TestUpstreamDll, "--stdio", "--subscriptions"] : [Paths.TestUpstreamDll, "--stdio"], policyJson);

    /// <summary><c>@modelcontextprotocol/server-filesystem</c> as a stdio process, allowed into <paramref name="folder"/> only.</summary>
    public static UpstreamSpec FilesystemStdio(string folder, string policyJson) =>
        Stdio("node", [Path.Combine(Paths.NodeModules, "@modelcontextprotocol", "server-filesystem", "dist", "index.js"), folder], policyJson);

    /// <summary><c>@modelcontextprotocol/server-everything</c> as a stdio process.</summary>
    public static UpstreamSpec EverythingStdio(string policyJson) =>
        Stdio("node", [Path.Combine(Paths.NodeModules, "@modelcontextprotocol", "server-everything", "dist", "index.js"), "stdio"], policyJson);
}
