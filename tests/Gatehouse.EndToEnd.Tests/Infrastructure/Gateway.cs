using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ModelContextProtocol.Client;

namespace Gatehouse.EndToEnd.Tests.Infrastructure;

/// <summary>One real <c>gatehouse</c> process on free ports, with its own configuration folder (the embedded default).</summary>
internal sealed class Gateway : IAsyncDisposable
{
    private readonly GatewayConfig _config;
    private readonly Replica _replica;

    private Gateway(GatewayConfig config, Replica replica)
    {
        _config = config;
        _replica = replica;
    }

    public Uri BaseUrl => _replica.BaseUrl;

    public string Output => _replica.Output;

    public static async Task<Gateway> StartAsync(IReadOnlyDictionary<string, UpstreamSpec> upstreams, IReadOnlyDictionary<string, string[]> grants, Action<JsonObject>? configure = null, Uri? baseUrl = null)
    {
        var config = GatewayConfig.Write(upstreams, grants, configure);
        try
        {
            return new Gateway(config, await Replica.StartAsync(config, baseUrl));
        }
        catch
        {
            config.Dispose();
            throw;
        }
    }

    public string TokenOf(string grant) => _config.Tokens[grant];

    public Uri EndpointOf(string upstream) => new(BaseUrl, $"/mcp/{upstream}");

    /// <summary>The aggregate endpoint: every upstream of the grant behind one URL.</summary>
    public Uri AggregateEndpoint => new(BaseUrl, "/mcp");

    /// <summary>An official C# SDK client of <c>/mcp</c> as the given grant.</summary>
    public Task<McpClient> ConnectAggregateAsync(string grant, string? protocolVersion = "2025-11-25") =>
        Agents.ConnectAsync(AggregateEndpoint, TokenOf(grant), protocolVersion);

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
        await _replica.DisposeAsync();
        _config.Dispose();
    }
}
