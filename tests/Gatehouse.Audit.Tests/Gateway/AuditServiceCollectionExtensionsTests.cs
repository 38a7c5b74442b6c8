using Gatehouse.Audit.Tests.TestSupport;
using Gatehouse.Gateway.Audit;
using Gatehouse.Storage.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Gatehouse.Audit.Tests.Gateway;

[Collection(AuditWriterCollection.Name)]
public sealed class AuditServiceCollectionExtensionsTests
{
    [Fact]
    public void Without_a_connection_string_the_store_is_sqlite_at_the_given_path()
    {
        using var file = new SqliteFile();
        var services = new ServiceCollection().AddLogging().AddGatehouseAudit(null, file.Path);
        using var provider = services.BuildServiceProvider();

        var store = Assert.IsType<SqliteAuditStore>(provider.GetRequiredService<IAuditStore>());

        Assert.Equal(file.Path, store.FilePath);
        Assert.Same(provider.GetRequiredService<AuditWriter>(), provider.GetRequiredService<IAuditLog>());
        Assert.Same(provider.GetRequiredService<AuditWriter>(), Assert.Single(provider.GetServices<IHostedService>()));
    }

    [Fact]
    public void With_a_connection_string_the_store_is_postgres_on_the_data_source_already_registered()
    {
        using var registered = NpgsqlDataSource.Create("Host=127.0.0.1;Username=nobody;Database=none");
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(registered);
        services.AddGatehouseAudit("Host=127.0.0.1;Username=nobody;Database=none", "unused.db");
        using var provider = services.BuildServiceProvider();

        Assert.IsType<PostgresAuditStore>(provider.GetRequiredService<IAuditStore>());
        Assert.Same(registered, Assert.Single(provider.GetServices<NpgsqlDataSource>()));
    }

    [Fact]
    public void From_configuration_the_sqlite_file_is_beside_the_config_file_unless_a_database_is_named()
    {
        var folder = Path.Combine(Path.GetTempPath(), "gatehouse-audit-tests", Guid.NewGuid().ToString("N"));
        var configFile = Path.Combine(folder, "gatehouse.json");

        var byDefault = Configured(("config", configFile));
        var named = Configured(("config", configFile), (AuditServiceCollectionExtensions.SqlitePathKey, "audit/decisions.db"));
        var postgres = Configured(("config", configFile), ("Gatehouse:Cluster:ConnectionString", "Host=127.0.0.1;Username=nobody;Database=none"));

        Assert.Equal(Path.Combine(folder, AuditServiceCollectionExtensions.DefaultSqliteFile), Assert.IsType<SqliteAuditStore>(byDefault).FilePath);
        Assert.Equal(Path.Combine(folder, "audit", "decisions.db"), Assert.IsType<SqliteAuditStore>(named).FilePath);
        Assert.IsType<PostgresAuditStore>(postgres);
    }

    [Fact]
    public async Task A_host_stopped_gracefully_has_stored_every_entry_recorded_while_it_ran()
    {
        using var file = new SqliteFile();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Services.AddGatehouseAudit(null, file.Path);
        using var host = builder.Build();
        await host.StartAsync();

        var log = host.Services.GetRequiredService<IAuditLog>();
        foreach (var entry in Entries.Range(0, 1_500))
        {
            log.Record(entry);
        }

        await host.StopAsync();

        var page = await file.Store.QueryAsync(new AuditQuery(null, null, null, null, null, 1, 500), CancellationToken.None);
        Assert.Equal(1_500, file.RawRows().Count);
        Assert.Equal("t1499", page.Entries[0].TraceId);
    }

    private static IAuditStore Configured(params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(settings.Select(setting => new KeyValuePair<string, string?>(setting.Key, setting.Value)));
        builder.AddGatehouseAudit();
        using var provider = builder.Services.BuildServiceProvider();
        return provider.GetRequiredService<IAuditStore>(); // only its type and path are looked at, after disposal
    }
}
