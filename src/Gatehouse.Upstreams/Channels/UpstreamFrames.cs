using System.Text.Json;
using System.Text.Json.Nodes;
using Gatehouse.Grains.Upstreams;

namespace Gatehouse.Upstreams;

/// <summary>Turns upstream failures into frames and back, so they cross the grain boundary as data rather than exceptions.</summary>
internal static class UpstreamFrames
{
    public static UpstreamFrame FromException(UpstreamException ex) =>
        new(ex.Kind, new JsonObject { ["code"] = ex.ErrorCode, ["message"] = ex.Message }.ToJsonString());

    public static UpstreamException ToException(string upstream, UpstreamFrame frame)
    {
        using var error = JsonDocument.Parse(frame.Json);
        var code = error.RootElement.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : 0;
        var message = error.RootElement.TryGetProperty("message", out var m) ? m.GetString() ?? string.Empty : string.Empty;
        return new UpstreamException(frame.Kind, upstream, message, code);
    }
}
