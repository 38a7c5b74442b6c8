using System.ComponentModel;
using Gatehouse.ConformanceServer.Mrtr;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.ConformanceServer.Tools;

/// <summary>
/// A tool that needs the user's input while it runs (SEP-2575; scenario server-stateless): on 2026-07-28 the question
/// goes back as an input-required result on the call's own response, never as an <c>elicitation/create</c> request of
/// the server's on that stream.
/// </summary>
[McpServerToolType]
internal sealed class StreamingElicitationTool
{
    public const string Key = "continue";

    private const string Field = "proceed";

    [McpServerTool(Name = "test_streaming_elicitation"), Description("Asks the user whether to continue (elicitation, key continue) with an input-required result, never with an elicitation/create request; without the client's elicitation capability, fails with -32021.")]
    public static string StreamingElicitation(RequestContext<CallToolRequestParams> context)
    {
        if (InputAnswers.Elicitation(context, Key) is { } answer)
        {
            return $"Streaming elicitation completed: action={answer.Action}.";
        }

        throw InputRequired.Ask(context, Key, InputRequired.Elicit("Continue?", Field, new ElicitRequestParams.BooleanSchema()));
    }
}
