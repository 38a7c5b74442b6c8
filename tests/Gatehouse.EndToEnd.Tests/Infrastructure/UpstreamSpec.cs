using System.Text.Json.Nodes;

namespace Gatehouse.EndToEnd.Tests.Infrastructure;

/// <summary>One upstream in a test gateway's configuration, with the policy to put in front of it.</summary>
internal sealed record UpstreamSpec(JsonObject Settings, string PolicyJson)
{
    public static UpstreamSpec Http(Uri url, string policyJson, int timeoutSeconds = 30) =>
        new(new JsonObject { ["Url"] = url.ToString(), ["TimeoutSeconds"] = timeoutSeconds, ["ConnectTimeoutSeconds"] = 5 }, policyJson);

    public static UpstreamSpec Stdio(string command, IEnumerable<string> args, string policyJson) =>
        new(new JsonObject { ["Command"] = command, ["Args"] = new JsonArray([.. args.Select(a => JsonValue.Create(a))]), ["ConnectTimeoutSeconds"] = 60 }, policyJson);

    /// <summary>The C# test upstream as a stdio process.</summary>
    public static UpstreamSpec TestUpstreamStdio(string policyJson) => Stdio("dotnet", [Paths.TestUpstreamDll, "--stdio"], policyJson);

    /// <summary><c>@modelcontextprotocol/server-filesystem</c> as a stdio process, allowed into <paramref name="folder"/> only.</summary>
    public static UpstreamSpec FilesystemStdio(string folder, string policyJson) =>
        Stdio("node", [Path.Combine(Paths.NodeModules, "@modelcontextprotocol", "server-filesystem", "dist", "index.js"), folder], policyJson);

    /// <summary><c>@modelcontextprotocol/server-everything</c> as a stdio process.</summary>
    public static UpstreamSpec EverythingStdio(string policyJson) =>
        Stdio("node", [Path.Combine(Paths.NodeModules, "@modelcontextprotocol", "server-everything", "dist", "index.js"), "stdio"], policyJson);
}
