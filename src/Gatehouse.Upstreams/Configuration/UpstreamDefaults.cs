namespace Gatehouse.Upstreams;

/// <summary>Defaults for upstream connections, in one place.</summary>
public static class UpstreamDefaults
{
    public const int TimeoutSeconds = 30;

    public const int ConnectTimeoutSeconds = 10;

    /// <summary>Most processes one replica runs for one stdio upstream with a process per session.</summary>
    public const int MaxProcesses = 20;

    /// <summary>Seconds a session's own stdio process may go unused before it is ended.</summary>
    public const int ProcessIdleSeconds = 600;

    /// <summary>The protocol revision Gatehouse asks upstreams for.</summary>
    public const string ProtocolVersion = "2025-11-25";

    /// <summary>The revision without sessions, which an upstream may be set to speak to 2026-07-28 agents (<see cref="UpstreamOptions.ProtocolVersion"/>).</summary>
    public const string StatelessProtocolVersion = "2026-07-28";

    /// <summary>First wait before reconnecting to an upstream that failed; it doubles up to <see cref="MaxReconnectDelay"/>.</summary>
    public static readonly TimeSpan MinReconnectDelay = TimeSpan.FromMilliseconds(500);

    public static readonly TimeSpan MaxReconnectDelay = TimeSpan.FromSeconds(30);
}
