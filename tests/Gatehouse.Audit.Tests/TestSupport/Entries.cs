using Gatehouse.Storage.Audit;

namespace Gatehouse.Audit.Tests.TestSupport;

/// <summary>Audit entries for tests, each told apart by its trace id ("t{n}").</summary>
internal static class Entries
{
    public static readonly DateTimeOffset Epoch = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static AuditEntry Make(
        int n,
        DateTimeOffset? at = null,
        string grant = "ci-agent",
        string tool = "echo",
        string action = AuditActions.Allow,
        string? argumentsJson = null) =>
        new(
            at ?? Epoch.AddMilliseconds(n),
            grant,
            "everything",
            tool,
            action,
            action == AuditActions.Allow ? "/default" : $"/tools/{tool}/action",
            "7@r3",
            ["message"],
            new string('a', 64),
            argumentsJson,
            action == AuditActions.Allow ? 0 : null,
            action == AuditActions.Allow ? 12.5 : null,
            $"t{n}",
            "session-1",
            "S127.0.0.1:11111:1");

    public static List<AuditEntry> Range(int first, int count, Func<int, AuditEntry>? make = null) =>
        [.. Enumerable.Range(first, count).Select(n => (make ?? (i => Make(i)))(n))];
}
