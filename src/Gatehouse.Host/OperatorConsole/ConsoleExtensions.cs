using Gatehouse.Host.Admin;
using Microsoft.Extensions.Options;

namespace Gatehouse.Host.OperatorConsole;

/// <summary>
/// The operator console under <c>/console/</c>: static pages over the admin API, its sign-in, and the approval
/// event stream. Nothing of a console lives in one replica: the session is a signed cookie every replica
/// checks, and every page reads the cluster through the admin API.
/// </summary>
internal static class ConsoleExtensions
{
    public static IServiceCollection AddGatehouseConsole(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IValidateOptions<ConsoleOptions>, ConsoleOptionsValidator>();
        services.AddOptions<ConsoleOptions>().Bind(configuration.GetSection(ConsoleOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<ConsoleTicketProtector>();
        services.AddHttpClient(ConsoleOidcEndpoints.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<ApprovalWatch>();
        return services;
    }

    public static WebApplication MapGatehouseConsole(this WebApplication app)
    {
        app.MapGet("/console/{**file}", ConsoleFiles.Serve);
        app.MapPost("/console/session", ConsoleSessionEndpoints.SignIn);
        app.MapGet("/console/session", ConsoleSessionEndpoints.GetAsync);
        app.MapDelete("/console/session", (Delegate)ConsoleSessionEndpoints.SignOutAsync);
        app.MapGet("/console/session/oidc", ConsoleOidcEndpoints.StartAsync);
        app.MapGet("/console/session/oidc/callback", ConsoleOidcEndpoints.CallbackAsync);
        // Beside the admin group rather than in it: a stream is not a request to retry during a membership change.
        app.MapGet("/admin/approvals/events", ApprovalEventsEndpoint.StreamAsync).RequireAuthorization(AdminAuthentication.Policy);
        return app;
    }
}
