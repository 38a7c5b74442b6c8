using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Audit;

/// <summary>
/// The audit log of the embedded default (one replica, no database server): a local SQLite file in WAL
/// mode, with the table of <see cref="PostgresAuditStore"/>. A batch is one transaction. Times are stored
/// as fixed-width UTC text (<c>2026-01-31T12:00:00.000000Z</c>), which sorts and compares as time does;
/// argument names as a JSON array.
/// </summary>
public sealed class SqliteAuditStore : IAuditStore, IDisposable
{
    private const string TimeFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff'Z'";

    private const string CreateSql = $"""
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS {AuditSql.Table}
        (
            id                  INTEGER PRIMARY KEY,
            at                  TEXT    NOT NULL,
            grant_id            TEXT    NOT NULL,
            upstream            TEXT    NOT NULL,
            tool                TEXT    NOT NULL,
            action              TEXT    NOT NULL,
            rule_pointer        TEXT    NOT NULL,
            policy_version      TEXT    NOT NULL,
            argument_names      TEXT    NOT NULL,
            arguments_sha256    TEXT    NOT NULL,
            arguments_json      TEXT    NULL,
            upstream_status     INTEGER NULL,
            upstream_latency_ms REAL    NULL,
            trace_id            TEXT    NULL,
            session_id          TEXT    NULL,
            replica             TEXT    NOT NULL,
            subject             TEXT    NULL,
            client_id           TEXT    NULL
        );
        CREATE INDEX IF NOT EXISTS gatehouse_audit_at ON {AuditSql.Table} (at DESC, id DESC);
        CREATE INDEX IF NOT EXISTS gatehouse_audit_grant_at ON {AuditSql.Table} (grant_id, at DESC, id DESC);
        CREATE INDEX IF NOT EXISTS gatehouse_audit_tool_at ON {AuditSql.Table} (tool, at DESC, id DESC);
        CREATE INDEX IF NOT EXISTS gatehouse_audit_action_at ON {AuditSql.Table} (action, at DESC, id DESC);
        """;

    private static readonly string[] ColumnNames = AuditSql.Columns.Split(", ");

    /// <summary>Columns added after the first release of the table (all nullable text).</summary>
    private static readonly string[] AddedColumns = ["subject", "client_id"];

    private static readonly string InsertSql =
        $"INSERT INTO {AuditSql.Table} ({AuditSql.Columns}) VALUES ({string.Join(", ", ColumnNames.Select(column => "$" + column))})";

    private readonly string _connectionString;
    private readonly string _filePath;
    private readonly SemaphoreSlim _createLock = new(1, 1);
    private volatile bool _created;

    /// <summary>Creates the store; the file, its folder and the table are created on first use.</summary>
    /// <param name="filePath">The SQLite file, e.g. <c>gatehouse-audit.db</c>; relative paths are from the current directory.</param>
    public SqliteAuditStore(string filePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        _filePath = Path.GetFullPath(filePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _filePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
    }

    /// <summary>The full path of the file.</summary>
    public string FilePath => _filePath;

    public async Task WriteAsync(IReadOnlyList<AuditEntry> batch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return;
        }

        var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // IMMEDIATE: take the write lock at BEGIN, so a concurrent writer waits (busy timeout) instead of failing on upgrade.
            var transaction = connection.BeginTransaction(deferred: false);
            await using (transaction.ConfigureAwait(false))
            {
                var command = connection.CreateCommand();
                await using (command.ConfigureAwait(false))
                {
                    command.CommandText = InsertSql;
                    command.Transaction = transaction;
                    var parameters = ColumnNames.Select(column => command.Parameters.Add(new SqliteParameter { ParameterName = "$" + column })).ToArray();
                    foreach (var entry in batch)
                    {
                        Bind(parameters, entry);
                        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                    }
                }

                await transaction.CommitAsync(ct).ConfigureAwait(false);
            }
        }
    }

    public async Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                return await AuditPageQuery.RunAsync(command, query, FormatTime, Read, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Closes the file's pooled connections.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        _createLock.Dispose();
    }

    internal static string FormatTime(DateTimeOffset at) => at.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        if (!_created)
        {
            await CreateAsync(ct).ConfigureAwait(false);
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
            // Per connection. With WAL, NORMAL syncs at checkpoints rather than every commit: a crash of the
            // process loses nothing; a power cut may lose the last commits, like the replica's queue in memory.
            var pragma = connection.CreateCommand();
            await using (pragma.ConfigureAwait(false))
            {
                pragma.CommandText = "PRAGMA synchronous = NORMAL";
                await pragma.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task CreateAsync(CancellationToken ct)
    {
        await _createLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_created)
            {
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(_filePath)!);
            var connection = new SqliteConnection(_connectionString);
            await using (connection.ConfigureAwait(false))
            {
                await connection.OpenAsync(ct).ConfigureAwait(false);
                var command = connection.CreateCommand();
                await using (command.ConfigureAwait(false))
                {
                    command.CommandText = CreateSql;
                    await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                await AddMissingColumnsAsync(connection, ct).ConfigureAwait(false);
            }

            _created = true;
        }
        finally
        {
            _createLock.Release();
        }
    }

    /// <summary>A file made by an earlier Gatehouse lacks the columns added since: add them (empty for the old rows).</summary>
    private static async Task AddMissingColumnsAsync(SqliteConnection connection, CancellationToken ct)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        var info = connection.CreateCommand();
        await using (info.ConfigureAwait(false))
        {
            info.CommandText = $"SELECT name FROM pragma_table_info('{AuditSql.Table}')";
            var reader = await info.ExecuteReaderAsync(ct).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    present.Add(reader.GetString(0));
                }
            }
        }

        foreach (var column in AddedColumns.Where(column => !present.Contains(column)))
        {
            var alter = connection.CreateCommand();
            await using (alter.ConfigureAwait(false))
            {
                alter.CommandText = $"ALTER TABLE {AuditSql.Table} ADD COLUMN {column} TEXT NULL";
                await alter.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
        }
    }

    private static void Bind(SqliteParameter[] parameters, AuditEntry entry)
    {
        parameters[0].Value = FormatTime(entry.At);
        parameters[1].Value = AuditText.Clean(entry.GrantId);
        parameters[2].Value = AuditText.Clean(entry.Upstream);
        parameters[3].Value = AuditText.Clean(entry.Tool);
        parameters[4].Value = AuditText.Clean(entry.Action);
        parameters[5].Value = AuditText.Clean(entry.RulePointer);
        parameters[6].Value = AuditText.Clean(entry.PolicyVersion);
        parameters[7].Value = JsonSerializer.Serialize(entry.ArgumentNames.Select(AuditText.Clean));
        parameters[8].Value = AuditText.Clean(entry.ArgumentsSha256);
        parameters[9].Value = (object?)AuditText.CleanOrNull(entry.ArgumentsJson) ?? DBNull.Value;
        parameters[10].Value = (object?)entry.UpstreamStatus ?? DBNull.Value;
        parameters[11].Value = (object?)entry.UpstreamLatencyMs ?? DBNull.Value;
        parameters[12].Value = (object?)AuditText.CleanOrNull(entry.TraceId) ?? DBNull.Value;
        parameters[13].Value = (object?)AuditText.CleanOrNull(entry.SessionId) ?? DBNull.Value;
        parameters[14].Value = AuditText.Clean(entry.Replica);
        parameters[15].Value = (object?)AuditText.CleanOrNull(entry.Subject) ?? DBNull.Value;
        parameters[16].Value = (object?)AuditText.CleanOrNull(entry.ClientId) ?? DBNull.Value;
    }

    private static AuditEntry Read(DbDataReader reader) => AuditPageQuery.Entry(
        reader,
        DateTimeOffset.ParseExact(reader.GetString(0), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        JsonSerializer.Deserialize<string[]>(reader.GetString(7)) ?? []);
}
