using Gatehouse.Host.Admin;
using Gatehouse.Host.Front;
using Gatehouse.Host.Health;

namespace Gatehouse.Host.Hosting;

internal static class GatehouseAppExtensions
{
    public static WebApplication MapGatehouse(this WebApplication app)
    {
        // Routing first, so the MCP middleware sees which upstream a request names.
        app.UseRouting();
        app.MapGatehouseHealth();
        app.MapGatehouseFront();
        app.MapGatehouseAdmin();
        return app;
    }
}
