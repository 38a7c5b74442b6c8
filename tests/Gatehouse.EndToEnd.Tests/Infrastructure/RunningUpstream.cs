namespace Gatehouse.EndToEnd.Tests.Infrastructure;

/// <summary>An upstream server process and its MCP endpoint.</summary>
internal sealed class RunningUpstream(ChildProcess process, Uri endpoint) : IAsyncDisposable
{
    public Uri Endpoint { get; } = endpoint;

    public ChildProcess Process { get; } = process;

    public static async Task<RunningUpstream> WaitAsync(ChildProcess process, Uri endpoint)
    {
        // Any HTTP answer (a GET without a session is refused) means the server listens.
        await Readiness.WaitForAsync(endpoint, process, Eventually.Ceiling, status => status > 0);
        return new RunningUpstream(process, endpoint);
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
