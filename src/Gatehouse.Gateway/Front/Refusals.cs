using System.Text.Json.Nodes;
using Gatehouse.Policy;

namespace Gatehouse.Gateway.Front;

/// <summary>
/// The answer to a call that policy refuses: HTTP 200, a <c>CallToolResult</c> with <c>isError</c>,
/// a text saying why, and <c>_meta["gatehouse/decision"]</c> for programs.
/// </summary>
internal static class Refusals
{
    public const string DecisionMetaKey = "gatehouse/decision";

    public static JsonObject Of(Decision decision)
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

        return new JsonObject
        {
            ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = decision.Message }),
            ["isError"] = true,
            ["_meta"] = new JsonObject { [DecisionMetaKey] = meta },
        };
    }
}
