using System.Text.Json.Nodes;

namespace Gatehouse.Testing;

/// <summary>The configuration of a replica on the embedded default (one silo on localhost clustering) in front of one upstream, <c>quiet</c>, that is never called.</summary>
internal static class QuietReplicaConfig
{
    /// <summary>Writes it (and its policy) into <paramref name="folder"/>, with <paramref name="gatehouse"/>'s additions to the <c>Gatehouse</c> section; returns its path.</summary>
    public static string Write(string folder, Action<JsonObject>? gatehouse = null)
    {
        Directory.CreateDirectory(Path.Combine(folder, "policies"));
        File.WriteAllText(Path.Combine(folder, "policies", "quiet.json"), """{ "version": "1", "default": "allow" }""");
        var section = new JsonObject
        {
            ["Upstreams"] = new JsonObject
            {
                ["quiet"] = new JsonObject { ["Url"] = $"http://127.0.0.1:{FreePort.Next()}/mcp", ["Policy"] = "policies/quiet.json" },
            },
        };
        gatehouse?.Invoke(section);
        var config = new JsonObject
        {
            ["Logging"] = new JsonObject { ["LogLevel"] = new JsonObject { ["Default"] = "Warning" } },
            ["Gatehouse"] = section,
        };
        var path = Path.Combine(folder, "gatehouse.json");
        File.WriteAllText(path, config.ToJsonString());
        return path;
    }
}
