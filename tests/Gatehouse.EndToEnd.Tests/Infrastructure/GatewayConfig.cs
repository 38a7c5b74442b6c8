using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Gatehouse.EndToEnd.Tests.Infrastructure;

/// <summary>A gateway configuration folder: <c>gatehouse.json</c>, the upstreams' policies, and one fresh token per grant.</summary>
internal sealed class GatewayConfig : IDisposable
{
    /// <summary>The admin token every test configuration accepts.</summary>
    public const string AdminToken = "test-admin-token";

    /// <summary>The admin API of any replica started with a test configuration.</summary>
    public static AdminApi Admin { get; } = new(AdminToken);

    private GatewayConfig(string folder, string path, Dictionary<string, string> tokens)
    {
        Folder = folder;
        Path = path;
        Tokens = tokens;
    }

    public string Folder { get; }

    public string Path { get; }

    public IReadOnlyDictionary<string, string> Tokens { get; }

    public static GatewayConfig Write(IReadOnlyDictionary<string, UpstreamSpec> upstreams, IReadOnlyDictionary<string, string[]> grants, Action<JsonObject>? configure = null)
    {
        var folder = Directory.CreateTempSubdirectory("gatehouse-e2e-").FullName;
        Directory.CreateDirectory(System.IO.Path.Combine(folder, "policies"));
        var tokens = grants.Keys.ToDictionary(grant => grant, _ => "tok_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));

        var upstreamSection = new JsonObject();
        foreach (var (name, spec) in upstreams)
        {
            File.WriteAllText(System.IO.Path.Combine(folder, "policies", name + ".json"), spec.PolicyJson);
            var settings = (JsonObject)spec.Settings.DeepClone();
            settings["Policy"] = $"policies/{name}.json";
            upstreamSection[name] = settings;
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
            ["AdminTokenSha256"] = Sha256(AdminToken),
            ["Cluster"] = new JsonObject(),
        };
        configure?.Invoke(gatehouse);
        var config = new JsonObject
        {
            ["Logging"] = new JsonObject { ["LogLevel"] = new JsonObject { ["Default"] = "Warning", ["Gatehouse"] = "Information" } },
            ["Gatehouse"] = gatehouse,
        };
        var path = System.IO.Path.Combine(folder, "gatehouse.json");
        File.WriteAllText(path, config.ToJsonString());
        return new GatewayConfig(folder, path, tokens);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A stdio upstream may still hold a file open for a moment; the temp folder is cleaned by the OS.
        }
    }

    private static string Sha256(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
