using System.Text.Json;

namespace Gatehouse.Policy.Tests;

/// <summary>The tools of the pinned reference servers, as their <c>tools/list</c> reported them (name, description and
/// annotations verbatim, saved in TestData by listing each server with the TypeScript SDK client, the client
/// declaring roots, sampling, elicitation and tasks so that every conditional tool is registered).</summary>
internal static class ReferenceTools
{
    /// <summary><c>@modelcontextprotocol/server-everything@2026.8.31</c> (stdio), all 19 tools.</summary>
    public static IReadOnlyList<ToolDescription> Everything { get; } = Load("server-everything-tools.json");

    /// <summary><c>@modelcontextprotocol/server-filesystem@2026.8.31</c>, all 14 tools.</summary>
    public static IReadOnlyList<ToolDescription> Filesystem { get; } = Load("server-filesystem-tools.json");

    public static ToolDescription Find(IReadOnlyList<ToolDescription> tools, string name) => tools.Single(tool => tool.Name == name);

    private static List<ToolDescription> Load(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", file)));
        return
        [
            .. document.RootElement.GetProperty("tools").EnumerateArray().Select(tool => new ToolDescription(
                tool.GetProperty("name").GetString()!,
                tool.TryGetProperty("description", out var description) ? description.GetString() : null,
                tool.TryGetProperty("annotations", out var annotations) ? ToolAnnotationsHints.FromJson(annotations) : ToolAnnotationsHints.None)),
        ];
    }
}
