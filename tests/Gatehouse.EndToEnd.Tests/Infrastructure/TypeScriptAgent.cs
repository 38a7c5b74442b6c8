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

        await using var process = ChildProcess.Start("node", arguments);
        await process.WaitForExitAsync(Eventually.Ceiling);
        var line = process.StandardOutputLines.LastOrDefault(l => l.StartsWith('{'))
            ?? throw new InvalidOperationException($"ts-agent printed no JSON. Output:\n{process.Output}");
        return (JsonObject)JsonNode.Parse(line)!;
    }
}
