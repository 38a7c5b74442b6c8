namespace Gatehouse.Upstreams;

/// <summary>
/// One upstream MCP server (<c>Gatehouse:Upstreams:{name}</c>). Give either <see cref="Url"/>
/// (Streamable HTTP, falling back to legacy HTTP+SSE) or <see cref="Command"/> (a stdio process).
/// </summary>
public sealed class UpstreamOptions
{
    /// <summary>The upstream's MCP endpoint, e.g. <c>http://127.0.0.1:3001/mcp</c>.</summary>
    public Uri? Url { get; set; }

    /// <summary>The program of a stdio upstream, e.g. <c>npx</c>.</summary>
    public string? Command { get; set; }

    /// <summary>Arguments of <see cref="Command"/>.</summary>
    public IList<string> Args { get; set; } = [];

    /// <summary>Environment variables added to the stdio process.</summary>
    public IDictionary<string, string> Env { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Working directory of the stdio process; the gateway's own when absent.</summary>
    public string? WorkingDirectory { get; set; }

    /// <summary>HTTP headers Gatehouse adds to every request to an HTTP upstream (its credentials). Never the agent's token.</summary>
    public IDictionary<string, string> Headers { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>A bearer token Gatehouse presents to an HTTP upstream (<c>Authorization: Bearer …</c>). Prefer <see cref="BearerTokenFile"/>.</summary>
    public string? BearerToken { get; set; }

    /// <summary>A file holding the bearer token for an HTTP upstream (e.g. a mounted Kubernetes secret); read when a connection opens, so a rotated token is picked up.</summary>
    public string? BearerTokenFile { get; set; }

    /// <summary>Path of this upstream's policy document (JSON), relative to the configuration file's folder.</summary>
    public string? Policy { get; set; }

    /// <summary>
    /// Whether this upstream's tool definitions are pinned (default true): a tool whose definition changes
    /// after it was first seen is hidden and refused (<c>tool_changed</c>) until an operator accepts the change.
    /// </summary>
    public bool Pin { get; set; } = true;

    /// <summary>Seconds a request may wait for the upstream's answer before the agent gets an error. Default 30.</summary>
    public int TimeoutSeconds { get; set; } = UpstreamDefaults.TimeoutSeconds;

    /// <summary>Seconds to connect and complete <c>initialize</c> with the upstream. Default 10.</summary>
    public int ConnectTimeoutSeconds { get; set; } = UpstreamDefaults.ConnectTimeoutSeconds;

    /// <summary>
    /// For a stdio upstream: whether each agent session gets a process of its own, initialized with the agent's
    /// capabilities, so the server may ask the agent for sampling, elicitation and roots and send it log lines and
    /// notifications. False (default): one process serves every agent, and is told the gateway has no such capability.
    /// </summary>
    public bool ProcessPerSession { get; set; }

    /// <summary>With <see cref="ProcessPerSession"/>: most processes of this upstream one replica runs at once; a session beyond it is refused. Default 20.</summary>
    public int MaxProcesses { get; set; } = UpstreamDefaults.MaxProcesses;

    /// <summary>With <see cref="ProcessPerSession"/>: seconds a session's process may go unused (no request, no open stream) before it is ended. Default 600.</summary>
    public int ProcessIdleSeconds { get; set; } = UpstreamDefaults.ProcessIdleSeconds;

    /// <summary>With <see cref="ProcessPerSession"/>: resident memory (MiB, the process and its children) above which a session's process is restarted; none when absent.</summary>
    public int? MaxProcessMemoryMb { get; set; }

    /// <summary>
    /// The protocol revision Gatehouse speaks to this HTTP upstream for the requests of 2026-07-28 agents: absent or
    /// <c>2025-11-25</c> (default), every request goes on a 2025-11-25 session; <c>2026-07-28</c>, their calls, prompts,
    /// reads and completions go over the sessionless wire as the agent sent them, and the upstream's own multi-round-trip
    /// requests (<c>input_required</c>) pass through. 2025 agents are served on 2025-11-25 sessions either way.
    /// </summary>
    public string? ProtocolVersion { get; set; }

    /// <summary>Whether 2026-07-28 agents' requests reach this upstream over the sessionless wire (see <see cref="ProtocolVersion"/>).</summary>
    public bool SpeaksStateless => !IsStdio && ProtocolVersion == UpstreamDefaults.StatelessProtocolVersion;

    /// <summary>
    /// With <see cref="ProtocolVersion"/> <c>2026-07-28</c>: the upstream speaks only that revision (it has no sessions, and
    /// refuses <c>initialize</c>). Every request goes over the sessionless wire, Gatehouse's own too (<c>server/discover</c>,
    /// lists), and 2025 agents' calls, prompts, reads and completions as well, the upstream's questions put to the agent
    /// on its session by Gatehouse. False (default): 2025 agents and Gatehouse's own requests use 2025-11-25 sessions.
    /// </summary>
    public bool Sessionless { get; set; }

    /// <summary>Whether every request to this upstream goes over the sessionless wire (see <see cref="Sessionless"/>).</summary>
    public bool IsSessionless => SpeaksStateless && Sessionless;

    /// <summary>Whether this upstream is a stdio process.</summary>
    public bool IsStdio => !string.IsNullOrWhiteSpace(Command);

    /// <summary>Whether each agent session reaches this upstream through a process of its own.</summary>
    public bool IsProcessPerSession => IsStdio && ProcessPerSession;

    /// <summary>Token exchange (RFC 8693) for an HTTP upstream that must act for the end user; null: the gateway's own credentials always.</summary>
    public TokenExchangeOptions? TokenExchange { get; set; }

    /// <summary>These settings, with one more environment variable for the stdio process (every other setting kept).</summary>
    public UpstreamOptions WithEnvironment(string name, string value)
    {
        var copy = (UpstreamOptions)MemberwiseClone();
        copy.Env = new Dictionary<string, string>(Env, StringComparer.Ordinal) { [name] = value };
        return copy;
    }
}
