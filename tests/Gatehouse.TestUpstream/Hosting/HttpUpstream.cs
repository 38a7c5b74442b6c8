using ModelContextProtocol.AspNetCore;

namespace Gatehouse.TestUpstream.Hosting;

/// <summary>Serves the test upstream over Streamable HTTP at <c>/mcp</c> on the address given by <c>--urls</c>.</summary>
internal static class HttpUpstream
{
    public static async Task RunAsync(TestUpstreamCommandLine commandLine)
    {
        var builder = WebApplication.CreateBuilder(commandLine.HostArgs);

        builder.Services
            .AddTestUpstream(commandLine.ServerName)
            .WithHttpTransport(options => options.SessionMode = commandLine.Stateful
                ? HttpServerSessionMode.StatefulForInitializeClients
                : HttpServerSessionMode.Stateless);

        var app = builder.Build();
        app.MapMcp(TestUpstreamDefaults.McpPath);
        await app.RunAsync();
    }
}
