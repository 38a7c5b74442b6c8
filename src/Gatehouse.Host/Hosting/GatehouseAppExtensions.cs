using Gatehouse.Gateway.Auth.OAuth;
using Gatehouse.Gateway.Front;
using Gatehouse.Host.Admin;
using Gatehouse.Host.OperatorConsole;
using Gatehouse.ServiceDefaults;

namespace Gatehouse.Host.Hosting;

internal static class GatehouseAppExtensions
{
    public static WebApplication MapGatehouse(this WebApplication app)
    {
        // Routing first, so the MCP middleware sees which upstream a request names.
        app.UseRouting();
        app.UseGatehouseAdminProblems();
        // The Host/Origin check comes before authentication, as DNS-rebinding protection must.
        app.UseGatehouseOriginValidation();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseGatehouseAdminNoRoute();
        app.MapDefaultEndpoints();
        app.MapGatehouseFront();
        app.MapGatehouseProtectedResourceMetadata();
        app.MapGatehouseAdmin();
        app.MapGatehouseConsole();
        return app;
    }
}
