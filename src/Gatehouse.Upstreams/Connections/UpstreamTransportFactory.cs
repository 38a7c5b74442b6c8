using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;

namespace Gatehouse.Upstreams;

/// <summary>Creates the MCP client transport for an upstream: Streamable HTTP (or legacy SSE) for a URL, a child process for a command.</summary>
public sealed class UpstreamTransportFactory(IHttpClientFactory httpClients, ILoggerFactory loggerFactory)
{
    /// <summary>The named <see cref="HttpClient"/> of an HTTP upstream; each has its own circuit breaker.</summary>
    public static string HttpClientName(string upstream) => "gatehouse-upstream:" + upstream;

    private readonly ILogger _logger = loggerFactory.CreateLogger<UpstreamTransportFactory>();

    /// <summary>A transport to the upstream; for HTTP, optionally rejoining an existing upstream session.</summary>
    /// <param name="name">The upstream's name.</param>
    /// <param name="options">The upstream's configuration.</param>
    /// <param name="knownSessionId">An upstream session to rejoin instead of starting one.</param>
    /// <param name="listen">Whether to hold the upstream's stream of unsolicited messages (one per upstream session).</param>
    /// <param name="ownsSession">Whether closing the transport ends the upstream session.</param>
    public IClientTransport Create(string name, UpstreamOptions options, string? knownSessionId = null, bool listen = false, bool ownsSession = true)
    {
        if (options.IsStdio)
        {
            return new StdioClientTransport(new StdioClientTransportOptions
            {
                Name = name,
                Command = options.Command!,
                Arguments = [.. options.Args],
                WorkingDirectory = options.WorkingDirectory,
                EnvironmentVariables = options.Env.ToDictionary(pair => pair.Key, pair => (string?)pair.Value, StringComparer.Ordinal),
                StandardErrorLines = line => UpstreamLog.StandardError(_logger, name, line),
            }, loggerFactory);
        }

        var http = httpClients.CreateClient(HttpClientName(name));
        return new HttpClientTransport(new HttpClientTransportOptions
        {
            Name = name,
            Endpoint = options.Url!,
            AdditionalHeaders = UpstreamCredentials.Headers(options),
            ConnectionTimeout = TimeSpan.FromSeconds(options.ConnectTimeoutSeconds),
            KnownSessionId = knownSessionId,

            // Rejoining a session is a Streamable HTTP feature; a new session may still fall back to legacy SSE.
            TransportMode = knownSessionId is null ? HttpTransportMode.AutoDetect : HttpTransportMode.StreamableHttp,
            EnableStandaloneGetStream = listen,
            OwnsSession = ownsSession,
        }, http, loggerFactory, ownsHttpClient: false);
    }
}
