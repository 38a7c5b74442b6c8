namespace Gatehouse.LoadTests.Agents;

/// <summary>How a tool call ended, as the agent saw it.</summary>
internal enum OutcomeKind
{
    /// <summary>The tool ran and answered without error.</summary>
    Admitted,

    /// <summary>Gatehouse refused it: <c>_meta["gatehouse/decision"].action == "rate_limited"</c>.</summary>
    RateLimited,

    /// <summary>Gatehouse refused it for another reason (deny, invalid arguments, approval).</summary>
    Refused,

    /// <summary>Anything else: a tool error, a protocol error, a timeout, a broken connection.</summary>
    Error,
}
