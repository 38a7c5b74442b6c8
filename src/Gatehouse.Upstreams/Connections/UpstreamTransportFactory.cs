using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;

namespace Gatehouse.Upstreams;

/// <summary>Creates the MCP client transport for an upstream: Streamable HTTP (or legacy SSE) for a URL, a child process for a command.</summary>
public sealed class UpstreamTransportFactory(IHttpClientFactory httpClients, ILoggerFactory loggerFactory)
{
    /// <summary>The named <see cref="HttpClient"/> used for every HTTP upstream.</summary>
    public const string HttpClientName = "gatehouse-upstream";

    private readonly ILogger _logger = loggerFactory.CreateLogger<UpstreamTransportFactory>();

    public IClientTransport Create(string name, UpstreamOptions options)
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

        var http = httpClients.CreateClient(HttpClientName);
        return new HttpClientTransport(new HttpClientTransportOptions
        {
            Name = name,
            Endpoint = options.Url!,
            AdditionalHeaders = new Dictionary<string, string>(options.Headers, StringComparer.OrdinalIgnoreCase),
            ConnectionTimeout = TimeSpan.FromSeconds(options.ConnectTimeoutSeconds),
        }, http, loggerFactory, ownsHttpClient: false);
    }
}
