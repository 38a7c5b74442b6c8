using Gatehouse.Grains.Approvals;
using Gatehouse.Grains.Grants;
using Gatehouse.Grains.Pins;
using Gatehouse.Grains.Policies;
using Gatehouse.Grains.Sessions;
using Gatehouse.Grains.Tasks;
using Gatehouse.Storage.Tests.TestSupport;
using Npgsql;

namespace Gatehouse.Storage.Tests.Stores;

/// <summary>
/// What the grains keep in PostgreSQL comes back field for field through a fresh data source (as after a
/// restart of every replica), and a save replaces the row it keys.
/// </summary>
public sealed class StoreRoundTripTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>, IAsyncDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 12, 30, 15, 123, TimeSpan.Zero);

    private readonly NpgsqlDataSource _writer = PostgresDataSources.Create(database.ConnectionString);
    private readonly NpgsqlDataSource _reader = PostgresDataSources.Create(database.ConnectionString);

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        await _reader.DisposeAsync();
    }

    [Fact]
    public async Task Tool_pins_come_back_with_their_pending_change_and_a_save_replaces_them()
    {
        var pinned = new ToolDefinition("weather", new string('a', 64), """{"description":"Gets the weather."}""");
        var pending = new ToolDefinition("weather", new string('b', 64), """{"description":"Reads your keys."}""");
        var other = new ToolDefinition("echo", new string('c', 64), """{"name":"echo"}""");
        await new PostgresToolPinStore(_writer).SaveAsync("pins-a", new ToolPin("weather", pinned, At, pending, At.AddMinutes(1)), CancellationToken.None);
        await new PostgresToolPinStore(_writer).SaveAsync("pins-a", new ToolPin("echo", other, At, null, null), CancellationToken.None);
        await new PostgresToolPinStore(_writer).SaveAsync("pins-b", new ToolPin("echo", other, At, null, null), CancellationToken.None);

        var loaded = (await new PostgresToolPinStore(_reader).LoadAsync("pins-a", CancellationToken.None)).OrderBy(p => p.Tool).ToList();

        Assert.Equal([new ToolPin("echo", other, At, null, null), new ToolPin("weather", pinned, At, pending, At.AddMinutes(1))], loaded);

        await new PostgresToolPinStore(_writer).SaveAsync("pins-a", new ToolPin("weather", pending, At.AddMinutes(2), null, null), CancellationToken.None);
        var accepted = (await new PostgresToolPinStore(_reader).LoadAsync("pins-a", CancellationToken.None)).Single(p => p.Tool == "weather");
        Assert.Equal(new ToolPin("weather", pending, At.AddMinutes(2), null, null), accepted);
    }

    [Fact]
    public async Task A_task_owner_comes_back_with_its_session_the_first_record_stands_and_an_expired_one_is_replaced()
    {
        var now = DateTimeOffset.UtcNow;
        var session = new UpstreamBinding("upstream-session-1", "2025-11-25", """{"name":"everything"}""", """{"tasks":{}}""", null);
        var owner = new TaskOwner("tasker", "user-1", "simulate-research-query", now.AddHours(1), session);
        var key = $"tasks/{Guid.NewGuid():N}";

        Assert.Null(await new PostgresTaskOwnerStore(_reader).LoadAsync(key, CancellationToken.None));
        Assert.Equal(owner, await new PostgresTaskOwnerStore(_writer).AddAsync(key, owner, CancellationToken.None));
        var stranger = owner with { GrantId = "stranger", Subject = null };
        Assert.Equal(owner, await new PostgresTaskOwnerStore(_writer).AddAsync(key, stranger, CancellationToken.None));
        Assert.Equal(owner, await new PostgresTaskOwnerStore(_reader).LoadAsync(key, CancellationToken.None));

        // Expired: no longer loaded, and a new record for the id takes its place.
        var expiredKey = $"tasks/{Guid.NewGuid():N}";
        await new PostgresTaskOwnerStore(_writer).AddAsync(expiredKey, owner with { ExpiresAt = now.AddSeconds(-1) }, CancellationToken.None);
        Assert.Null(await new PostgresTaskOwnerStore(_reader).LoadAsync(expiredKey, CancellationToken.None));
        Assert.Equal(stranger, await new PostgresTaskOwnerStore(_writer).AddAsync(expiredKey, stranger, CancellationToken.None));
    }

    [Fact]
    public async Task A_policy_revision_comes_back_and_the_next_one_replaces_it()
    {
        var first = new PolicyRevision("""{ "version": "1", "default": "allow" }""", 1, "file", new string('1', 64), At, new string('1', 64));
        var second = new PolicyRevision("""{ "version": "2", "default": "deny" }""", 2, "admin", new string('2', 64), At.AddSeconds(5), new string('1', 64));
        var store = new PostgresPolicyRevisionStore(_writer);

        Assert.Null(await new PostgresPolicyRevisionStore(_reader).LoadAsync("policy-a", CancellationToken.None));
        await store.SaveAsync("policy-a", first, CancellationToken.None);
        Assert.Equal(first, await new PostgresPolicyRevisionStore(_reader).LoadAsync("policy-a", CancellationToken.None));
        await store.SaveAsync("policy-a", second, CancellationToken.None);
        Assert.Equal(second, await new PostgresPolicyRevisionStore(_reader).LoadAsync("policy-a", CancellationToken.None));
    }

    [Fact]
    public async Task A_grant_and_its_revocation_come_back_with_only_the_token_hash()
    {
        var grant = new StoredGrant("ci-bot", new string('d', 64), ["everything", "files"], At, null);
        await new PostgresGrantStore(_writer).SaveAsync(grant, CancellationToken.None);
        var loaded = (await new PostgresGrantStore(_reader).LoadAllAsync(CancellationToken.None)).Single(g => g.Id == "ci-bot");
        await new PostgresGrantStore(_writer).SaveAsync(grant with { RevokedAt = At.AddHours(1) }, CancellationToken.None);
        var revoked = (await new PostgresGrantStore(_reader).LoadAllAsync(CancellationToken.None)).Single(g => g.Id == "ci-bot");

        Assert.Equal((grant.TokenSha256, grant.CreatedAt, (DateTimeOffset?)null), (loaded.TokenSha256, loaded.CreatedAt, loaded.RevokedAt));
        Assert.Equal(grant.Upstreams, loaded.Upstreams);
        Assert.Equal(At.AddHours(1), revoked.RevokedAt);
    }

    [Fact]
    public async Task A_pending_approval_comes_back_and_leaves_the_pending_list_once_decided()
    {
        var request = new ApprovalRequest("agent", "everything", "deleteAll", """{"scope":"all"}""", "operator", 120);
        var pending = new ApprovalView(new string('e', 64), 1, ApprovalState.Pending, request, At, At.AddSeconds(120), null, null);
        var store = new PostgresApprovalStore(_writer);
        await store.SaveAsync(pending, CancellationToken.None);

        Assert.Equal(pending, await new PostgresApprovalStore(_reader).LoadAsync(pending.Id, CancellationToken.None));
        Assert.Contains(pending.Id, await new PostgresApprovalStore(_reader).ListPendingAsync(CancellationToken.None));

        var approved = pending with { State = ApprovalState.Approved, DecidedAt = At.AddSeconds(30), DecidedBy = "operator" };
        await store.SaveAsync(approved, CancellationToken.None);
        Assert.Equal(approved, await new PostgresApprovalStore(_reader).LoadAsync(pending.Id, CancellationToken.None));
        Assert.DoesNotContain(pending.Id, await new PostgresApprovalStore(_reader).ListPendingAsync(CancellationToken.None));
        Assert.Null(await new PostgresApprovalStore(_reader).LoadAsync("absent", CancellationToken.None));
    }
}
