namespace Gatehouse.Policy;

/// <summary>Whose budget a limit counts (<c>scope</c>). Absent means <see cref="Grant"/>.</summary>
public enum LimitScope
{
    /// <summary><c>"grant"</c> (the default): one budget per agent credential.</summary>
    Grant,

    /// <summary><c>"session"</c>: one budget per MCP session.</summary>
    Session,

    /// <summary><c>"global"</c>: one budget for the whole cluster.</summary>
    Global,

    /// <summary><c>"subject"</c>: one budget per end user (an OAuth access token's <c>sub</c>) within a grant; a static token is one user.</summary>
    Subject,
}
