using System.Net.Http;

namespace Gatehouse.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A load balancer in front of the replicas, without stickiness: each request goes to the next
/// replica in turn. A replica that refuses the connection (it is down, so it never saw the request)
/// is skipped and the request goes to the next, as a load balancer with health checks would do.
/// </summary>
internal sealed class RoundRobinHandler(Func<IReadOnlyList<Uri>> replicas) : DelegatingHandler(new SocketsHttpHandler())
{
    private int _next;

    /// <summary>The replica each request was sent to, in order (for tests that check the spread).</summary>
    public List<Uri> Sent { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var targets = replicas();
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            var target = targets[(int)((uint)Interlocked.Increment(ref _next) % (uint)targets.Count)];
            var copy = Retarget(request, target, body);
            try
            {
                var response = await base.SendAsync(copy, cancellationToken);
                lock (Sent)
                {
                    Sent.Add(target);
                }

                return response;
            }
            catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.ConnectionError && attempt < targets.Count)
            {
                // Refused: the request never reached that replica; try the next.
            }
        }
    }

    private static HttpRequestMessage Retarget(HttpRequestMessage request, Uri target, byte[]? body)
    {
        var copy = new HttpRequestMessage(request.Method, new UriBuilder(request.RequestUri!) { Host = target.Host, Port = target.Port }.Uri)
        {
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
        };
        foreach (var header in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (body is not null)
        {
            copy.Content = new ByteArrayContent(body);
            foreach (var header in request.Content!.Headers)
            {
                copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return copy;
    }
}
