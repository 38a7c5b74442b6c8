namespace Gatehouse.LoadTests.Scenarios.Scale;

/// <summary>A replica ready and added to the rotation, removed and sent SIGTERM, or exited.</summary>
/// <param name="Seconds">When, in seconds since the load began (negative: before it).</param>
/// <param name="Text">What (<c>r3 ready, added to the rotation</c>).</param>
internal sealed record MembershipEvent(double Seconds, string Text);
