using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

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
        string? detail = null;
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
                (kind, error, detail) = (OutcomeKind.Error, "tool error", string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text)));
            }
        }
        catch (OperationCanceledException ex) when (deadline.IsCancellationRequested)
        {
            (kind, error, detail) = (OutcomeKind.Error, "timeout", ex.Message);
        }
        catch (McpProtocolException ex)
        {
            (kind, error, detail) = (OutcomeKind.Error, "mcp " + ((int)ex.ErrorCode).ToString(CultureInfo.InvariantCulture), ex.Message);
        }
        catch (McpException ex)
        {
            (kind, error, detail) = (OutcomeKind.Error, "mcp", ex.Message);
        }
        catch (HttpRequestException ex)
        {
            (kind, error, detail) = (OutcomeKind.Error, ex.StatusCode is { } status ? "http " + ((int)status).ToString(CultureInfo.InvariantCulture) : "http " + ex.HttpRequestError, ex.Message);
        }
        catch (IOException ex)
        {
            (kind, error, detail) = (OutcomeKind.Error, "io", ex.Message);
        }
        catch (OperationCanceledException ex)
        {
            (kind, error, detail) = (OutcomeKind.Error, "cancelled", ex.Message);
        }

        return new CallRecord(agent.Index, agent.Grant, scheduled, started, Stopwatch.GetTimestamp(), kind, error, detail);
    }
}
