using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Gatehouse.LoadTests.Infrastructure;

/// <summary>
/// A gateway configuration folder written for one scenario: <c>gatehouse.json</c>, each upstream's policy, a
/// fresh token per grant (only their SHA-256 goes in the file) and an admin token.
/// </summary>
internal sealed class GatehouseConfig : IDisposable
{
    private GatehouseConfig(string folder, Dictionary<string, string> tokens, string adminToken)
    {
        Folder = folder;
        Tokens = tokens;
        AdminToken = adminToken;
    }

    public string Folder { get; }

    public string Path => System.IO.Path.Combine(Folder, "gatehouse.json");

    /// <summary>Each grant's bearer token.</summary>
    public IReadOnlyDictionary<string, string> Tokens { get; }

    public string AdminToken { get; }

    /// <param name="upstreams">Upstream name to (its MCP URL, its policy document).</param>
    /// <param name="grants">Grant id to the upstreams it may use.</param>
    /// <param name="cluster">The <c>Gatehouse:Cluster</c> section.</param>
    /// <param name="durability"><c>Gatehouse:Counters:Durability</c>, or null for the default.</param>
    public static GatehouseConfig Write(
        IReadOnlyDictionary<string, (Uri Url, string Policy)> upstreams,
        IReadOnlyDictionary<string, string[]> grants,
        JsonObject cluster,
        string? durability = null)
    {
        var folder = Directory.CreateTempSubdirectory("gatehouse-load-").FullName;
        Directory.CreateDirectory(System.IO.Path.Combine(folder, "policies"));
        var tokens = grants.Keys.ToDictionary(grant => grant, _ => NewToken());
        var adminToken = NewToken();

        var upstreamSection = new JsonObject();
        foreach (var (name, (url, policy)) in upstreams)
        {
            File.WriteAllText(System.IO.Path.Combine(folder, "policies", name + ".json"), policy);
            upstreamSection[name] = new JsonObject { ["Url"] = url.ToString(), ["Policy"] = $"policies/{name}.json" };
        }

        var grantSection = new JsonObject();
        foreach (var (grant, names) in grants)
        {
            grantSection[grant] = new JsonObject
            {
                ["TokenSha256"] = Sha256(tokens[grant]),
                ["Upstreams"] = new JsonArray([.. names.Select(n => JsonValue.Create(n))]),
            };
        }

        var gatehouse = new JsonObject
        {
            ["Upstreams"] = upstreamSection,
            ["Grants"] = grantSection,
            ["AdminTokenSha256"] = Sha256(adminToken),
            ["Cluster"] = cluster,
        };
        if (durability is not null)
        {
            gatehouse["Counters"] = new JsonObject { ["Durability"] = durability };
        }

        // The logging levels of the shipped samples: warnings, and Gatehouse's own information.
        var config = new JsonObject
        {
            ["Logging"] = new JsonObject { ["LogLevel"] = new JsonObject { ["Default"] = "Warning", ["Gatehouse"] = "Information" } },
            ["Gatehouse"] = gatehouse,
        };
        File.WriteAllText(System.IO.Path.Combine(folder, "gatehouse.json"), config.ToJsonString());
        return new GatehouseConfig(folder, tokens, adminToken);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean with the rest of the temp folder.
        }
    }

    private static string NewToken() => "tok_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    private static string Sha256(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
