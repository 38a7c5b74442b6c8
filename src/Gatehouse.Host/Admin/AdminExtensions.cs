using Gatehouse.Host.Audit;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gatehouse.Host.Admin;

/// <summary>The operator API under <c>/admin</c> (admin token).</summary>
internal static class AdminExtensions
{
    public static IServiceCollection AddGatehouseAdmin(this IServiceCollection services)
    {
        services.TryAddSingleton(AdminRetrySchedule.Default);
        return services;
    }

    public static WebApplication MapGatehouseAdmin(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/admin"), admin => admin.UseMiddleware<AdminAuthenticationMiddleware>());
        // Every endpoint rides out a change of cluster membership the same way (retry, else 503).
        var group = app.MapGroup("/admin");
        group.AddEndpointFilter<ClusterReconfigurationFilter>();
        group.MapGet("/counters", CountersEndpoint.GetAsync);
        group.MapGet("/audit", AuditEndpoint.GetAsync);
        group.MapGet("/policies/{upstream}", PoliciesEndpoints.Get);
        group.MapPut("/policies/{upstream}", PoliciesEndpoints.PutAsync);
        group.MapGet("/grants", GrantsEndpoints.ListAsync);
        group.MapPost("/grants", GrantsEndpoints.CreateAsync);
        group.MapDelete("/grants/{id}", GrantsEndpoints.RevokeAsync);
        group.MapGet("/tools", ToolsEndpoints.ListAsync);
        group.MapPost("/tools/{upstream}/{tool}/accept", ToolsEndpoints.AcceptAsync);
        group.MapGet("/approvals", ApprovalsEndpoints.ListAsync);
        group.MapPost("/approvals/{id}/approve", ApprovalsEndpoints.ApproveAsync);
        group.MapPost("/approvals/{id}/deny", ApprovalsEndpoints.DenyAsync);
        return app;
    }
}
