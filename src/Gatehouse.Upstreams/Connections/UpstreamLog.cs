using Microsoft.Extensions.Logging;

namespace Gatehouse.Upstreams;

/// <summary>Upstream connection events (ids 2000–2099). Never a credential, never an argument.</summary>
internal static partial class UpstreamLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Connected to upstream {Upstream} (protocol {ProtocolVersion})")]
    public static partial void Connected(ILogger logger, string upstream, string protocolVersion);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Could not connect to upstream {Upstream}: {ErrorType}: {Error}")]
    public static partial void ConnectFailed(ILogger logger, string upstream, string errorType, string error);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Upstream {Upstream} request {Method} failed: {ErrorType}")]
    public static partial void RequestFailed(ILogger logger, string upstream, string method, string errorType);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Upstream {Upstream} session ended; reconnecting")]
    public static partial void SessionEnded(ILogger logger, string upstream);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Debug, Message = "Upstream {Upstream} stderr: {Line}")]
    public static partial void StandardError(ILogger logger, string upstream, string line);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "Upstream {Upstream} dropped the connection of initialize before answering ({Error}); sending it once more")]
    public static partial void HandshakeDropped(ILogger logger, string upstream, string error);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "Upstream {Upstream} no longer knows the gateway's session (it restarted?); the request goes again on a new session")]
    public static partial void SessionExpired(ILogger logger, string upstream);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Debug, Message = "Ended upstream {Upstream}'s session for a closed agent session (HTTP {Status})")]
    public static partial void SessionClosed(ILogger logger, string upstream, int status);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Warning, Message = "Could not end upstream {Upstream}'s session for a closed agent session ({Reason}); it lasts until the upstream's own idle timeout")]
    public static partial void SessionCloseFailed(ILogger logger, string upstream, string reason);

    [LoggerMessage(EventId = 2020, Level = LogLevel.Information, Message = "Starting a process of upstream {Upstream} for an agent session ({Running} of at most {Limit} on this replica)")]
    public static partial void SessionProcessStarting(ILogger logger, string upstream, int running, int limit);

    [LoggerMessage(EventId = 2021, Level = LogLevel.Warning, Message = "Refused a process of upstream {Upstream} for an agent session: this replica already runs {Limit} (MaxProcesses)")]
    public static partial void SessionProcessRefused(ILogger logger, string upstream, int limit);

    [LoggerMessage(EventId = 2022, Level = LogLevel.Warning, Message = "An agent session's process of upstream {Upstream} holds {ResidentMb} MiB, over its limit of {LimitMb} MiB (MaxProcessMemoryMb); restarting it")]
    public static partial void SessionProcessOverMemory(ILogger logger, string upstream, long residentMb, int limitMb);

    [LoggerMessage(EventId = 2023, Level = LogLevel.Information, Message = "Ended an agent session's process of upstream {Upstream}: {Reason}")]
    public static partial void SessionProcessEnded(ILogger logger, string upstream, string reason);
}
