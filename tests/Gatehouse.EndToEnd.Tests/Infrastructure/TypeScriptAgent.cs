using System.Text.Json.Nodes;

namespace Gatehouse.EndToEnd.Tests.Infrastructure;

/// <summary>The official TypeScript SDK as an agent: <c>tests/node/ts-agent.mjs</c>, one call per run.</summary>
internal static class TypeScriptAgent
{
    /// <summary>Connects, lists tools, calls one tool; returns the script's JSON line (<c>tools</c>, <c>result</c> or <c>error</c>, <c>progress</c>).</summary>
    public static async Task<JsonObject> CallAsync(Uri endpoint, string? token, string tool, string argumentsJson, bool withProgress = false)
    {
        var arguments = new List<string> { Paths.NodeScript("ts-agent.mjs"), "--url", endpoint.ToString(), "--tool", tool, "--args", argumentsJson };
        if (token is not null)
        {
            arguments.AddRange(["--token", token]);
        }

        if (withProgress)
        {
            arguments.Add("--progress");
        }

        return await RunAsync(arguments);
    }

    /// <summary>As <see cref="CallAsync"/>, but the agent holds only an OAuth client id and secret: the SDK discovers the authorization server from Gatehouse's 401 and gets a token by client credentials.</summary>
    public static Task<JsonObject> CallWithClientCredentialsAsync(Uri endpoint, string clientId, string clientSecret, string issuer, string tool, string argumentsJson) =>
        RunAsync([Paths.NodeScript("ts-agent.mjs"), "--url", endpoint.ToString(), "--client-id", clientId, "--client-secret", clientSecret, "--expected-issuer", issuer, "--tool", tool, "--args", argumentsJson]);

    private static async Task<JsonObject> RunAsync(IEnumerable<string> arguments)
    {
        // The SDK gives each request 60 s by default, a wall-clock bound a loaded machine can exceed: the ceiling that
        // only catches hangs applies instead.
        List<string> withCeiling = [.. arguments];
        if (!withCeiling.Contains("--timeout"))
        {
            withCeiling.AddRange(["--timeout", ((long)Eventually.Ceiling.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        await using var process = ChildProcess.Start("node", withCeiling);
        await process.WaitForExitAsync(Eventually.Ceiling);
        var line = process.StandardOutputLines.LastOrDefault(l => l.StartsWith('{'))
            ?? throw new InvalidOperationException($"ts-agent printed no JSON. Output:\n{process.Output}");
        return (JsonObject)JsonNode.Parse(line)!;
    }
}
