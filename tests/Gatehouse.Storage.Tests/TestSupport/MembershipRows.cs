using Npgsql;

namespace Gatehouse.Storage.Tests.TestSupport;

/// <summary>Reads the membership tables directly, bypassing the provider, to see what was written.</summary>
internal sealed class MembershipRows(string connectionString)
{
    public async Task<VersionRow?> VersionAsync(string clusterId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT v.version, v.timestamp FROM orleansmembershipversiontable AS v WHERE v.deploymentid = @id", connection);
        command.Parameters.AddWithValue("id", clusterId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? new VersionRow(reader.GetInt32(0), reader.GetDateTime(1)) : null;
    }

    public async Task<int> VersionRowCountAsync(string clusterId) => (int)await Sql.ScalarAsync<long>(
        connectionString, "SELECT count(*) FROM orleansmembershipversiontable WHERE deploymentid = @id", ("id", clusterId));

    public async Task<IReadOnlyList<MemberRow>> MembersAsync(string clusterId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT address, port, generation, siloname, hostname, status, proxyport, suspecttimes, starttime, iamalivetime
              FROM orleansmembershiptable WHERE deploymentid = @id ORDER BY port, generation
            """,
            connection);
        command.Parameters.AddWithValue("id", clusterId);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<MemberRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new MemberRow(
                reader.GetString(0),
                reader.GetInt32(1),
                reader.GetInt32(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetInt32(5),
                reader.IsDBNull(6) ? null : reader.GetInt32(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.GetDateTime(8),
                reader.GetDateTime(9)));
        }

        return rows;
    }
}
