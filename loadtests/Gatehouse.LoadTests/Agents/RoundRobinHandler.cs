namespace Gatehouse.LoadTests.Agents;

/// <summary>
/// A load balancer in front of several replicas, without stickiness: each request goes to the next target
/// in turn (same path, another host and port). A target that refuses the connection (it is down, so it never
/// saw the request) is skipped, as a load balancer with health checks would do. The targets are those of the
/// <see cref="Rotation"/> when the request is sent.
/// </summary>
internal sealed class RoundRobinHandler(Rotation rotation) : DelegatingHandler(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })
{
    private int _next = Random.Shared.Next(rotation.Current.Count);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var targets = rotation.Current;
        if (targets.Count == 1)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            var target = targets[(int)((uint)Interlocked.Increment(ref _next) % (uint)targets.Count)];
            try
            {
                return await base.SendAsync(Retarget(request, target, body), cancellationToken);
            }
            catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.ConnectionError && attempt < targets.Count)
            {
                // Refused: the request never reached that target; try the next.
            }
        }
    }

    private static HttpRequestMessage Retarget(HttpRequestMessage request, Uri target, byte[]? body)
    {
        var copy = new HttpRequestMessage(request.Method, new UriBuilder(request.RequestUri!) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri)
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
