using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Upstreams;

/// <summary>
/// Ends the upstream session that stood for an agent session once the agent closed it: a Streamable HTTP
/// <c>DELETE</c> with its <c>Mcp-Session-Id</c>, from whichever replica took the agent's DELETE. The
/// connections that used it do not own it (any replica may hold one), so without this the upstream would keep
/// the session until its own idle timeout.
/// </summary>
public sealed class UpstreamSessionCloser(UpstreamCatalog catalog, IHttpClientFactory httpClients, TimeProvider time, ILogger<UpstreamSessionCloser> logger)
{
    /// <summary>Ends <paramref name="upstreamSessionId"/> at <paramref name="upstream"/>; never throws, a failure is logged.</summary>
    /// <returns>Whether the upstream holds the session no longer: it ended it, did not know it (404), or keeps none to end (405).</returns>
    public async Task<bool> EndAsync(string upstream, string upstreamSessionId, string protocolVersion)
    {
        // A session recorded before the upstream was taken out of the configuration has nobody left to end it.
        if (!catalog.Upstreams.TryGetValue(upstream, out var options) || options.Url is null)
        {
            return true;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(options.ConnectTimeoutSeconds), time);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Delete, options.Url);
            foreach (var (name, value) in UpstreamCredentials.Headers(options))
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            request.Headers.TryAddWithoutValidation("Mcp-Session-Id", upstreamSessionId);
            request.Headers.TryAddWithoutValidation("MCP-Protocol-Version", protocolVersion);
            using var response = await httpClients.CreateClient(UpstreamTransportFactory.HttpClientName(upstream)).SendAsync(request, timeout.Token);
            if (response.IsSuccessStatusCode || response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
            {
                UpstreamLog.SessionClosed(logger, upstream, (int)response.StatusCode);
                return true;
            }

            UpstreamLog.SessionCloseFailed(logger, upstream, "HTTP " + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
            return false;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or Polly.CircuitBreaker.BrokenCircuitException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            UpstreamLog.SessionCloseFailed(logger, upstream, ex.GetType().Name);
            return false;
        }
    }
}
