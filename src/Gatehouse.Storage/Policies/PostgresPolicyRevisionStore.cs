using Gatehouse.Grains;
using Gatehouse.Grains.Policies;
using Npgsql;

namespace Gatehouse.Storage;

/// <summary>The policy in force per upstream, in <c>gatehouse_policies</c>.</summary>
public sealed class PostgresPolicyRevisionStore(NpgsqlDataSource database) : IPolicyRevisionStore
{
    private const string SelectSql = "SELECT document, revision, source, content_sha256, changed_at, last_file_sha256 FROM gatehouse_policies WHERE upstream = $1";
    private const string UpsertSql = """
        INSERT INTO gatehouse_policies (upstream, document, revision, source, content_sha256, changed_at, last_file_sha256) VALUES ($1, $2, $3, $4, $5, $6, $7)
        ON CONFLICT (upstream) DO UPDATE SET document = EXCLUDED.document, revision = EXCLUDED.revision, source = EXCLUDED.source,
            content_sha256 = EXCLUDED.content_sha256, changed_at = EXCLUDED.changed_at, last_file_sha256 = EXCLUDED.last_file_sha256
        """;

    public async Task<PolicyRevision?> LoadAsync(string upstream, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(SelectSql);
        command.Parameters.Add(new NpgsqlParameter { Value = upstream });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new PolicyRevision(reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4), reader.IsDBNull(5) ? null : reader.GetString(5))
            : null;
    }

    public async Task SaveAsync(string upstream, PolicyRevision revision, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(UpsertSql);
        command.Parameters.Add(new NpgsqlParameter { Value = upstream });
        command.Parameters.Add(new NpgsqlParameter { Value = revision.Json });
        command.Parameters.Add(new NpgsqlParameter { Value = revision.Revision });
        command.Parameters.Add(new NpgsqlParameter { Value = revision.Source });
        command.Parameters.Add(new NpgsqlParameter { Value = revision.ContentSha256 });
        command.Parameters.Add(new NpgsqlParameter { Value = revision.ChangedAt.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)revision.LastFileSha256 ?? DBNull.Value });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
