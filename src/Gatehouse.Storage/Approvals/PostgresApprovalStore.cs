using System.Text.Json;
using Gatehouse.Grains;
using Gatehouse.Grains.Approvals;
using Npgsql;
using NpgsqlTypes;

namespace Gatehouse.Storage;

/// <summary>Approvals in <c>gatehouse_approvals</c>.</summary>
public sealed class PostgresApprovalStore(NpgsqlDataSource database) : IApprovalStore
{
    private const string SelectSql = "SELECT ticket, state, request::text, requested_at, expires_at, decided_at, decided_by, note FROM gatehouse_approvals WHERE approval_id = $1";
    private const string UpsertSql = """
        INSERT INTO gatehouse_approvals (approval_id, ticket, state, request, requested_at, expires_at, decided_at, decided_by, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
        ON CONFLICT (approval_id) DO UPDATE SET ticket = EXCLUDED.ticket, state = EXCLUDED.state, request = EXCLUDED.request, requested_at = EXCLUDED.requested_at,
            expires_at = EXCLUDED.expires_at, decided_at = EXCLUDED.decided_at, decided_by = EXCLUDED.decided_by, note = EXCLUDED.note
        """;
    private const string PendingSql = "SELECT approval_id FROM gatehouse_approvals WHERE state = 'Pending' ORDER BY requested_at";

    public async Task<ApprovalView?> LoadAsync(string id, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(SelectSql);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new ApprovalView(
            id,
            reader.GetInt64(0),
            Enum.Parse<ApprovalState>(reader.GetString(1)),
            JsonSerializer.Deserialize<ApprovalRequest>(reader.GetString(2))!,
            reader.GetFieldValue<DateTimeOffset>(3),
            reader.GetFieldValue<DateTimeOffset>(4),
            reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
            reader.IsDBNull(6) ? null : reader.GetString(6),
            reader.IsDBNull(7) ? null : reader.GetString(7));
    }

    public async Task SaveAsync(ApprovalView approval, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(UpsertSql);
        command.Parameters.Add(new NpgsqlParameter { Value = approval.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = approval.Ticket });
        command.Parameters.Add(new NpgsqlParameter { Value = approval.State.ToString() });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(approval.Request), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = approval.RequestedAt.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter { Value = approval.ExpiresAt.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter { Value = approval.DecidedAt is { } at ? at.ToUniversalTime() : DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)approval.DecidedBy ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)approval.Note ?? DBNull.Value });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> ListPendingAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(PendingSql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var ids = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
