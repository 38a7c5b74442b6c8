using System.Text.Json.Nodes;

namespace Gatehouse.LoadTests.Infrastructure;

/// <summary>
/// Real <c>gatehouse</c> processes sharing one configuration. With a database: one Orleans cluster on a
/// scratch PostgreSQL database (ADO.NET clustering, <c>db migrate</c> first); without: a single replica on
/// localhost clustering (the embedded default).
/// </summary>
internal sealed class GatehouseCluster : IAsyncDisposable
{
    private readonly List<GatehouseReplica> _replicas = [];
    private readonly ScratchDatabase? _database;

    private GatehouseCluster(GatehouseConfig config, ScratchDatabase? database)
    {
        Config = config;
        _database = database;
    }

    public GatehouseConfig Config { get; }

    public IReadOnlyList<GatehouseReplica> Replicas
    {
        get
        {
            lock (_replicas)
            {
                return [.. _replicas];
            }
        }
    }

    /// <summary>Base URLs of the replicas still running.</summary>
    public IReadOnlyList<Uri> LiveUrls => [.. Replicas.Where(r => !r.HasExited).Select(r => r.BaseUrl)];

    /// <summary>Starts a single replica on localhost clustering: no database, counters in memory.</summary>
    public static Task<GatehouseCluster> StartEmbeddedAsync(IReadOnlyDictionary<string, (Uri Url, string Policy)> upstreams, IReadOnlyDictionary<string, string[]> grants) =>
        StartAsync(1, upstreams, grants, postgresServer: null, durability: null);

    /// <summary>Starts <paramref name="replicas"/> replicas as one cluster on a scratch database of <paramref name="postgresServer"/>.</summary>
    public static async Task<GatehouseCluster> StartAsync(
        int replicas,
        IReadOnlyDictionary<string, (Uri Url, string Policy)> upstreams,
        IReadOnlyDictionary<string, string[]> grants,
        string? postgresServer,
        string? durability)
    {
        var database = postgresServer is null ? null : await ScratchDatabase.CreateAsync(postgresServer);
        var clusterSection = database is null
            ? new JsonObject { ["Clustering"] = "Localhost" }
            : new JsonObject { ["Clustering"] = "AdoNet", ["ConnectionString"] = database.ConnectionString, ["ClusterId"] = database.Name };
        var cluster = new GatehouseCluster(GatehouseConfig.Write(upstreams, grants, clusterSection, durability), database);
        try
        {
            if (database is not null)
            {
                await cluster.MigrateAsync();
            }

            // One at a time: on a small machine, replicas started together slow each other's start past the join timeout.
            for (var i = 0; i < replicas; i++)
            {
                await cluster.AddReplicaAsync();
            }
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    /// <summary>Starts one more replica of the cluster and returns once its <c>/readyz</c> answers 200.</summary>
    public async Task<GatehouseReplica> AddReplicaAsync()
    {
        var replica = await GatehouseReplica.StartAsync(Config);
        lock (_replicas)
        {
            _replicas.Add(replica);
        }

        return replica;
    }

    public GatehouseReplica? ReplicaWithSiloPort(int port) => Replicas.SingleOrDefault(r => r.SiloPort == port);

    /// <summary>The MCP endpoint of <paramref name="upstream"/> on each live replica.</summary>
    public IReadOnlyList<Uri> EndpointsOf(string upstream) => [.. Replicas.Where(r => !r.HasExited).Select(r => r.EndpointOf(upstream))];

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(Replicas.Select(r => r.DisposeAsync().AsTask()));
        Config.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private async Task MigrateAsync()
    {
        await using var migrate = ChildProcess.Start("dotnet", [BuiltPrograms.GatehouseDll, "db", "migrate", "--config", Config.Path], Config.Folder);
        await migrate.WaitForExitAsync(TimeSpan.FromSeconds(120));
        if (migrate.ExitCode != 0)
        {
            throw new InvalidOperationException($"gatehouse db migrate failed:\n{migrate.Output}");
        }
    }
}
