using System.Text.Json.Nodes;

namespace Gatehouse.EndToEnd.Tests.Infrastructure;

/// <summary><c>tests/node/ts-cluster-agent.mjs</c>: the TypeScript SDK as an agent whose requests go round-robin over replicas.</summary>
internal static class TypeScriptClusterAgent
{
    public static async Task<JsonObject> RunAsync(IEnumerable<Uri> endpoints, string token, string script = "ts-cluster-agent.mjs", params string[] more)
    {
        await using var process = ChildProcess.Start("node", [Paths.NodeScript(script), "--urls", string.Join(',', endpoints), "--token", token, .. more]);
        await process.WaitForExitAsync(Eventually.Ceiling);
        var line = process.StandardOutputLines.LastOrDefault(l => l.StartsWith('{'))
            ?? throw new InvalidOperationException($"{script} printed no JSON. Output:\n{process.Output}");
        return (JsonObject)JsonNode.Parse(line)!;
    }
}
