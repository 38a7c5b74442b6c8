using System.Net.Http.Headers;

namespace Gatehouse.Upstreams;

/// <summary>In an HTTP upstream's pipeline: puts <see cref="UpstreamBearer.Token"/>, when one is in force, in the request's <c>Authorization</c>.</summary>
public sealed class UpstreamBearerHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (UpstreamBearer.Token.Value is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
