using System.Globalization;
using Gatehouse.Host.Tests.Admin;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;

namespace Gatehouse.Host.Tests.Hosting;

/// <summary>The store that makes SSE streams resumable on any replica, as a whole replica composes it.</summary>
[Collection(AloneInProcessCollection.Name)]
public sealed class ResumptionStoreTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gatehouse-resumption-").FullName;
    private InProcessReplica? _replica;

    public async Task InitializeAsync() =>
        _replica = await InProcessReplica.StartAsync(QuietReplicaConfig.Write(_folder, gatehouse => gatehouse["ResumptionMinutes"] = 3));

    public async Task DisposeAsync()
    {
        if (_replica is not null)
        {
            await _replica.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Events_and_stream_records_are_kept_for_the_configured_minutes_after_their_last_use()
    {
#pragma warning disable MCP9006 // The store serves the stateful sessions of 2025 agents, which Gatehouse serves.
        var store = _replica!.Services.GetRequiredService<IOptions<DistributedCacheEventStreamStoreOptions>>().Value;
#pragma warning restore MCP9006

        Assert.Equal("GrainDistributedCache", store.Cache?.GetType().Name);
        Assert.Equal(TimeSpan.FromMinutes(3), store.EventSlidingExpiration);
        Assert.Equal(TimeSpan.FromMinutes(3), store.MetadataSlidingExpiration);
        Assert.Null(store.EventAbsoluteExpiration);
        Assert.Null(store.MetadataAbsoluteExpiration);
    }

    [Fact]
    public async Task What_the_store_holds_is_published_at_metrics()
    {
        // The cache the MCP transport's event store writes to, written as it writes: two entries of 100 and 28 bytes.
#pragma warning disable MCP9006 // As above.
        var cache = _replica!.Services.GetRequiredService<IOptions<DistributedCacheEventStreamStoreOptions>>().Value.Cache!;
#pragma warning restore MCP9006
        var sliding = new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(3) };
        await cache.SetAsync("resumption-test-a", new byte[100], sliding);
        await cache.SetAsync("resumption-test-b", new byte[28], sliding);
        using var http = new HttpClient();

        var metrics = await http.GetStringAsync(new Uri(_replica.BaseUrl, "/metrics"));

        Assert.Equal(2, Gauge(metrics, "gatehouse_resumption_entries"));
        Assert.Equal(128, Gauge(metrics, "gatehouse_resumption_bytes"));
    }

    /// <summary>The value of a gauge without labels of its own in Prometheus text.</summary>
    private static double Gauge(string metrics, string name) =>
        double.Parse(
            metrics.Split('\n').Single(line => line.StartsWith(name + " ", StringComparison.Ordinal) || line.StartsWith(name + "{", StringComparison.Ordinal)).Split(' ')[^1],
            CultureInfo.InvariantCulture);
}
