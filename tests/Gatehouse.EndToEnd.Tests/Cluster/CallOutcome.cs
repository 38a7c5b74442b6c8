namespace Gatehouse.EndToEnd.Tests.Cluster;

internal enum OutcomeKind
{
    Admitted,
    RateLimited,
    Error,
}

/// <summary>How one agent call ended, and when the agent learned it.</summary>
internal sealed record CallOutcome(OutcomeKind Kind, DateTimeOffset At, TimeSpan Took, string Detail);
