using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Gatehouse.Upstreams;

/// <summary>
/// The HTTP pipeline in front of each HTTP upstream: a circuit breaker of its own, so an upstream that
/// keeps failing is answered "unreachable" at once instead of being hammered and waited on. No retries
/// (a tool call is not idempotent) and no pipeline timeout (responses may be long event streams; each
/// request has the upstream's own timeout).
/// </summary>
public static class UpstreamResilience
{
    /// <summary>Share of failed requests, over at least <see cref="MinimumThroughput"/> in <see cref="SamplingDuration"/>, that opens the circuit.</summary>
    public const double FailureRatio = 0.5;

    public const int MinimumThroughput = 10;

    public static readonly TimeSpan SamplingDuration = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit stays open before one trial request goes through.</summary>
    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(15);

    public static IServiceCollection AddUpstreamHttpClient(this IServiceCollection services, string upstream)
    {
        services.AddHttpClient(UpstreamTransportFactory.HttpClientName(upstream), http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler(() => new UpstreamBearerHandler())
            .AddResilienceHandler("upstream-" + upstream, pipeline => pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = FailureRatio,
                MinimumThroughput = MinimumThroughput,
                SamplingDuration = SamplingDuration,
                BreakDuration = BreakDuration,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: HttpRequestException } => true,
                    { Result.StatusCode: >= HttpStatusCode.InternalServerError } => true,
                    _ => false,
                }),
            }));
        return services;
    }
}
