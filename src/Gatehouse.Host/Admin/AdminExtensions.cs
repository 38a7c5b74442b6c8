namespace Gatehouse.Host.Admin;

/// <summary>The operator API under <c>/admin</c> (admin token).</summary>
internal static class AdminExtensions
{
    public static WebApplication MapGatehouseAdmin(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/admin"), admin => admin.UseMiddleware<AdminAuthenticationMiddleware>());
        var group = app.MapGroup("/admin");
        group.MapGet("/counters", CountersEndpoint.GetAsync);
        return app;
    }
}
