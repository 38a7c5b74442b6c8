using Gatehouse.Storage;
using Gatehouse.Storage.Audit;
using Gatehouse.Telemetry;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Orleans.Runtime;

namespace Gatehouse.Gateway.Audit;

/// <summary>Registers the audit log: its store, the batching writer (a hosted service) and the per-call recorder.</summary>
internal static class AuditServiceCollectionExtensions
{
    /// <summary>Configuration key of the SQLite file of the embedded default; relative to the <c>--config</c> file's folder.</summary>
    public const string SqlitePathKey = "Gatehouse:Audit:SqlitePath";

    /// <summary>The SQLite file when <see cref="SqlitePathKey"/> is not set.</summary>
    public const string DefaultSqliteFile = "gatehouse-audit.db";

    /// <summary>
    /// The audit log as the configuration says: PostgreSQL when <c>Gatehouse:Cluster:ConnectionString</c> is set, else
    /// the SQLite file <c>Gatehouse:Audit:SqlitePath</c> (default <c>gatehouse-audit.db</c>), relative paths from the
    /// folder of the <c>--config</c> file, or the working directory without one.
    /// </summary>
    public static WebApplicationBuilder AddGatehouseAudit(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var folder = configuration["config"] is { Length: > 0 } configFile
            ? Path.GetDirectoryName(Path.GetFullPath(configFile))!
            : Directory.GetCurrentDirectory();
        var sqlitePath = Path.GetFullPath(Path.Combine(folder, configuration[SqlitePathKey] is { Length: > 0 } path ? path : DefaultSqliteFile));
        builder.Services.AddGatehouseAudit(configuration["Gatehouse:Cluster:ConnectionString"], sqlitePath);
        return builder;
    }

    /// <param name="services">The replica's services.</param>
    /// <param name="postgresConnectionString">When set, the audit log is PostgreSQL's <c>gatehouse_audit</c>, through the
    /// replica's registered <see cref="NpgsqlDataSource"/> if there is one.</param>
    /// <param name="sqliteFilePath">Otherwise, the SQLite file of the embedded default.</param>
    public static IServiceCollection AddGatehouseAudit(this IServiceCollection services, string? postgresConnectionString, string sqliteFilePath)
    {
        if (!string.IsNullOrWhiteSpace(postgresConnectionString))
        {
            services.TryAddSingleton(_ => PostgresDataSources.Create(postgresConnectionString));
            services.AddSingleton<IAuditStore>(provider => new PostgresAuditStore(provider.GetRequiredService<NpgsqlDataSource>()));
        }
        else
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(sqliteFilePath);
            services.AddSingleton<IAuditStore>(_ => new SqliteAuditStore(sqliteFilePath));
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<GatehouseMetrics>();
        services.TryAddSingleton<AuditMetrics>();
        services.TryAddSingleton(new AuditWriterSettings());
        services.TryAddSingleton(provider => new AuditReplica(
            provider.GetService<ILocalSiloDetails>()?.SiloAddress.ToString() ?? Environment.MachineName));
        services.AddSingleton<AuditWriter>();
        services.AddSingleton<IAuditLog>(provider => provider.GetRequiredService<AuditWriter>());
        // Hosted services stop in reverse order, and the web server is registered after the app's services:
        // it stops first, so the decisions of calls it drains are queued before the writer flushes.
        services.AddHostedService(provider => provider.GetRequiredService<AuditWriter>());
        services.AddSingleton<AuditRecorder>();
        return services;
    }
}
