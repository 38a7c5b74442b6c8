using Gatehouse.Grains;
using Gatehouse.Grains.Pins;
using Npgsql;

namespace Gatehouse.Storage;

/// <summary>Pinned tool definitions in <c>gatehouse_tool_pins</c>.</summary>
public sealed class PostgresToolPinStore(NpgsqlDataSource database) : IToolPinStore
{
    private const string SelectSql = """
        SELECT tool, pinned_sha256, pinned_definition, pinned_at, pending_sha256, pending_definition, changed_at
        FROM gatehouse_tool_pins WHERE upstream = $1
        """;
    private const string UpsertSql = """
        INSERT INTO gatehouse_tool_pins (upstream, tool, pinned_sha256, pinned_definition, pinned_at, pending_sha256, pending_definition, changed_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        ON CONFLICT (upstream, tool) DO UPDATE SET pinned_sha256 = EXCLUDED.pinned_sha256, pinned_definition = EXCLUDED.pinned_definition,
            pinned_at = EXCLUDED.pinned_at, pending_sha256 = EXCLUDED.pending_sha256, pending_definition = EXCLUDED.pending_definition, changed_at = EXCLUDED.changed_at
        """;

    public async Task<IReadOnlyList<ToolPin>> LoadAsync(string upstream, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(SelectSql);
        command.Parameters.Add(new NpgsqlParameter { Value = upstream });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var pins = new List<ToolPin>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var tool = reader.GetString(0);
            pins.Add(new ToolPin(
                tool,
                new ToolDefinition(tool, reader.GetString(1), reader.GetString(2)),
                reader.GetFieldValue<DateTimeOffset>(3),
                reader.IsDBNull(4) ? null : new ToolDefinition(tool, reader.GetString(4), reader.GetString(5)),
                reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6)));
        }

        return pins;
    }

    public async Task SaveAsync(string upstream, ToolPin pin, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(UpsertSql);
        command.Parameters.Add(new NpgsqlParameter { Value = upstream });
        command.Parameters.Add(new NpgsqlParameter { Value = pin.Tool });
        command.Parameters.Add(new NpgsqlParameter { Value = pin.Pinned.Sha256 });
        command.Parameters.Add(new NpgsqlParameter { Value = pin.Pinned.Json });
        command.Parameters.Add(new NpgsqlParameter { Value = pin.PinnedAt.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)pin.Pending?.Sha256 ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)pin.Pending?.Json ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = pin.ChangedAt is { } at ? at.ToUniversalTime() : DBNull.Value });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
