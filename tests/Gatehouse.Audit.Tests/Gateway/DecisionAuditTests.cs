using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Gatehouse.Audit.Tests.TestSupport;
using Gatehouse.Gateway.Audit;
using Gatehouse.Policy.Audit;
using Gatehouse.Storage.Audit;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gatehouse.Audit.Tests.Gateway;

/// <summary>The promise, end to end from the per-call recorder to the table: one row per decision, no argument values.</summary>
[Collection(AuditWriterCollection.Name)]
public sealed class DecisionAuditTests(AuditDatabase database) : IClassFixture<AuditDatabase>, IAsyncLifetime
{
    private const string Secret = "s3cr3t-VALUE-7f2a91";

    private static readonly JsonElement Arguments =
        JsonDocument.Parse($$"""{ "to": "{{Secret}}", "amount": { "memo": "{{Secret}}" } }""").RootElement.Clone();

    public Task InitializeAsync() => database.TruncateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_postgres_audit_log_holds_exactly_one_row_per_decision_and_no_argument_values()
    {
        var store = new PostgresAuditStore(database.DataSource);

        var decided = await DecideAsync(store);

        await CheckAsync(store, decided, await database.RawRowsAsync());
    }

    [Fact]
    public async Task The_sqlite_audit_log_holds_exactly_one_row_per_decision_and_no_argument_values()
    {
        using var file = new SqliteFile();

        var decided = await DecideAsync(file.Store);

        await CheckAsync(file.Store, decided, file.RawRows());
        var bytes = file.FileBytes();
        Assert.NotEmpty(bytes);
        Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Secret)));
    }

    [Fact]
    public async Task Values_are_recorded_as_canonical_json_only_when_asked()
    {
        using var file = new SqliteFile();
        using var meters = new HostMeters();
        await using var writer = new AuditWriter(file.Store, new AuditWriterSettings(), TimeProvider.System, meters.Audit, NullLogger<AuditWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);
        var recorder = new AuditRecorder(writer, TimeProvider.System, new AuditReplica("replica-a"));

        using (var call = recorder.Begin("files", "transfer", new AuditCaller("ci-agent", null, null, null), Arguments, recordArguments: true))
        {
            call.Decided(AuditActions.Allow, "/default", "1@r0");
        }

        await writer.StopAsync(CancellationToken.None);

        var entry = Assert.Single((await file.Store.QueryAsync(new AuditQuery(null, null, null, null, null, 1, 10), CancellationToken.None)).Entries);
        Assert.Equal($$"""{"amount":{"memo":"{{Secret}}"},"to":"{{Secret}}"}""", entry.ArgumentsJson);
    }

    /// <summary>One call per kind of decision, recorded as the gateway records them; returns the actions, in order.</summary>
    private static async Task<List<string>> DecideAsync(IAuditStore store)
    {
        using var meters = new HostMeters();
        await using var writer = new AuditWriter(store, new AuditWriterSettings(), TimeProvider.System, meters.Audit, NullLogger<AuditWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);
        var recorder = new AuditRecorder(writer, TimeProvider.System, new AuditReplica("replica-a"));
        var actions = new List<string>();

        using var activity = new Activity("tools/call transfer").SetIdFormat(ActivityIdFormat.W3C).Start();
        using (var call = recorder.Begin("files", "transfer", new AuditCaller("ci-agent", "session-9", "user-42", "ci-client"), Arguments))
        {
            call.Decided(AuditActions.Allow, "/tools/transfer", "7@r3");
            call.Forwarded(AuditUpstreamStatus.Result, TimeSpan.FromMilliseconds(42.5));
            actions.Add(AuditActions.Allow);
            call.Dispose(); // a second Dispose (the using) records nothing more
        }

        activity.Stop();
        foreach (var (action, rule) in new[]
        {
            (AuditActions.Deny, "/tools/transfer/deny_if/0"),
            (AuditActions.Hidden, "/tools/transfer/action"),
            (AuditActions.RateLimited, "/all_tools/limits/0"),
            (AuditActions.InvalidArguments, "/tools/transfer/require"),
            (AuditActions.ApprovalTimeout, "/tools/transfer/action"),
        })
        {
            using var call = recorder.Begin("files", "transfer", new AuditCaller("ci-agent", "session-9", null, null), Arguments);
            call.Decided(action, rule, "7@r3");
            actions.Add(action);
        }

        // A call that failed before any decision (an exception on the way) still leaves its one row.
        try
        {
            using var call = recorder.Begin("files", "transfer", new AuditCaller("ci-agent", null, null, null), Arguments);
            throw new InvalidOperationException("counters unavailable");
        }
        catch (InvalidOperationException)
        {
            actions.Add(AuditActions.Error);
        }

        await writer.StopAsync(CancellationToken.None);
        Assert.Equal(actions.Count, writer.Written);
        return actions;
    }

    private static async Task CheckAsync(IAuditStore store, List<string> decided, IReadOnlyList<string> rawRows)
    {
        var page = await store.QueryAsync(new AuditQuery(null, null, null, null, null, 1, 100), CancellationToken.None);
        var (names, sha256) = AuditDigest.Of(Arguments);

        Assert.Equal(decided.Count, page.Entries.Count);
        Assert.Equal(decided.Count, rawRows.Count);
        Assert.Equal(decided.Order(StringComparer.Ordinal), page.Entries.Select(entry => entry.Action).Order(StringComparer.Ordinal));
        Assert.All(page.Entries, entry =>
        {
            Assert.Equal(["amount", "to"], entry.ArgumentNames);
            Assert.Equal(sha256, entry.ArgumentsSha256);
            Assert.Null(entry.ArgumentsJson);
            Assert.Equal("replica-a", entry.Replica);
        });
        Assert.Equal(names, ["amount", "to"]);
        Assert.All(rawRows, row => Assert.DoesNotContain(Secret, row, StringComparison.Ordinal));

        var allowed = page.Entries.Single(entry => entry.Action == AuditActions.Allow);
        Assert.Equal((0, 42.5), (allowed.UpstreamStatus, allowed.UpstreamLatencyMs));
        Assert.Matches("^[0-9a-f]{32}$", allowed.TraceId!);
        Assert.Equal("session-9", allowed.SessionId);
        Assert.Equal(("user-42", "ci-client"), (allowed.Subject, allowed.ClientId));
        Assert.All(page.Entries.Where(entry => entry.Action != AuditActions.Allow), entry => Assert.Equal((null, null), (entry.Subject, entry.ClientId)));
        Assert.All(page.Entries.Where(entry => entry.Action != AuditActions.Allow), entry => Assert.Null(entry.UpstreamStatus));
        Assert.Equal(string.Empty, page.Entries.Single(entry => entry.Action == AuditActions.Error).RulePointer);
    }
}
