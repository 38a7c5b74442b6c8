using Gatehouse.LoadTests.Agents;
using ModelContextProtocol;

namespace Gatehouse.LoadTests.Scenarios.Soak;

/// <summary>
/// An agent as real ones behave over an hour: after <c>sessionCalls</c> calls it closes its MCP session (the SDK
/// sends DELETE) and opens a new one, so the sessions open stay as many as the agents.
/// </summary>
internal sealed class ChurningAgent(int index, int grant, Rotation rotation, string token, int sessionCalls, SessionChurn churn)
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);
    private Agent? _agent;
    private int _calls;

    public int Index => index;

    /// <summary>The open session; null only once the run ended while the agent was between two sessions.</summary>
    public Agent? Current => _agent;

    /// <summary>Opens the agent's session, retrying until it opens or <paramref name="stop"/> is signalled.</summary>
    public async Task OpenAsync(CancellationToken stop)
    {
        while (true)
        {
            try
            {
                _agent = new Agent(index, grant, await AgentConnector.ConnectAsync(rotation, token, stop));
                _calls = 0;
                churn.RecordOpened();
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or McpException || (ex is OperationCanceledException && !stop.IsCancellationRequested))
            {
                churn.RecordFailure(index, "open", ex);
                await Task.Delay(RetryAfter, stop);
            }
        }
    }

    /// <summary>Counts a call; after the session's last, closes the session and opens the next.</summary>
    public async Task AfterCallAsync(CancellationToken stop)
    {
        if (++_calls < sessionCalls)
        {
            return;
        }

        await CloseAsync();
        if (!stop.IsCancellationRequested)
        {
            await OpenAsync(stop);
        }
    }

    public async Task CloseAsync()
    {
        if (_agent is not { } agent)
        {
            return;
        }

        _agent = null;
        try
        {
            await agent.DisposeAsync();
            churn.RecordClosed();
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException or McpException)
        {
            churn.RecordFailure(index, "close", ex);
        }
    }
}
