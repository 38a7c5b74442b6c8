using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Client;

namespace Gatehouse.LoadTests.Agents;

/// <summary>Makes one tool call and says how it ended; never throws for the call's own failure.</summary>
internal static class ToolCaller
{
    public static async Task<CallRecord> CallAsync(Agent agent, string tool, IReadOnlyDictionary<string, object?> arguments, long scheduled, TimeSpan timeout)
    {
        var started = Stopwatch.GetTimestamp();
        using var deadline = new CancellationTokenSource(timeout);
        OutcomeKind kind;
        string? error = null;
        try
        {
            var result = await agent.Client.CallToolAsync(tool, arguments, cancellationToken: deadline.Token);
            if (result.IsError != true)
            {
                kind = OutcomeKind.Admitted;
            }
            else if ((result.Meta?["gatehouse/decision"] as JsonObject)?["action"]?.GetValue<string>() is { } action)
            {
                kind = action == "rate_limited" ? OutcomeKind.RateLimited : OutcomeKind.Refused;
                error = kind == OutcomeKind.Refused ? "refused " + action : null;
            }
            else
            {
                (kind, error) = (OutcomeKind.Error, "tool error");
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            (kind, error) = (OutcomeKind.Error, "timeout");
        }
        catch (McpProtocolException ex)
        {
            (kind, error) = (OutcomeKind.Error, "mcp " + ((int)ex.ErrorCode).ToString(CultureInfo.InvariantCulture));
        }
        catch (McpException)
        {
            (kind, error) = (OutcomeKind.Error, "mcp");
        }
        catch (HttpRequestException ex)
        {
            (kind, error) = (OutcomeKind.Error, ex.StatusCode is { } status ? "http " + ((int)status).ToString(CultureInfo.InvariantCulture) : "http " + ex.HttpRequestError);
        }
        catch (IOException)
        {
            (kind, error) = (OutcomeKind.Error, "io");
        }
        catch (OperationCanceledException)
        {
            (kind, error) = (OutcomeKind.Error, "cancelled");
        }

        return new CallRecord(agent.Index, agent.Grant, scheduled, started, Stopwatch.GetTimestamp(), kind, error);
    }
}
