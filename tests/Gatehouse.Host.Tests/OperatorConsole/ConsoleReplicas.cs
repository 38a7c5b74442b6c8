using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Gatehouse.Gateway.Auth;
using Gatehouse.Host.Approvals;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Host.Tests.OperatorConsole;

/// <summary>
/// Two replicas in this process with the same configuration (each its own one-silo cluster: they share nothing but
/// the configuration), and a webhook receiver that answers the first POST of each approval 503 and the rest 204.
/// </summary>
public sealed class ConsoleReplicas : IAsyncLifetime
{
    public const string AdminToken = "admin-token-of-the-console-tests";

    private readonly string _folder = Directory.CreateTempSubdirectory("gatehouse-console-").FullName;
    private WebApplication? _receiver;
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);

    internal InProcessReplica A { get; private set; } = null!;

    internal InProcessReplica B { get; private set; } = null!;

    /// <summary>The bodies the webhook receiver was sent, in order (failed attempts included).</summary>
    internal ConcurrentQueue<JsonNode> Webhooks { get; } = new();

    public async Task InitializeAsync()
    {
        var receiverUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls(receiverUrl);
        _receiver = builder.Build();
        _receiver.MapPost("/hook", async (HttpRequest request) =>
        {
            var body = (await JsonNode.ParseAsync(request.Body))!;
            Webhooks.Enqueue(body);
            return _attempts.AddOrUpdate((string?)body["id"] ?? string.Empty, 1, (_, count) => count + 1) == 1 ? Results.StatusCode(503) : Results.NoContent();
        });
        await _receiver.StartAsync();

        var config = WriteConfiguration($"{receiverUrl}/hook");
        // Retries wait no time here: the schedule is the test's, nothing waits on the clock.
        Action<WebApplicationBuilder> noWaits = replica => replica.Services.AddSingleton(new ApprovalWebhookSchedule([TimeSpan.Zero, TimeSpan.Zero], TimeSpan.FromSeconds(30)));
        A = await InProcessReplica.StartAsync(config, noWaits);
        B = await InProcessReplica.StartAsync(config, noWaits);
    }

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        if (_receiver is not null)
        {
            await _receiver.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    private string WriteConfiguration(string webhook)
    {
        Directory.CreateDirectory(Path.Combine(_folder, "policies"));
        File.WriteAllText(Path.Combine(_folder, "policies", "bank.json"), """{ "version": "1", "default": "allow", "tools": { "transfer": { "action": "approve" } } }""");
        var config = new JsonObject
        {
            ["Logging"] = new JsonObject { ["LogLevel"] = new JsonObject { ["Default"] = "Warning" } },
            ["Gatehouse"] = new JsonObject
            {
                ["Upstreams"] = new JsonObject
                {
                    ["bank"] = new JsonObject { ["Url"] = $"http://127.0.0.1:{FreePort.Next()}/mcp", ["Policy"] = "policies/bank.json" },
                },
                ["AdminTokenSha256"] = TokenHash.Of(AdminToken),
                ["PublicUrl"] = "https://gatehouse.example",
                ["Approvals"] = new JsonObject { ["WebhookUrl"] = webhook },
                ["Console"] = new JsonObject { ["TraceUrl"] = "https://grafana.example/explore?trace={traceId}" },
            },
        };
        var path = Path.Combine(_folder, "gatehouse.json");
        File.WriteAllText(path, config.ToJsonString());
        return path;
    }
}
