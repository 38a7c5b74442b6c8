using System.ComponentModel;
using Gatehouse.ConformanceServer.Mrtr;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.ConformanceServer.Tools;

/// <summary>An input-required result with one <c>roots/list</c> request (SEP-2322; scenario input-required-result-basic-list-roots).</summary>
[McpServerToolType]
internal sealed class InputRequiredRootsTool
{
    public const string Key = "client_roots";

    [McpServerTool(Name = "test_input_required_result_list_roots"), Description("Asks the client for its roots with an input-required result (roots/list, key client_roots) and lists them when called again.")]
    public static string ListRoots(RequestContext<CallToolRequestParams> context)
    {
        if (InputAnswers.Roots(context, Key) is { } answer)
        {
            return $"Client roots: {InputAnswers.Describe(answer)}";
        }

        throw InputRequired.Ask(context, Key, InputRequired.ListRoots());
    }
}
