namespace Gatehouse.Policy;

/// <summary>How one <c>deny_if</c> condition judged a call.</summary>
internal enum ConditionOutcome
{
    NoMatch,
    Match,

    // The pattern ran out of time on the agent's text; treated as a match so the check fails closed.
    TimedOut,
}
