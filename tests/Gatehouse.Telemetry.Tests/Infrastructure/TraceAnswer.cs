using System.Diagnostics;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;

namespace Gatehouse.Telemetry.Tests.Infrastructure;

/// <summary>What the test upstream's <c>trace</c> tool saw: the trace context of its HTTP request and of the request's <c>_meta</c>.</summary>
internal sealed record TraceAnswer(string? Header, string? Meta)
{
    public static TraceAnswer From(CallToolResult result)
    {
        Assert.NotEqual(true, result.IsError);
        return From(Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
    }

    public static TraceAnswer From(string text)
    {
        var answer = JsonNode.Parse(text)!;
        return new TraceAnswer((string?)answer["header"], (string?)answer["meta"]);
    }

    public ActivityContext HeaderContext => Parse(Header, "the traceparent header");

    public ActivityContext MetaContext => Parse(Meta, "the traceparent in _meta");

    private static ActivityContext Parse(string? traceparent, string what)
    {
        Assert.True(ActivityContext.TryParse(traceparent, null, out var context), $"The upstream got no valid {what}: '{traceparent}'.");
        return context;
    }
}
