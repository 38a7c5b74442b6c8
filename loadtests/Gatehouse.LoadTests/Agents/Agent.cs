using ModelContextProtocol.Client;

namespace Gatehouse.LoadTests.Agents;

/// <summary>One load agent: an MCP session, and which grant it calls as.</summary>
internal sealed record Agent(int Index, int Grant, McpClient Client) : IAsyncDisposable
{
    /// <summary>Opens <paramref name="count"/> sessions; agent <c>i</c> uses token <c>i % tokens.Count</c>.</summary>
    public static Task<Agent[]> ConnectAsync(int count, IReadOnlyList<Uri> targets, IReadOnlyList<string?> tokens) =>
        ConnectAsync(count, new Rotation(targets), tokens);

    /// <summary>As above, through a load balancer whose targets may change while the agents call.</summary>
    public static async Task<Agent[]> ConnectAsync(int count, Rotation rotation, IReadOnlyList<string?> tokens)
    {
        // A few at a time: opening hundreds of sessions at once only measures the connect storm.
        using var gate = new SemaphoreSlim(8);
        return await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var grant = i % tokens.Count;
                return new Agent(i, grant, await AgentConnector.ConnectAsync(rotation, tokens[grant]));
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    public static async Task DisposeAllAsync(IEnumerable<Agent> agents)
    {
        foreach (var agent in agents)
        {
            try
            {
                await agent.DisposeAsync();
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException or ModelContextProtocol.McpException)
            {
                // Closing a session on a replica that was killed fails; nothing to clean there.
            }
        }
    }

    public ValueTask DisposeAsync() => Client.DisposeAsync();
}
