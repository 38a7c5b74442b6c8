using System.ComponentModel;
using System.Text.Json.Nodes;
using Gatehouse.TestUpstream.Invocations;
using ModelContextProtocol.Server;

namespace Gatehouse.TestUpstream.Tools;

[McpServerToolType]
internal sealed class InvocationsTool(InvocationCounter counter)
{
    [McpServerTool(Name = InvocationCountingFilter.ExcludedTool)]
    [Description("Returns a JSON object mapping each tool name to how many times it was called since this process started (this tool excluded).")]
    public string Invocations()
    {
        var counts = new JsonObject();
        foreach (var (tool, count) in counter.Snapshot())
        {
            counts[tool] = count;
        }

        return counts.ToJsonString();
    }
}
