using System.Text.Json;
using Gatehouse.Gateway.Auth;
using Gatehouse.Gateway.Front;
using Gatehouse.Gateway.Routing;
using Gatehouse.Grains.Sessions;
using ModelContextProtocol;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Protocol;

namespace Gatehouse.Gateway.Front;

/// <summary>
/// Keeps each agent session in its session grain, so that a replica that has never seen a session
/// adopts it when a request for it arrives: no sticky routing. Only the grant that opened a session,
/// on the route it opened it on, may continue it.
/// </summary>
internal sealed class GrainSessionMigrationHandler(IGrainFactory grains, TimeProvider time) : ISessionMigrationHandler
{
    public async ValueTask OnSessionInitializedAsync(HttpContext context, string sessionId, InitializeRequestParams initializeParams, CancellationToken cancellationToken)
    {
        var record = new SessionRecord(
            context.User.GrantId(),
            RouteValues.RouteOf(context),
            JsonSerializer.Serialize(initializeParams, McpJsonUtilities.DefaultOptions),
            time.GetUtcNow());
        await grains.GetGrain<ISessionGrain>(sessionId).OpenAsync(record);
    }

    public async ValueTask<InitializeRequestParams?> AllowSessionMigrationAsync(HttpContext context, string sessionId, CancellationToken cancellationToken)
    {
        var record = await grains.GetGrain<ISessionGrain>(sessionId).GetAsync();
        if (record is null || record.GrantId != context.User.GrantId() || record.Route != RouteValues.RouteOf(context))
        {
            return null;
        }

        return JsonSerializer.Deserialize<InitializeRequestParams>(record.InitializeParamsJson, McpJsonUtilities.DefaultOptions);
    }
}
