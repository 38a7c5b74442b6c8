using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Threading.Channels;

namespace Gatehouse.LoadTests.Infrastructure;

/// <summary>
/// A replica's <c>GET /admin/approvals/events</c>, read as the operator console reads it (server-sent events, the
/// admin token): each <c>approvals</c> event is stamped the moment it is read and queued for <see cref="NextAsync"/>.
/// </summary>
internal sealed class ApprovalEventStream : IAsyncDisposable
{
    private const string EventType = "approvals";
    private readonly HttpClient _http;
    private readonly HttpResponseMessage _response;
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<ApprovalChange> _changes = Channel.CreateUnbounded<ApprovalChange>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly Task _reading;

    private ApprovalEventStream(HttpClient http, HttpResponseMessage response, Stream body)
    {
        _http = http;
        _response = response;
        _reading = ReadAsync(body, _stop.Token);
    }

    public static async Task<ApprovalEventStream> OpenAsync(Uri replica, string adminToken)
    {
        // The stream stays open for the whole run: no client timeout.
        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(replica, "/admin/approvals/events"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            return new ApprovalEventStream(http, response, await response.Content.ReadAsStreamAsync());
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    /// <summary>The next change not taken yet (possibly one that arrived earlier); fails if the stream ended.</summary>
    public async Task<ApprovalChange> NextAsync(CancellationToken cancellationToken) => await _changes.Reader.ReadAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reading;
        _response.Dispose();
        _http.Dispose();
        _stop.Dispose();
    }

    private async Task ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        Exception? ended = null;
        try
        {
            await foreach (var item in SseParser.Create(body).EnumerateAsync(cancellationToken))
            {
                if (item.EventType == EventType)
                {
                    _changes.Writer.TryWrite(new ApprovalChange(long.Parse(item.Data, CultureInfo.InvariantCulture), Stopwatch.GetTimestamp()));
                }
            }

            ended = new IOException("the replica ended the approval event stream");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Disposed.
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            ended = ex;
        }

        _changes.Writer.TryComplete(ended);
    }
}
