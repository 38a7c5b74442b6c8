namespace Gatehouse.LoadTests.Infrastructure;

/// <summary>One <c>approvals</c> event of a replica's console stream: the pending set changed.</summary>
/// <param name="Version">The replica's count of changes it has seen (its <c>data</c>; 0 is the greeting sent on connecting).</param>
/// <param name="ArrivedAt">When the event was read here, a <see cref="System.Diagnostics.Stopwatch"/> timestamp.</param>
internal readonly record struct ApprovalChange(long Version, long ArrivedAt);
