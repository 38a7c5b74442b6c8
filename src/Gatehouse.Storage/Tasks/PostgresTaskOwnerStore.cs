using System.Text.Json;
using Gatehouse.Grains;
using Gatehouse.Grains.Tasks;
using Npgsql;
using NpgsqlTypes;

namespace Gatehouse.Storage;

/// <summary>
/// Task owners in <c>gatehouse_task_owners</c>, keyed <c>{upstream}/{taskId}</c>: the first unexpired record stands, even
/// against two activations of one owner grain. Expired rows are removed as new ones are added.
/// </summary>
public sealed class PostgresTaskOwnerStore(NpgsqlDataSource database) : ITaskOwnerStore
{
    private const string SelectSql = "SELECT owner::text FROM gatehouse_task_owners WHERE task_key = $1 AND expires_at > now()";

    // An expired row is replaced; an unexpired one stands, and is what the statement returns. Other expired rows are
    // removed on the way, a few at a time (never the row being added: one statement may change a row only once).
    private const string AddSql = """
        WITH purged AS (
            DELETE FROM gatehouse_task_owners WHERE task_key IN (
                SELECT task_key FROM gatehouse_task_owners WHERE expires_at <= now() AND task_key <> $1 LIMIT 100)),
        added AS (
            INSERT INTO gatehouse_task_owners (task_key, owner, expires_at) VALUES ($1, $2, $3)
            ON CONFLICT (task_key) DO UPDATE SET owner = EXCLUDED.owner, expires_at = EXCLUDED.expires_at
                WHERE gatehouse_task_owners.expires_at <= now()
            RETURNING owner::text)
        SELECT owner FROM added
        UNION ALL
        SELECT owner::text FROM gatehouse_task_owners WHERE task_key = $1 AND NOT EXISTS (SELECT 1 FROM added)
        """;

    public async Task<TaskOwner?> LoadAsync(string key, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(SelectSql);
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string json
            ? JsonSerializer.Deserialize<TaskOwner>(json)
            : null;
    }

    public async Task<TaskOwner> AddAsync(string key, TaskOwner owner, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(AddSql);
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(owner), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = owner.ExpiresAt.ToUniversalTime() });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string json
            ? JsonSerializer.Deserialize<TaskOwner>(json) ?? owner
            : owner;
    }
}
