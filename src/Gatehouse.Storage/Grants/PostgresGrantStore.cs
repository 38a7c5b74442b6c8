using Gatehouse.Grains;
using Gatehouse.Grains.Grants;
using Npgsql;

namespace Gatehouse.Storage;

/// <summary>The grants made through the admin API, in <c>gatehouse_grants</c>.</summary>
public sealed class PostgresGrantStore(NpgsqlDataSource database) : IGrantStore
{
    private const string SelectSql = "SELECT grant_id, token_sha256, upstreams, created_at, revoked_at FROM gatehouse_grants";
    private const string UpsertSql = """
        INSERT INTO gatehouse_grants (grant_id, token_sha256, upstreams, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (grant_id) DO UPDATE SET token_sha256 = EXCLUDED.token_sha256, upstreams = EXCLUDED.upstreams, revoked_at = EXCLUDED.revoked_at
        """;

    public async Task<IReadOnlyList<StoredGrant>> LoadAllAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(SelectSql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var grants = new List<StoredGrant>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            grants.Add(new StoredGrant(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetFieldValue<string[]>(2),
                reader.GetFieldValue<DateTimeOffset>(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4)));
        }

        return grants;
    }

    public async Task SaveAsync(StoredGrant grant, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(UpsertSql);
        command.Parameters.Add(new NpgsqlParameter { Value = grant.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = grant.TokenSha256 });
        command.Parameters.Add(new NpgsqlParameter { Value = grant.Upstreams.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = grant.CreatedAt.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter { Value = grant.RevokedAt is { } at ? at.ToUniversalTime() : DBNull.Value });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
