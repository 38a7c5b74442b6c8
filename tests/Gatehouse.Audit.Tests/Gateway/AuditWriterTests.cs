using Gatehouse.Audit.Tests.TestSupport;
using Gatehouse.Gateway.Audit;
using Gatehouse.Storage.Audit;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gatehouse.Audit.Tests.Gateway;

[Collection(AuditWriterCollection.Name)]
public sealed class AuditWriterTests(AuditDatabase database) : IClassFixture<AuditDatabase>, IAsyncLifetime
{
    private static readonly AuditWriterSettings Fast = new() { FirstRetryDelay = TimeSpan.FromMilliseconds(1), MaxRetryDelay = TimeSpan.FromMilliseconds(20) };

    private readonly HostMeters _meters = new();

    public Task InitializeAsync() => database.TruncateAsync();

    public Task DisposeAsync()
    {
        _meters.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Record_returns_at_once_when_the_queue_is_full_and_counts_what_it_drops()
    {
        using var file = new SqliteFile();
        var gated = new GatedStore(file.Store);
        await using var writer = Writer(gated, Fast with { Capacity = 10, BatchSize = 4 });
        using var dropped = _meters.Capture("gatehouse.audit.dropped");
        await writer.StartAsync(CancellationToken.None);

        writer.Record(Entries.Make(0));
        await gated.Entered; // the writer holds entry 0 in a write that cannot finish: the queue is now empty
        foreach (var entry in Entries.Range(1, 25))
        {
            writer.Record(entry); // 10 fit, 15 do not: none of these calls may wait
        }

        Assert.Equal(15, writer.Dropped);
        Assert.Equal(15, dropped.Of(AuditMetrics.QueueFull));
        Assert.Equal(10, writer.Queued);

        gated.Open();
        await writer.StopAsync(CancellationToken.None);

        var stored = await file.Store.QueryAsync(new AuditQuery(null, null, null, null, null, 1, 100), CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, 11).Select(n => $"t{n}").Reverse(), stored.Entries.Select(entry => entry.TraceId));
        Assert.Equal(11, writer.Written);
    }

    [Fact]
    public async Task StopAsync_stores_everything_recorded_before_it()
    {
        var store = new PostgresAuditStore(database.DataSource);
        await using var writer = Writer(store, Fast);
        await writer.StartAsync(CancellationToken.None);

        const int Count = 2_345;
        foreach (var entry in Entries.Range(0, Count))
        {
            writer.Record(entry);
        }

        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(Count, await database.CountAsync());
        Assert.Equal(Count, await CountDistinctTracesAsync());
        Assert.Equal(Count, writer.Written);
        Assert.Equal(0, writer.Dropped);
    }

    [Fact]
    public async Task A_store_that_fails_a_few_times_then_works_ends_with_every_entry_stored_exactly_once()
    {
        var flaky = new FlakyStore(new PostgresAuditStore(database.DataSource), failures: 3);
        await using var writer = Writer(flaky, Fast with { BatchSize = 100 });
        using var failures = _meters.Capture("gatehouse.audit.write.failures");
        await writer.StartAsync(CancellationToken.None);

        const int Count = 1_000;
        foreach (var entry in Entries.Range(0, Count))
        {
            writer.Record(entry);
        }

        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(Count, await database.CountAsync());
        Assert.Equal(Count, await CountDistinctTracesAsync());
        Assert.Equal(3, failures.Total);
        Assert.True(flaky.Calls >= Count / 100 + 3);
        Assert.Equal(0, writer.Dropped);
    }

    [Fact]
    public async Task Stopping_without_a_store_returns_when_the_shutdown_timeout_fires_and_counts_the_loss()
    {
        using var file = new SqliteFile();
        var gated = new GatedStore(file.Store); // never opened: the database "hangs"
        await using var writer = Writer(gated, Fast with { BatchSize = 5 });
        using var dropped = _meters.Capture("gatehouse.audit.dropped");
        await writer.StartAsync(CancellationToken.None);
        foreach (var entry in Entries.Range(0, 12))
        {
            writer.Record(entry);
        }

        await gated.Entered;
        using var shutdown = new CancellationTokenSource();
        var stopping = writer.StopAsync(shutdown.Token);
        await shutdown.CancelAsync();
        await stopping;

        Assert.Equal(12, writer.Dropped);
        Assert.Equal(12, dropped.Of(AuditMetrics.ShutdownTimeout));
        Assert.Equal(0, writer.Written);
    }

    [Fact]
    public async Task Entries_recorded_after_stopping_are_dropped_and_counted_not_thrown()
    {
        using var file = new SqliteFile();
        await using var writer = Writer(file.Store, Fast);
        using var dropped = _meters.Capture("gatehouse.audit.dropped");
        await writer.StartAsync(CancellationToken.None);
        await writer.StopAsync(CancellationToken.None);

        writer.Record(Entries.Make(0));

        Assert.Equal(1, writer.Dropped);
        Assert.Equal(1, dropped.Of(AuditMetrics.Stopped));
    }

    private AuditWriter Writer(IAuditStore store, AuditWriterSettings settings) =>
        new(store, settings, TimeProvider.System, _meters.Audit, NullLogger<AuditWriter>.Instance);

    private async Task<long> CountDistinctTracesAsync()
    {
        await using var command = database.DataSource.CreateCommand("SELECT count(DISTINCT trace_id) FROM gatehouse_audit");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
