using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;

namespace Gatehouse.ReferenceProxy.Forwarding;

/// <summary>
/// YARP's forwarder with its defaults (its HTTP client, header handling, X-Forwarded-* headers, bodies streamed
/// unbuffered both ways) behind one catch-all route: every path and method goes to the upstream. Direct forwarding
/// rather than the configured proxy (routes, clusters): one destination needs no load balancing, health checks or
/// session affinity, and the configured proxy's affinity brings ASP.NET Core data protection, which writes keys
/// to the home folder.
/// </summary>
internal static class ForwardingExtensions
{
    // An SSE stream (a GET stream, a long tool call's progress) may sit silent far longer than YARP's default 100 s.
    private static readonly TimeSpan ActivityTimeout = TimeSpan.FromHours(1);

    public static WebApplicationBuilder AddUpstreamForwarding(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReferenceProxyOptions>().BindConfiguration(ReferenceProxyOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ReferenceProxyOptions>, ReferenceProxyOptionsValidator>();
        builder.Services.AddHttpForwarder();
        return builder;
    }

    public static WebApplication MapUpstreamForwarding(this WebApplication app)
    {
        var upstream = app.Services.GetRequiredService<IOptions<ReferenceProxyOptions>>().Value.Upstream!;
        app.MapForwarder("/{**catch-all}", upstream.ToString(), new ForwarderRequestConfig { ActivityTimeout = ActivityTimeout });
        return app;
    }
}
