using System.Text.Json.Nodes;
using Gatehouse.EndToEnd.Tests.Cluster;
using Gatehouse.EndToEnd.Tests.Infrastructure;
using Npgsql;

namespace Gatehouse.EndToEnd.Tests.Outage;

/// <summary>
/// Two replicas on their own PostgreSQL database, which the tests take away and give back, in front of the C# test
/// upstream: <c>add</c> is unlimited, <c>echo</c> has a budget of <see cref="EchoBudget"/> per fixed window for grant <c>agents</c>.
/// </summary>
public abstract class DatabaseOutageFixture(string onStoreOutage) : ClusterFixtureBase
{
    public const int EchoBudget = 5;
    public const string Upstream = "tools";
    public const string Grant = "agents";

    private static readonly string Policy = $$"""
        { "version": "1", "default": "allow",
          "tools": { "echo": { "limits": [ { "counter": "echo_budget", "window": {{SteadyWindow.Json}}, "max": {{EchoBudget}}, "scope": "grant" } ] } } }
        """;

    /// <summary>Runs a query on the cluster's database and returns its single value.</summary>
    internal async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(Cluster.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    private protected override async Task<GatewayCluster> StartAsync()
    {
        var upstream = await KeepAsync(UpstreamServers.StartTestUpstreamAsync());
        return await GatewayCluster.StartAsync(
            replicas: 2,
            new Dictionary<string, UpstreamSpec> { [Upstream] = UpstreamSpec.Http(upstream.Endpoint, Policy) },
            new Dictionary<string, string[]> { [Grant] = [Upstream] },
            configure: gatehouse => ((JsonObject)gatehouse["Counters"]!)["OnStoreOutage"] = onStoreOutage);
    }
}

/// <summary>The default: limited calls fail closed while the database is away.</summary>
public sealed class FailClosedOutageFixture() : DatabaseOutageFixture("FailClosed");

/// <summary><c>Counters:OnStoreOutage: Serve</c>: counters in memory keep deciding while the database is away.</summary>
public sealed class ServingOutageFixture() : DatabaseOutageFixture("Serve");
