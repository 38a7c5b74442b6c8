using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;

namespace Gatehouse.EndToEnd.Tests.Infrastructure;

internal static class ToolResults
{
    public static string Text(this CallToolResult result) =>
        string.Concat(result.Content.OfType<TextContentBlock>().Select(block => block.Text));

    /// <summary>The <c>_meta["gatehouse/decision"]</c> of a refusal, or null.</summary>
    public static JsonObject? Decision(this CallToolResult result) => result.Meta?["gatehouse/decision"] as JsonObject;

    public static Dictionary<string, object?> Args(params (string Name, object? Value)[] pairs) =>
        pairs.ToDictionary(p => p.Name, p => p.Value);
}
