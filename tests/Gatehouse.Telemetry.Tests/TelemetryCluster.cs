using Gatehouse.Storage.Migrations;
using Gatehouse.Telemetry.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Orleans.Runtime;

namespace Gatehouse.Telemetry.Tests;

/// <summary>
/// Two Gatehouse replicas in this process, one Orleans cluster (ADO.NET clustering on a fresh
/// PostgreSQL database), in front of the test upstream. Localhost clustering cannot make that
/// cluster: Gatehouse's <c>Localhost</c> mode names no primary silo, so each silo is its own primary
/// and forms a cluster of one.
/// </summary>
public sealed class TelemetryCluster : IAsyncLifetime
{
    private readonly List<InProcessReplica> _replicas = [];
    private TestDatabase? _database;
    private UpstreamProcess? _upstream;
    private GatewayFiles? _files;

    /// <summary>
    /// Every span that ended in this process: the agents', both replicas', Orleans' on both silos.
    /// ActivityListeners are process-wide, so the exporter of the first replica sees the spans of the second.
    /// </summary>
    internal RecordedSpans Spans { get; } = new();

    internal IReadOnlyList<InProcessReplica> Replicas => _replicas;

    internal GatewayFiles Files => _files ?? throw new InvalidOperationException("The cluster is not started.");

    internal string TokenOf(string grant) => Files.Tokens[grant];

    public async Task InitializeAsync()
    {
        try
        {
            _database = await TestDatabase.CreateAsync("gh_tel_");
            await new SchemaMigrator(_database.ConnectionString).MigrateAsync(CancellationToken.None);
            _upstream = await UpstreamProcess.StartAsync();
            _files = GatewayFiles.Write(_upstream.Endpoint, _database);
            _replicas.Add(await InProcessReplica.StartAsync(_files.Path, builder => builder.Services.AddOpenTelemetry()
                .WithTracing(tracing => tracing.AddSource(AgentActivity.SourceName).AddInMemoryExporter(Spans))));
            _replicas.Add(await InProcessReplica.StartAsync(_files.Path));
            await Eventually.HoldsAsync(
                () => _replicas.All(replica => ActiveSilos(replica) == _replicas.Count),
                () => $"both replicas see {_replicas.Count} active silos; they see {string.Join(", ", _replicas.Select(ActiveSilos))}");
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        // The last replica first: the first one carries the exporter.
        foreach (var replica in Enumerable.Reverse(_replicas))
        {
            await replica.DisposeAsync();
        }

        _replicas.Clear();
        if (_upstream is not null)
        {
            await _upstream.DisposeAsync();
        }

        _files?.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private static int ActiveSilos(InProcessReplica replica) =>
        replica.Services.GetRequiredService<IClusterMembershipService>().CurrentSnapshot.Members.Values.Count(member => member.Status == SiloStatus.Active);
}
