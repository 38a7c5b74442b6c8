using System.Diagnostics;
using System.Globalization;
using Gatehouse.Audit.Tests.TestSupport;
using Gatehouse.Gateway.Audit;
using Gatehouse.Storage.Audit;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace Gatehouse.Audit.Tests.Storage;

/// <summary>
/// Audit write throughput, in batches of 500, for each store and through the writer. These check only that
/// every entry was stored; the rates are printed (run with <c>--logger "console;verbosity=detailed"</c>).
/// </summary>
[Collection(AuditWriterCollection.Name)]
public sealed class AuditThroughputTests(AuditDatabase database, ITestOutputHelper output) : IClassFixture<AuditDatabase>, IAsyncLifetime
{
    private const int BatchSize = 500;
    private const int Batches = 100;

    public Task InitializeAsync() => database.TruncateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Postgres_store_writes_batches_of_500()
    {
        var stored = await MeasureStoreAsync("PostgreSQL store (binary COPY)", new PostgresAuditStore(database.DataSource));

        Assert.Equal(BatchSize * Batches, stored);
        Assert.Equal((BatchSize * Batches) + 1, await database.CountAsync()); // and the warm-up entry
    }

    [Fact]
    public async Task Sqlite_store_writes_batches_of_500()
    {
        using var file = new SqliteFile();

        var stored = await MeasureStoreAsync("SQLite store (WAL, one transaction per batch)", file.Store);

        Assert.Equal(BatchSize * Batches, stored);
        Assert.Equal((BatchSize * Batches) + 1, file.RawRows().Count); // and the warm-up entry
    }

    [Fact]
    public async Task Postgres_through_the_writer_from_record_to_stored()
    {
        var store = new PostgresAuditStore(database.DataSource);
        var entries = Entries.Range(0, BatchSize * Batches, Realistic);
        using var meters = new HostMeters();
        await using var writer = new AuditWriter(store, new AuditWriterSettings { BatchSize = BatchSize }, TimeProvider.System, meters.Audit, NullLogger<AuditWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);

        var started = Stopwatch.GetTimestamp();
        foreach (var entry in entries)
        {
            writer.Record(entry);
        }

        await writer.StopAsync(CancellationToken.None);
        Report("PostgreSQL through AuditWriter (Record → flushed)", entries.Count, Stopwatch.GetElapsedTime(started));

        Assert.Equal(entries.Count, writer.Written);
        Assert.Equal(entries.Count, await database.CountAsync());
    }

    private async Task<int> MeasureStoreAsync(string name, IAuditStore store)
    {
        var batches = Enumerable.Range(0, Batches).Select(b => Entries.Range(b * BatchSize, BatchSize, Realistic)).ToList();
        await store.WriteAsync([Realistic(-1)], CancellationToken.None); // warm up: connection, table, JIT

        var started = Stopwatch.GetTimestamp();
        foreach (var batch in batches)
        {
            await store.WriteAsync(batch, CancellationToken.None);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        Report(name, BatchSize * Batches, elapsed);
        var newest = await store.QueryAsync(new AuditQuery(null, null, null, null, null, 1, 1), CancellationToken.None);
        Assert.Equal($"t{(BatchSize * Batches) - 1}", newest.Entries.Single().TraceId);
        var total = 0;
        for (var page = 1; ; page++)
        {
            var read = await store.QueryAsync(new AuditQuery("ci-agent", null, null, null, null, page, 500), CancellationToken.None);
            total += read.Entries.Count;
            if (!read.HasMore)
            {
                return total - 1; // less the warm-up entry
            }
        }
    }

    private void Report(string name, int count, TimeSpan elapsed) =>
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{name}: {count} entries in {elapsed.TotalMilliseconds:F0} ms = {count / elapsed.TotalSeconds:F0} entries/s ({BatchSize} per batch)"));

    private static AuditEntry Realistic(int n) => Entries.Make(n) with
    {
        ArgumentNames = ["amount", "memo", "to"],
        ArgumentsSha256 = Convert.ToHexStringLower(BitConverter.GetBytes(n).Concat(new byte[28]).ToArray()),
        TraceId = $"t{n}",
        SessionId = Guid.NewGuid().ToString("N"),
    };
}
