using Gatehouse.TestUpstream.Sessions;
using ModelContextProtocol.AspNetCore;

namespace Gatehouse.TestUpstream.Hosting;

/// <summary>Serves the test upstream over Streamable HTTP at <c>/mcp</c> on the address given by <c>--urls</c>.</summary>
internal static class HttpUpstream
{
    public static async Task RunAsync(TestUpstreamCommandLine commandLine)
    {
        var builder = WebApplication.CreateBuilder(commandLine.HostArgs);
        var sessions = new OpenSessions();

        builder.Services.AddSingleton(sessions);
        var server = builder.Services
            .AddTestUpstream(commandLine.ServerName)
            .WithHttpTransport(options =>
            {
                options.SessionMode = commandLine.Stateful
                    ? HttpServerSessionMode.StatefulForInitializeClients
                    : HttpServerSessionMode.Stateless;
                if (commandLine.Stateful)
                {
#pragma warning disable MCPEXP002 // Experimental; used to count the sessions held and to reach one outside its requests.
                    options.RunSessionHandler = sessions.RunAsync;
#pragma warning restore MCPEXP002
                }
            });
        if (commandLine.Subscriptions && commandLine.Stateful)
        {
            server.WithResourceSubscriptions();
        }

        if (commandLine.Only2026)
        {
            server.WithMessageFilters(filters => filters.AddIncomingFilter(Only2026.Filter));
        }

        var app = builder.Build();
        app.MapMcp(TestUpstreamDefaults.McpPath);
        app.MapGet("/sessions", () => new { open = sessions.Open, opened = sessions.Opened });
        await app.RunAsync();
    }
}
