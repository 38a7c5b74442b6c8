using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;

namespace Gatehouse.Gateway.Front.Messages;

/// <summary>
/// The log level a 2026-07-28 request asks its log messages at (<c>_meta</c> <c>io.modelcontextprotocol/logLevel</c>):
/// the revision scopes logging to one request, and a request without the field gets no log messages.
/// </summary>
internal static class RequestLogLevel
{
    public const string MetaKey = "io.modelcontextprotocol/logLevel";

    /// <summary>The syslog severities of the protocol, least severe first.</summary>
    private static readonly string[] Levels = ["debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"];

    /// <summary>The level the request asks for, when it names one of the protocol's.</summary>
    public static string? Of(JsonRpcRequest request) =>
        request.Params?["_meta"]?[MetaKey] is JsonValue value && value.TryGetValue<string>(out var level) && Rank(level) >= 0 ? level : null;

    /// <summary>Whether a log message (its <c>params</c>) is at or above the level the request asked for.</summary>
    public static bool Admits(JsonRpcRequest request, JsonObject message) =>
        Of(request) is { } asked && message["level"] is JsonValue value && value.TryGetValue<string>(out var level) && Rank(level) >= Rank(asked);

    private static int Rank(string level) => Array.IndexOf(Levels, level);
}
