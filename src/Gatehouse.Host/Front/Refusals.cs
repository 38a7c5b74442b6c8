using System.Text.Json.Nodes;
using Gatehouse.Policy;
using ModelContextProtocol.Protocol;

namespace Gatehouse.Host.Front;

/// <summary>
/// The answer to a call that policy refuses: HTTP 200, a <see cref="CallToolResult"/> with
/// <c>isError</c>, a text saying why, and <c>_meta["gatehouse/decision"]</c> for programs.
/// </summary>
internal static class Refusals
{
    public const string DecisionMetaKey = "gatehouse/decision";

    public static CallToolResult Of(Decision decision)
    {
        var meta = new JsonObject
        {
            ["action"] = decision.Action.ToWire(),
            ["rule"] = decision.Rule,
        };
        if (decision.RetryAfterSeconds is { } retryAfter)
        {
            meta["retryAfterSeconds"] = retryAfter;
        }

        return new CallToolResult
        {
            IsError = true,
            Content = [new TextContentBlock { Text = decision.Message }],
            Meta = new JsonObject { [DecisionMetaKey] = meta },
        };
    }
}
