using Gatehouse.Grains;
using Gatehouse.Host.OperatorConsole;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gatehouse.Host.Admin;

/// <summary>The operator API under <c>/admin</c> (admin token); its refusals are problem details.</summary>
internal static class AdminExtensions
{
    public static IServiceCollection AddGatehouseAdmin(this IServiceCollection services)
    {
        services.TryAddSingleton(AdminRetrySchedule.Default);
        services.AddSingleton<IReplicaReporter, ReplicaReporter>();
        services.AddSingleton<OperatorMatch>();
        services.AddProblemDetails();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, AdminAuthenticationHandler>(AdminAuthentication.TokenScheme, configureOptions: null)
            .AddScheme<AuthenticationSchemeOptions, ConsoleAuthenticationHandler>(ConsoleAuthentication.Scheme, configureOptions: null)
            .AddPolicyScheme(AdminAuthentication.Scheme, displayName: null, options =>
                options.ForwardDefaultSelector = context => ConsoleAuthentication.SelectScheme(context, AdminAuthentication.TokenScheme));
        services.AddAuthorizationBuilder()
            .AddPolicy(AdminAuthentication.Policy, policy => policy
                .AddAuthenticationSchemes(AdminAuthentication.Scheme)
                .RequireAuthenticatedUser()
                .RequireClaim(Operators.OperatorClaim, "true"));
        return services;
    }

    /// <summary>
    /// Before authentication: an exception or a bodiless error under <c>/admin</c> is answered as a problem
    /// too, never an empty 500 or 400.
    /// </summary>
    public static WebApplication UseGatehouseAdminProblems(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/admin"), admin => admin.UseExceptionHandler().UseStatusCodePages());
        return app;
    }

    public static WebApplication MapGatehouseAdmin(this WebApplication app)
    {
        var group = app.MapGroup("/admin").RequireAuthorization(AdminAuthentication.Policy);
        // Every endpoint rides out a change of cluster membership the same way (retry, else 503).
        group.AddEndpointFilter<ClusterReconfigurationFilter>();
        // A change made with the console's cookie must carry the session's anti-forgery token.
        group.AddEndpointFilter<ConsoleAntiforgeryFilter>();
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
        group.MapGet("/approvals/decided", ApprovalsEndpoints.ListDecidedAsync);
        group.MapPost("/policies/{upstream}/explain", PolicyExplainEndpoint.Explain);
        group.MapGet("/cluster", ClusterEndpoint.GetAsync);
        group.MapPost("/approvals/{id}/approve", ApprovalsEndpoints.ApproveAsync);
        group.MapPost("/approvals/{id}/deny", ApprovalsEndpoints.DenyAsync);
        return app;
    }

    /// <summary>
    /// After authorization: a path under <c>/admin</c> that no route matched is authenticated like the rest
    /// (so the API's shape is not shown to strangers), then answered 404. A middleware, not a catch-all
    /// route: a catch-all would win over a route that routing sets aside, such as one whose body is optional
    /// when a request has none.
    /// </summary>
    public static WebApplication UseGatehouseAdminNoRoute(this WebApplication app)
    {
        // Every request passes here: the routed ones go on without an async step of their own.
        app.Use((context, next) => context.GetEndpoint() is null && context.Request.Path.StartsWithSegments("/admin")
            ? AnswerNoRouteAsync(context)
            : next(context));
        return app;
    }

    private static async Task AnswerNoRouteAsync(HttpContext context)
    {
        if (!(await context.AuthenticateAsync(AdminAuthentication.Scheme)).Succeeded)
        {
            await context.ChallengeAsync(AdminAuthentication.Scheme);
            return;
        }

        await AdminProblems.NoRoute(context.Request).ExecuteAsync(context);
    }
}
