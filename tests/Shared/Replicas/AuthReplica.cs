using System.Text;
using System.Text.Json.Nodes;
using Gatehouse.Gateway.Auth;

namespace Gatehouse.Testing;

/// <summary>
/// One replica in this process for the authentication tests: upstreams <c>quiet</c> and <c>other</c> (never
/// called), grant <c>alpha</c> on <c>quiet</c>, and the admin token unless <paramref name="withAdminToken"/> is false.
/// </summary>
public abstract class AuthReplica(bool withAdminToken) : IAsyncLifetime
{
    public const string AlphaToken = "alpha-token-of-the-auth-tests";

    public const string AdminToken = "admin-token-of-the-auth-tests";

    private readonly string _folder = Directory.CreateTempSubdirectory("gatehouse-auth-").FullName;
    private InProcessReplica? _replica;

    internal Uri BaseUrl => _replica!.BaseUrl;

    public async Task InitializeAsync() => _replica = await InProcessReplica.StartAsync(WriteConfiguration());

    public async Task DisposeAsync()
    {
        if (_replica is not null)
        {
            await _replica.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A POST of <c>initialize</c> to <paramref name="path"/>, with <paramref name="authorization"/> as the whole header value when given.</summary>
    internal static HttpRequestMessage Initialize(string path, string? authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(
                """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""",
                Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return request;
    }

    internal HttpClient Http() => new() { BaseAddress = BaseUrl };

    private string WriteConfiguration()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "policies"));
        File.WriteAllText(Path.Combine(_folder, "policies", "quiet.json"), """{ "version": "1", "default": "allow" }""");
        var gatehouse = new JsonObject
        {
            ["Upstreams"] = new JsonObject
            {
                ["quiet"] = new JsonObject { ["Url"] = $"http://127.0.0.1:{FreePort.Next()}/mcp", ["Policy"] = "policies/quiet.json" },
                ["other"] = new JsonObject { ["Url"] = $"http://127.0.0.1:{FreePort.Next()}/mcp", ["Policy"] = "policies/quiet.json" },
            },
            ["Grants"] = new JsonObject
            {
                ["alpha"] = new JsonObject { ["TokenSha256"] = TokenHash.Of(AlphaToken), ["Upstreams"] = new JsonArray("quiet") },
            },
        };
        if (withAdminToken)
        {
            gatehouse["AdminTokenSha256"] = TokenHash.Of(AdminToken);
        }

        var config = new JsonObject
        {
            ["Logging"] = new JsonObject { ["LogLevel"] = new JsonObject { ["Default"] = "Warning" } },
            ["Gatehouse"] = gatehouse,
        };
        var path = Path.Combine(_folder, "gatehouse.json");
        File.WriteAllText(path, config.ToJsonString());
        return path;
    }
}

/// <summary>The replica with the admin token configured.</summary>
public sealed class OpenAdminReplica() : AuthReplica(withAdminToken: true);

/// <summary>The replica without an admin token: its admin API is closed.</summary>
public sealed class ClosedAdminReplica() : AuthReplica(withAdminToken: false);
