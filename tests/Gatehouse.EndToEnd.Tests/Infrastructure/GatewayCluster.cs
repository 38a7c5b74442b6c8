using System.Text.Json.Nodes;
using ModelContextProtocol.Client;
using Npgsql;

namespace Gatehouse.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Several real <c>gatehouse</c> processes forming one Orleans cluster on a fresh PostgreSQL database
/// (ADO.NET clustering, durable counters), sharing one configuration file; each has its own ports.
/// </summary>
internal sealed class GatewayCluster : IAsyncDisposable
{
    private readonly GatewayConfig _config;
    private readonly List<Replica> _replicas = [];

    private GatewayCluster(GatewayConfig config, TestDatabase database)
    {
        _config = config;
        Database = database;
    }

    public TestDatabase Database { get; }

    public GatewayConfig Config => _config;

    /// <summary>What <c>db migrate</c> printed when the cluster was created (on an empty database).</summary>
    public string FirstMigrationOutput { get; private set; } = string.Empty;

    public IReadOnlyList<Replica> Replicas
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

    public static async Task<GatewayCluster> StartAsync(
        int replicas, IReadOnlyDictionary<string, UpstreamSpec> upstreams, IReadOnlyDictionary<string, string[]> grants, string durability = "Durable", Action<JsonObject>? configure = null)
    {
        var database = await TestDatabase.CreateAsync("gh_e2e_");
        var config = GatewayConfig.Write(upstreams, grants, gatehouse =>
        {
            gatehouse["Cluster"] = new JsonObject
            {
                ["Clustering"] = "AdoNet",
                ["ConnectionString"] = database.ConnectionString,
                ["ClusterId"] = database.Name,
            };
            gatehouse["Counters"] = new JsonObject { ["Durability"] = durability };
            configure?.Invoke(gatehouse);
        });
        var cluster = new GatewayCluster(config, database);
        try
        {
            cluster.FirstMigrationOutput = await cluster.MigrateAsync();
            await Task.WhenAll(Enumerable.Range(0, replicas).Select(_ => cluster.AddReplicaAsync()));
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    /// <summary>Runs <c>gatehouse db migrate --config</c> and returns its standard output.</summary>
    public async Task<string> MigrateAsync()
    {
        await using var migrate = ChildProcess.Start("dotnet", [Paths.GatehouseDll, "db", "migrate", "--config", _config.Path], _config.Folder);
        await migrate.WaitForExitAsync(Eventually.Ceiling);
        if (migrate.ExitCode != 0)
        {
            throw new InvalidOperationException($"db migrate failed:\n{migrate.Output}");
        }

        return string.Join('\n', migrate.StandardOutputLines);
    }

    public async Task<Replica> AddReplicaAsync()
    {
        var replica = await StartReplicaAsync(_config);
        lock (_replicas)
        {
            _replicas.Add(replica);
        }

        return replica;
    }

    /// <summary>
    /// A new replica; started again (at most three times) if it exits before it is ready. On a machine loaded far beyond
    /// its cores, a joining silo can miss its probes and be declared dead by the others, and then stops itself: what an
    /// orchestrator answers with a restart, and what this test cluster does too.
    /// </summary>
    private static async Task<Replica> StartReplicaAsync(GatewayConfig config)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await Replica.StartAsync(config);
            }
            catch (ProcessExitedException) when (attempt < 3)
            {
                // Declared dead while joining: start another in its place.
            }
        }
    }

    public string TokenOf(string grant) => _config.Tokens[grant];

    /// <summary>
    /// An official C# SDK client of <paramref name="grant"/> whose requests go round-robin to the live replicas, at
    /// <c>/mcp/{upstream}</c>, or at the aggregate <c>/mcp</c> when <paramref name="upstream"/> is null.
    /// </summary>
    public Task<(McpClient Client, RoundRobinHandler Balancer)> ConnectAsync(string? upstream, string grant, McpClientOptions? options = null) =>
        ConnectWithTokenAsync(upstream, TokenOf(grant), options);

    /// <summary>
    /// An official C# SDK client presenting <paramref name="token"/> (a grant's or an OAuth access token), round-robin to the live
    /// replicas; on 2025-11-25 unless <paramref name="options"/> say otherwise.
    /// </summary>
    public async Task<(McpClient Client, RoundRobinHandler Balancer)> ConnectWithTokenAsync(string? upstream, string token, McpClientOptions? options = null)
    {
        var balancer = new RoundRobinHandler(() => LiveUrls);
        var http = new HttpClient(balancer) { Timeout = TimeSpan.FromSeconds(60) };
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions
            {
                Endpoint = new Uri(LiveUrls[0], upstream is null ? "/mcp" : $"/mcp/{upstream}"),
                AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token },
                TransportMode = HttpTransportMode.StreamableHttp,
                EnableStandaloneGetStream = false,
            },
            http,
            ownsHttpClient: true);
        options ??= new McpClientOptions { ProtocolVersion = "2025-11-25" };
        options.InitializationTimeout = Eventually.Ceiling;
        options.DiscoverProbeTimeout = Timeout.InfiniteTimeSpan;
        var client = await McpClient.CreateAsync(transport, options);
        return (client, balancer);
    }

    /// <summary>The rows of the Orleans membership table: each silo's port and status (3 Active, 6 Dead).</summary>
    public async Task<List<(int Port, int Status)>> MembersAsync()
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT port, status FROM orleansmembershiptable", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var members = new List<(int, int)>();
        while (await reader.ReadAsync())
        {
            members.Add((reader.GetInt32(0), reader.GetInt32(1)));
        }

        return members;
    }

    public Replica ReplicaWithSiloPort(int port) => Replicas.Single(r => r.SiloPort == port);

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(Replicas.Select(r => r.DisposeAsync().AsTask()));
        _config.Dispose();
        await Database.DisposeAsync();
    }
}
