using System.Text.Json;
using Gatehouse.Grains;
using Gatehouse.Grains.Sessions;
using Npgsql;
using NpgsqlTypes;

namespace Gatehouse.Storage;

/// <summary>Agent sessions in <c>gatehouse_sessions</c>: written when a session opens or closes, read when its grain activates.</summary>
public sealed class PostgresSessionStore(NpgsqlDataSource database) : ISessionStore
{
    private const string SelectSql = "SELECT grant_id, route, initialize_params::text, opened_at, upstream_bindings::text FROM gatehouse_sessions WHERE session_id = $1";
    private const string UpsertSql = """
        INSERT INTO gatehouse_sessions (session_id, grant_id, route, initialize_params, opened_at, upstream_bindings) VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (session_id) DO UPDATE SET grant_id = EXCLUDED.grant_id, route = EXCLUDED.route,
            initialize_params = EXCLUDED.initialize_params, opened_at = EXCLUDED.opened_at, upstream_bindings = EXCLUDED.upstream_bindings
        """;
    private const string DeleteSql = "DELETE FROM gatehouse_sessions WHERE session_id = $1";

    public async Task<SessionRecord?> LoadAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(SelectSql);
        command.Parameters.Add(new NpgsqlParameter { Value = sessionId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new SessionRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3),
                JsonSerializer.Deserialize<Dictionary<string, UpstreamBinding>>(reader.GetString(4)))
            : null;
    }

    public async Task SaveAsync(string sessionId, SessionRecord record, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(UpsertSql);
        command.Parameters.Add(new NpgsqlParameter { Value = sessionId });
        command.Parameters.Add(new NpgsqlParameter { Value = record.GrantId });
        command.Parameters.Add(new NpgsqlParameter { Value = record.Route });
        command.Parameters.Add(new NpgsqlParameter { Value = record.InitializeParamsJson, NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = record.OpenedAt.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(record.Upstreams ?? new Dictionary<string, UpstreamBinding>()), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(DeleteSql);
        command.Parameters.Add(new NpgsqlParameter { Value = sessionId });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
