using Gatehouse.ConformanceServer.Security;

namespace Gatehouse.ConformanceServer.Hosting;

/// <summary>The HTTP pipeline: loopback-only Host and Origin, then the MCP endpoint.</summary>
internal static class ConformanceServerApplicationExtensions
{
    public static WebApplication MapConformanceServer(this WebApplication app)
    {
        app.UseMiddleware<LoopbackOnlyMiddleware>();
        app.MapMcp(ConformanceServerDefaults.McpPath);
        return app;
    }
}
