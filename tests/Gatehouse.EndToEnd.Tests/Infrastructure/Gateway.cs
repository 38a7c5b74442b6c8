using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ModelContextProtocol.Client;

namespace Gatehouse.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A real <c>gatehouse</c> process on free ports with its own configuration folder: upstreams,
/// their policies, and one freshly generated token per grant.
/// </summary>
internal sealed class Gateway : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly Dictionary<string, string> _tokens;
    private readonly string _folder;

    private Gateway(ChildProcess process, Uri baseUrl, Dictionary<string, string> tokens, string folder)
    {
        _process = process;
        BaseUrl = baseUrl;
        _tokens = tokens;
        _folder = folder;
    }

    public Uri BaseUrl { get; }

    public string Output => _process.Output;

    public static async Task<Gateway> StartAsync(IReadOnlyDictionary<string, UpstreamSpec> upstreams, IReadOnlyDictionary<string, string[]> grants, Action<JsonObject>? configure = null)
    {
        var folder = Directory.CreateTempSubdirectory("gatehouse-e2e-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "policies"));
        var tokens = grants.Keys.ToDictionary(grant => grant, _ => "tok_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));

        var upstreamSection = new JsonObject();
        foreach (var (name, spec) in upstreams)
        {
            File.WriteAllText(Path.Combine(folder, "policies", name + ".json"), spec.PolicyJson);
            var settings = (JsonObject)spec.Settings.DeepClone();
            settings["Policy"] = $"policies/{name}.json";
            upstreamSection[name] = settings;
        }

        var grantSection = new JsonObject();
        foreach (var (grant, names) in grants)
        {
            grantSection[grant] = new JsonObject
            {
                ["TokenSha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(tokens[grant]))),
                ["Upstreams"] = new JsonArray([.. names.Select(n => JsonValue.Create(n))]),
            };
        }

        var gatehouse = new JsonObject
        {
            ["Upstreams"] = upstreamSection,
            ["Grants"] = grantSection,
            ["Cluster"] = new JsonObject { ["SiloPort"] = FreePort.Next(), ["GatewayPort"] = FreePort.Next() },
        };
        configure?.Invoke(gatehouse);
        var config = new JsonObject
        {
            ["Logging"] = new JsonObject { ["LogLevel"] = new JsonObject { ["Default"] = "Warning", ["Gatehouse"] = "Information" } },
            ["Gatehouse"] = gatehouse,
        };
        var configPath = Path.Combine(folder, "gatehouse.json");
        File.WriteAllText(configPath, config.ToJsonString());

        var baseUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var process = ChildProcess.Start("dotnet", [Paths.GatehouseDll, "--config", configPath, "--urls", baseUrl.ToString()], folder);
        var gateway = new Gateway(process, baseUrl, tokens, folder);
        try
        {
            await Readiness.WaitForAsync(new Uri(baseUrl, "/readyz"), process, TimeSpan.FromSeconds(60));
        }
        catch
        {
            await gateway.DisposeAsync();
            throw;
        }

        return gateway;
    }

    public string TokenOf(string grant) => _tokens[grant];

    public Uri EndpointOf(string upstream) => new(BaseUrl, $"/mcp/{upstream}");

    /// <summary>An official C# SDK client session to <c>/mcp/{upstream}</c> as the given grant.</summary>
    public Task<McpClient> ConnectAsync(string upstream, string grant, string? protocolVersion = "2025-11-25") =>
        Agents.ConnectAsync(EndpointOf(upstream), TokenOf(grant), protocolVersion);

    /// <summary>An HTTP client that presents the grant's token.</summary>
    public HttpClient HttpFor(string? grant)
    {
        var http = new HttpClient { BaseAddress = BaseUrl };
        if (grant is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenOf(grant));
        }

        return http;
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A stdio upstream may still hold a file open for a moment; the temp folder is cleaned by the OS.
        }
    }
}
