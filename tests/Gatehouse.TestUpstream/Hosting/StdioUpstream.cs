namespace Gatehouse.TestUpstream.Hosting;

/// <summary>Serves the test upstream over stdin/stdout; every log line goes to stderr.</summary>
internal static class StdioUpstream
{
    public static async Task RunAsync(TestUpstreamCommandLine commandLine)
    {
        var builder = Host.CreateApplicationBuilder(commandLine.HostArgs);

        // stdout carries the JSON-RPC stream: a single log line there would corrupt it.
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);

        builder.Services.AddSingleton(new Sessions.OpenSessions());
        var server = builder.Services
            .AddTestUpstream(commandLine.ServerName)
            .WithStdioServerTransport();
        if (commandLine.Subscriptions)
        {
            // The one stdio session subscribes; `touch` tells it on stdout.
            server.WithResourceSubscriptions(stdio: true);
        }

        await builder.Build().RunAsync();
    }
}
