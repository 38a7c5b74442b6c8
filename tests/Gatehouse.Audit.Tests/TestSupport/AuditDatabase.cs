using Gatehouse.Storage.Migrations;
using Npgsql;

namespace Gatehouse.Audit.Tests.TestSupport;

/// <summary>
/// Class fixture: a fresh database for one test class, migrated with <see cref="SchemaMigrator"/> (so the
/// audit table is the one <c>012_audit.sql</c> makes), dropped when the class is done.
/// </summary>
public sealed class AuditDatabase : IAsyncLifetime
{
    private TestDatabase? _database;
    private NpgsqlDataSource? _dataSource;

    public NpgsqlDataSource DataSource => _dataSource ?? throw new InvalidOperationException("The database is not created yet.");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("gatehouse_audit_t_");
        await new SchemaMigrator(_database.ConnectionString).MigrateAsync(CancellationToken.None);
        _dataSource = NpgsqlDataSource.Create(_database.ConnectionString);
    }

    /// <summary>Empties the audit table: tests of one class run one after another and each starts from nothing.</summary>
    public async Task TruncateAsync()
    {
        await using var command = DataSource.CreateCommand("TRUNCATE gatehouse_audit RESTART IDENTITY");
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Every stored row, every column as text, for checks on what the table really holds.</summary>
    public async Task<IReadOnlyList<string>> RawRowsAsync()
    {
        await using var command = DataSource.CreateCommand("SELECT row_to_json(a)::text FROM gatehouse_audit a ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    public async Task<long> CountAsync(string where = "true")
    {
        await using var command = DataSource.CreateCommand($"SELECT count(*) FROM gatehouse_audit WHERE {where}");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
