using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace Gatehouse.Storage.Audit;

/// <summary>
/// The audit log in PostgreSQL's <c>gatehouse_audit</c> (migrations <c>012_audit</c>, <c>017_audit_subjects</c>). A batch is one
/// binary <c>COPY</c>: one statement, so all its rows are stored or none, and the fastest way to
/// append many rows (see the README's audit throughput figures).
/// </summary>
public sealed class PostgresAuditStore : IAuditStore
{
    private const string CopySql = $"COPY {AuditSql.Table} ({AuditSql.Columns}) FROM STDIN (FORMAT BINARY)";

    private readonly NpgsqlDataSource _database;

    /// <summary>Creates the store over the replica's data source; the schema must be migrated (<c>db migrate</c>).</summary>
    public PostgresAuditStore(NpgsqlDataSource database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    public async Task WriteAsync(IReadOnlyList<AuditEntry> batch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return;
        }

        var connection = await _database.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // Disposed without CompleteAsync (a failure or cancellation half-way), the COPY is cancelled whole.
            var importer = await connection.BeginBinaryImportAsync(CopySql, ct).ConfigureAwait(false);
            await using (importer.ConfigureAwait(false))
            {
                foreach (var entry in batch)
                {
                    await WriteRowAsync(importer, entry, ct).ConfigureAwait(false);
                }

                await importer.CompleteAsync(ct).ConfigureAwait(false);
            }
        }
    }

    public async Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var command = _database.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            return await AuditPageQuery.RunAsync(command, query, Instant, Read, ct).ConfigureAwait(false);
        }
    }

    private static async Task WriteRowAsync(NpgsqlBinaryImporter importer, AuditEntry entry, CancellationToken ct)
    {
        await importer.StartRowAsync(ct).ConfigureAwait(false);
        await importer.WriteAsync(entry.At.UtcDateTime, NpgsqlDbType.TimestampTz, ct).ConfigureAwait(false);
        await WriteTextAsync(importer, entry.GrantId, ct).ConfigureAwait(false);
        await WriteTextAsync(importer, entry.Upstream, ct).ConfigureAwait(false);
        await WriteTextAsync(importer, entry.Tool, ct).ConfigureAwait(false);
        await WriteTextAsync(importer, entry.Action, ct).ConfigureAwait(false);
        await WriteTextAsync(importer, entry.RulePointer, ct).ConfigureAwait(false);
        await WriteTextAsync(importer, entry.PolicyVersion, ct).ConfigureAwait(false);
        var names = entry.ArgumentNames.Select(AuditText.Clean).ToArray();
        await importer.WriteAsync(names, NpgsqlDbType.Array | NpgsqlDbType.Text, ct).ConfigureAwait(false);
        await WriteTextAsync(importer, entry.ArgumentsSha256, ct).ConfigureAwait(false);
        await WriteTextAsync(importer, entry.ArgumentsJson, ct).ConfigureAwait(false);
        await WriteNullableAsync(importer, entry.UpstreamStatus, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
        await WriteNullableAsync(importer, entry.UpstreamLatencyMs, NpgsqlDbType.Double, ct).ConfigureAwait(false);
        await WriteTextAsync(importer, entry.TraceId, ct).ConfigureAwait(false);
        await WriteTextAsync(importer, entry.SessionId, ct).ConfigureAwait(false);
        await WriteTextAsync(importer, entry.Replica, ct).ConfigureAwait(false);
        await WriteTextAsync(importer, entry.Subject, ct).ConfigureAwait(false);
        await WriteTextAsync(importer, entry.ClientId, ct).ConfigureAwait(false);
    }

    private static Task WriteTextAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken ct) =>
        value is null ? importer.WriteNullAsync(ct) : importer.WriteAsync(AuditText.Clean(value), NpgsqlDbType.Text, ct);

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken ct)
        where T : struct =>
        value is { } present ? importer.WriteAsync(present, type, ct) : importer.WriteNullAsync(ct);

    private static object Instant(DateTimeOffset at) => at.UtcDateTime;

    private static AuditEntry Read(DbDataReader reader) => AuditPageQuery.Entry(
        reader,
        new DateTimeOffset(reader.GetFieldValue<DateTime>(0), TimeSpan.Zero),
        reader.GetFieldValue<string[]>(7));
}
