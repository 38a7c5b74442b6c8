using Gatehouse.Audit.Tests.TestSupport;
using Gatehouse.Storage.Audit;

namespace Gatehouse.Audit.Tests.Storage;

/// <summary>What both audit stores promise; run once against real PostgreSQL and once against a real SQLite file.</summary>
public abstract class AuditStoreContract
{
    private static readonly CancellationToken None = CancellationToken.None;

    protected abstract IAuditStore Store { get; }

    /// <summary>Every row as the table holds it, every column as text.</summary>
    protected abstract Task<IReadOnlyList<string>> RawRowsAsync();

    [Fact]
    public async Task Written_entries_read_back_field_for_field()
    {
        var written = new AuditEntry(
            new DateTimeOffset(2026, 3, 1, 14, 0, 0, TimeSpan.FromHours(2)).AddTicks(1234560),
            "ci-agent", "files", "transfer", AuditActions.RateLimited, "/tools/transfer/limits/0", "7@r3",
            ["amount", "to"], new string('b', 64), null, null, null, "4bf92f3577b34da6a3ce929d0e0e4736", null, "S10.0.0.7:11111:9",
            "auth0|5f7c8ec7c33c6c004bbafe82", "ci-agent-app");
        var forwarded = Entries.Make(1) with { UpstreamStatus = -32603, UpstreamLatencyMs = 81.25, ArgumentNames = [] };

        await Store.WriteAsync([written, forwarded], None);
        var page = await Store.QueryAsync(Query(pageSize: 10), None);

        Assert.Equal(2, page.Entries.Count);
        Same(written, page.Entries.Single(entry => entry.Tool == "transfer"));
        Same(forwarded, page.Entries.Single(entry => entry.Tool == "echo"));
        Assert.All(page.Entries, entry => Assert.Equal(TimeSpan.Zero, entry.At.Offset));
    }

    [Fact]
    public async Task Entries_come_newest_first_in_pages_that_say_whether_more_follow()
    {
        await Store.WriteAsync(Entries.Range(0, 5), None);
        await Store.WriteAsync(Entries.Range(5, 7), None);

        var first = await Store.QueryAsync(Query(page: 1, pageSize: 5), None);
        var second = await Store.QueryAsync(Query(page: 2, pageSize: 5), None);
        var third = await Store.QueryAsync(Query(page: 3, pageSize: 5), None);
        var beyond = await Store.QueryAsync(Query(page: 4, pageSize: 5), None);

        Assert.Equal(["t11", "t10", "t9", "t8", "t7"], first.Entries.Select(entry => entry.TraceId));
        Assert.True(first.HasMore);
        Assert.Equal(["t6", "t5", "t4", "t3", "t2"], second.Entries.Select(entry => entry.TraceId));
        Assert.True(second.HasMore);
        Assert.Equal(["t1", "t0"], third.Entries.Select(entry => entry.TraceId));
        Assert.False(third.HasMore);
        Assert.Empty(beyond.Entries);
        Assert.False(beyond.HasMore);
        Assert.Equal((3, 5), (third.Page, third.PageSize));
    }

    [Fact]
    public async Task A_page_that_ends_exactly_at_the_last_entry_has_no_more()
    {
        await Store.WriteAsync(Entries.Range(0, 4), None);

        var page = await Store.QueryAsync(Query(pageSize: 4), None);

        Assert.Equal(4, page.Entries.Count);
        Assert.False(page.HasMore);
    }

    [Fact]
    public async Task Entries_of_the_same_instant_come_last_written_first()
    {
        await Store.WriteAsync(Entries.Range(0, 3, n => Entries.Make(n, at: Entries.Epoch)), None);

        var page = await Store.QueryAsync(Query(), None);

        Assert.Equal(["t2", "t1", "t0"], page.Entries.Select(entry => entry.TraceId));
    }

    [Fact]
    public async Task Each_filter_and_their_combination_select_exactly_the_matching_entries()
    {
        string[] grants = ["ci-agent", "ops"];
        string[] tools = ["echo", "get-env", "transfer"];
        string[] actions = [AuditActions.Allow, AuditActions.Deny, AuditActions.RateLimited, AuditActions.Hidden];
        var all = Entries.Range(0, 48, n => Entries.Make(n, grant: grants[n % 2], tool: tools[n % 3], action: actions[n % 4]));
        await Store.WriteAsync(all, None);

        async Task Check(AuditQuery query, Func<AuditEntry, bool> matches)
        {
            var expected = all.Where(matches).OrderByDescending(entry => entry.At).Select(entry => entry.TraceId).ToList();
            Assert.NotEmpty(expected);
            var page = await Store.QueryAsync(query, None);
            Assert.Equal(expected, page.Entries.Select(entry => entry.TraceId));
        }

        await Check(Query(grant: "ops"), entry => entry.GrantId == "ops");
        await Check(Query(tool: "get-env"), entry => entry.Tool == "get-env");
        await Check(Query(action: AuditActions.Deny), entry => entry.Action == AuditActions.Deny);
        await Check(Query(from: Entries.Epoch.AddMilliseconds(40)), entry => entry.At >= Entries.Epoch.AddMilliseconds(40));
        await Check(Query(to: Entries.Epoch.AddMilliseconds(10)), entry => entry.At < Entries.Epoch.AddMilliseconds(10));
        await Check(
            Query(grant: "ci-agent", tool: "transfer", action: AuditActions.RateLimited, from: Entries.Epoch.AddMilliseconds(2), to: Entries.Epoch.AddMilliseconds(47)),
            entry => entry.GrantId == "ci-agent" && entry.Tool == "transfer" && entry.Action == AuditActions.RateLimited
                && entry.At >= Entries.Epoch.AddMilliseconds(2) && entry.At < Entries.Epoch.AddMilliseconds(47));

        var none = await Store.QueryAsync(Query(grant: "ops", action: AuditActions.Allow), None);
        Assert.Empty(none.Entries); // odd n is "ops"; n % 4 == 0 is "allow": never both
    }

    [Fact]
    public async Task From_is_inclusive_and_to_is_exclusive_to_the_microsecond()
    {
        var edge = Entries.Epoch.AddMinutes(5);
        await Store.WriteAsync(
            [
                Entries.Make(0, at: edge.AddTicks(-10)),
                Entries.Make(1, at: edge),
                Entries.Make(2, at: edge.AddTicks(10)),
                Entries.Make(3, at: edge.AddSeconds(1).AddTicks(-10)),
                Entries.Make(4, at: edge.AddSeconds(1)),
            ],
            None);

        var window = await Store.QueryAsync(Query(from: edge, to: edge.AddSeconds(1)), None);
        var empty = await Store.QueryAsync(Query(from: edge, to: edge), None);
        var inOtherOffset = await Store.QueryAsync(Query(from: edge.ToOffset(TimeSpan.FromHours(-7)), to: edge.AddTicks(20).ToOffset(TimeSpan.FromHours(9))), None);

        Assert.Equal(["t3", "t2", "t1"], window.Entries.Select(entry => entry.TraceId));
        Assert.Empty(empty.Entries);
        Assert.Equal(["t2", "t1"], inOtherOffset.Entries.Select(entry => entry.TraceId));
    }

    [Fact]
    public async Task Argument_values_are_stored_only_when_given()
    {
        const string Secret = "hunter2-0b6f1c";
        await Store.WriteAsync([Entries.Make(0), Entries.Make(1, argumentsJson: $$"""{"message":"{{Secret}}"}""")], None);

        var page = await Store.QueryAsync(Query(), None);
        var rows = await RawRowsAsync();

        Assert.Null(page.Entries.Single(entry => entry.TraceId == "t0").ArgumentsJson);
        Assert.Equal($$"""{"message":"{{Secret}}"}""", page.Entries.Single(entry => entry.TraceId == "t1").ArgumentsJson);
        Assert.Equal(2, rows.Count);
        Assert.DoesNotContain(Secret, rows[0], StringComparison.Ordinal);
        Assert.Contains(Secret, rows[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batch_that_fails_half_way_stores_none_of_its_entries()
    {
        var batch = Entries.Range(0, 10);
        batch[7] = batch[7] with { GrantId = null! };

        await Assert.ThrowsAnyAsync<Exception>(() => Store.WriteAsync(batch, None));
        await Store.WriteAsync([Entries.Make(100)], None);

        var page = await Store.QueryAsync(Query(), None);
        Assert.Equal(["t100"], page.Entries.Select(entry => entry.TraceId));
        Assert.Single(await RawRowsAsync());
    }

    [Fact]
    public async Task Text_with_nul_or_a_lone_surrogate_is_stored_with_replacement_characters()
    {
        await Store.WriteAsync([Entries.Make(0) with { Tool = "ec\0ho\ud800", SessionId = "s\udc00", ArgumentNames = ["a\0"] }], None);

        var entry = Assert.Single((await Store.QueryAsync(Query(), None)).Entries);

        Assert.Equal("ec\uFFFDho\uFFFD", entry.Tool);
        Assert.Equal("s\uFFFD", entry.SessionId);
        Assert.Equal(["a\uFFFD"], entry.ArgumentNames);
    }

    [Fact]
    public async Task An_empty_batch_stores_nothing()
    {
        await Store.WriteAsync([], None);

        Assert.Empty((await Store.QueryAsync(Query(), None)).Entries);
        Assert.Empty(await RawRowsAsync());
    }

    protected static AuditQuery Query(
        string? grant = null, string? tool = null, string? action = null, DateTimeOffset? from = null, DateTimeOffset? to = null, int page = 1, int pageSize = 100) =>
        new(grant, tool, action, from, to, page, pageSize);

    private static void Same(AuditEntry expected, AuditEntry actual)
    {
        Assert.Equal(expected.At.UtcTicks, actual.At.UtcTicks);
        Assert.Equal(expected with { At = actual.At, ArgumentNames = actual.ArgumentNames }, actual);
        Assert.Equal(expected.ArgumentNames, actual.ArgumentNames);
    }
}
