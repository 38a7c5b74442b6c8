using System.ComponentModel;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.TestUpstream.Tools;

/// <summary>
/// Shows the W3C trace context a call arrived with, so tests can check that a gateway continued the
/// caller's trace: in the HTTP request's <c>traceparent</c> header and in the request's <c>_meta</c>.
/// </summary>
[McpServerToolType]
internal sealed class TraceTool(IHttpContextAccessor http)
{
    private const string TraceParent = "traceparent";

    [McpServerTool(Name = "trace")]
    [Description("Returns a JSON object { header, meta }: the traceparent HTTP header of this request and the traceparent in its _meta (null when absent; header is always null over stdio).")]
    public string Trace(RequestContext<CallToolRequestParams> context)
    {
        var header = http.HttpContext?.Request.Headers[TraceParent].ToString();
        var meta = context.JsonRpcRequest.Params?["_meta"]?[TraceParent] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        return new JsonObject
        {
            ["header"] = string.IsNullOrEmpty(header) ? null : header,
            ["meta"] = meta,
        }.ToJsonString();
    }
}
