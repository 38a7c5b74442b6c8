using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Gatehouse.Deployment.Tests.Infrastructure;
using Gatehouse.Deployment.Tests.Metrics;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Gatehouse.Deployment.Tests.Gateway;

/// <summary>
/// One real gatehouse process (the build of src/Gatehouse.Host), in front of the C# test upstream over
/// stdio and of an upstream where nothing listens. Before the tests run, an MCP client (the official C#
/// SDK) makes an allowed call (<c>echo</c>, which spends a rate-limit counter), a denied one
/// (<c>get-secret</c>) and a call to the dead upstream, so that every decision, refusal, latency and
/// error instrument has a measurement and appears at <c>/metrics</c>; then <c>/metrics</c> is scraped.
/// </summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    private const string Token = "tok_deployment_tests_only";
    private const string Grant = "deployment-tests";

    private const string TestPolicy = """
        {
          "version": "deployment-tests-1",
          "default": "allow",
          "tools": {
            "get-secret": { "action": "deny", "reason": "exposes server secrets" },
            "echo": { "limits": [ { "counter": "echo_rate", "window": "minute", "max": 1000, "scope": "grant" } ] }
          }
        }
        """;

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private readonly TempFolder _folder = new("gatehouse-deployment-");
    private ChildProcess? _process;

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1");

    internal PrometheusScrape Scrape { get; private set; } = PrometheusScrape.Parse(string.Empty);

    public string Output => _process?.Output ?? string.Empty;

    public async Task InitializeAsync()
    {
        var configPath = WriteConfiguration();
        BaseUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        _process = ChildProcess.Start("dotnet", [Repository.GatehouseDll, "--config", configPath, "--urls", BaseUrl.ToString()], _folder.Path);
        await WaitUntilReadyAsync(Eventually.Ceiling);
        await MakeCallsAsync();
        using var metrics = await Http.GetAsync(new Uri(BaseUrl, "/metrics"));
        Scrape = PrometheusScrape.Parse(await metrics.EnsureStatusAsync(HttpStatusCode.OK));
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        _folder.Dispose();
    }

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(new Uri(BaseUrl, path));

    private string WriteConfiguration()
    {
        Directory.CreateDirectory(_folder.Combine("policies"));
        File.WriteAllText(_folder.Combine("policies", "test.json"), TestPolicy);
        File.WriteAllText(_folder.Combine("policies", "down.json"), """{ "version": "1", "default": "allow" }""");
        var config = new JsonObject
        {
            ["Logging"] = new JsonObject { ["LogLevel"] = new JsonObject { ["Default"] = "Warning" } },
            ["Gatehouse"] = new JsonObject
            {
                ["Upstreams"] = new JsonObject
                {
                    ["test"] = new JsonObject
                    {
                        ["Command"] = "dotnet",
                        ["Args"] = new JsonArray(Repository.TestUpstreamDll, "--stdio"),
                        ["Policy"] = "policies/test.json",
                        ["ConnectTimeoutSeconds"] = 60,
                    },
                    ["down"] = new JsonObject
                    {
                        // Nothing listens there: every request to it is an upstream error.
                        ["Url"] = $"http://127.0.0.1:{FreePort.Next()}/mcp",
                        ["Policy"] = "policies/down.json",
                        ["ConnectTimeoutSeconds"] = 2,
                        ["TimeoutSeconds"] = 5,
                    },
                },
                ["Grants"] = new JsonObject
                {
                    [Grant] = new JsonObject
                    {
                        ["TokenSha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Token))),
                        ["Upstreams"] = new JsonArray("test", "down"),
                    },
                },
                ["Cluster"] = new JsonObject { ["SiloPort"] = FreePort.Next(), ["GatewayPort"] = FreePort.Next() },
            },
        };
        var path = _folder.Combine("gatehouse.json");
        File.WriteAllText(path, config.ToJsonString());
        return path;
    }

    private async Task WaitUntilReadyAsync(TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"gatehouse exited before it was ready. Output:\n{Output}");
            }

            try
            {
                using var response = await GetAsync("/readyz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"gatehouse was not ready within {limit}. Output:\n{Output}");
    }

    private async Task MakeCallsAsync()
    {
        await using (var client = await ConnectAsync("test"))
        {
            var allowed = await client.CallToolAsync("echo", new Dictionary<string, object?> { ["message"] = "hello" });
            if (allowed.IsError == true)
            {
                throw new InvalidOperationException($"echo was refused; the metrics would lack an allowed call. Output:\n{Output}");
            }

            var denied = await client.CallToolAsync("get-secret", new Dictionary<string, object?>());
            if (denied.IsError != true)
            {
                throw new InvalidOperationException("get-secret was not refused; the metrics would lack a refusal.");
            }
        }

        try
        {
            await using var down = await ConnectAsync("down");
            await down.ListToolsAsync();
        }
        catch (Exception ex) when (ex is ModelContextProtocol.McpException or HttpRequestException or TimeoutException or OperationCanceledException)
        {
            // Expected: the upstream is down, which is what gatehouse_upstream_errors_total counts.
        }
    }

    private async Task<McpClient> ConnectAsync(string upstream)
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(BaseUrl, $"/mcp/{upstream}"),
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = $"Bearer {Token}" },
            TransportMode = HttpTransportMode.StreamableHttp,
        });
        return await McpClient.CreateAsync(transport, new McpClientOptions
        {
            ClientInfo = new Implementation { Name = "gatehouse-deployment-tests", Version = "1.0" },
        });
    }
}
