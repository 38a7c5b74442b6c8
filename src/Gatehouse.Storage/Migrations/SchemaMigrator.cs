using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Gatehouse.Storage.Migrations;

/// <summary>
/// Creates or upgrades Gatehouse's PostgreSQL schema: the tables, functions and query texts that
/// Orleans ADO.NET clustering (invariant <c>Npgsql</c>) reads. Idempotent and safe to run from
/// several replicas or Jobs at once.
/// </summary>
/// <remarks>
/// Each migration runs in its own transaction that first takes a transaction-scoped advisory lock,
/// then applies the script and records it in <c>gatehouse_schema_migrations</c>, so a migration is
/// either applied and recorded or not at all. Migrations already recorded are skipped.
/// </remarks>
public sealed class SchemaMigrator
{
    private readonly string _connectionString;
    private readonly ILogger<SchemaMigrator> _logger;

    /// <summary>Creates a migrator for one database.</summary>
    /// <param name="connectionString">
    /// Npgsql connection string of the target database; the role needs rights to create tables and
    /// functions there. It is never logged.
    /// </param>
    /// <param name="logger">Where progress is logged; none when <see langword="null"/>.</param>
    public SchemaMigrator(string connectionString, ILogger<SchemaMigrator>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _connectionString = connectionString;
        _logger = logger ?? NullLogger<SchemaMigrator>.Instance;
    }

    /// <summary>Applies every migration the database does not have yet, in order.</summary>
    /// <param name="ct">
    /// Cancels the run; a migration in progress is rolled back. Commands have no timeout of their
    /// own (a run may wait for another replica's), so this token is what bounds the wait.
    /// </param>
    /// <returns>Which migrations this run applied and which were already present.</returns>
    /// <exception cref="NpgsqlException">The database cannot be reached or a script fails.</exception>
    public async Task<MigrationReport> MigrateAsync(CancellationToken ct)
    {
        var applied = new List<string>();
        var alreadyPresent = new List<string>();

        var connection = new NpgsqlConnection(_connectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
            foreach (var migration in MigrationCatalog.All)
            {
                var ran = await ApplyAsync(connection, migration, ct).ConfigureAwait(false);
                (ran ? applied : alreadyPresent).Add(migration.Name);
            }
        }

        SchemaMigratorLog.Completed(_logger, applied.Count, alreadyPresent.Count);
        return new MigrationReport(applied, alreadyPresent);
    }

    private async Task<bool> ApplyAsync(NpgsqlConnection connection, Migration migration, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            await ExecuteAsync(connection, MigrationSql.TakeLock, ct, ("key", MigrationSql.AdvisoryLockKey)).ConfigureAwait(false);
            await ExecuteAsync(connection, MigrationSql.CreateBookkeeping, ct).ConfigureAwait(false);

            var present = await ScalarAsync<bool>(connection, MigrationSql.IsApplied, ct, ("id", migration.Id)).ConfigureAwait(false);
            if (present)
            {
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                SchemaMigratorLog.AlreadyPresent(_logger, migration.Name);
                return false;
            }

            await ExecuteAsync(connection, migration.Sql, ct).ConfigureAwait(false);
            await ExecuteAsync(connection, MigrationSql.RecordApplied, ct, ("id", migration.Id), ("name", migration.Name)).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
        }

        SchemaMigratorLog.Applied(_logger, migration.Name, stopwatch.ElapsedMilliseconds);
        return true;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        var command = CreateCommand(connection, sql, parameters);
        await using (command.ConfigureAwait(false))
        {
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        var command = CreateCommand(connection, sql, parameters);
        await using (command.ConfigureAwait(false))
        {
            return (T)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
        }
    }

    private static NpgsqlCommand CreateCommand(NpgsqlConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        // The connection's open transaction is used by every command on it (Npgsql does not require
        // the Transaction property to be set). No command timeout: waiting for another replica's
        // migration, or a long one, must not fail half-way; the caller's token bounds the run.
        var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
