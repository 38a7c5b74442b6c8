using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.ConformanceServer.Tools;

/// <summary>
/// A tool that needs the client's <c>sampling</c> capability (SEP-2575; scenario server-stateless): a client that did
/// not declare it gets <c>-32021</c> with <c>error.data.requiredCapabilities = {"sampling": {}}</c> (HTTP 400 on
/// 2026-07-28), not a result.
/// </summary>
[McpServerToolType]
internal sealed class MissingCapabilityTool
{
    public const string Key = "sample";

    private const int MaxTokens = 50;

    [McpServerTool(Name = "test_missing_capability"), Description("Needs the client's sampling capability: without it, fails with -32021 (MissingRequiredClientCapability, requiredCapabilities {\"sampling\": {}}); with it, asks the client's LLM (key sample) and returns its answer.")]
    public static string MissingCapability(RequestContext<CallToolRequestParams> context) =>
        InputRequiredSamplingTool.AnswerOrAsk(context, Key, "Say hello.", MaxTokens);
}
