using Gatehouse.Storage.Migrations;

namespace Gatehouse.Storage.Tests.TestSupport;

/// <summary>
/// Class fixture: a fresh database for one test class, migrated with <see cref="SchemaMigrator"/>,
/// dropped when the class is done.
/// </summary>
public class MigratedDatabase : IAsyncLifetime
{
    private TestDatabase? _database;

    public string ConnectionString => _database?.ConnectionString
        ?? throw new InvalidOperationException("The database is not created yet.");

    /// <summary>Database-level settings (<c>name TO value</c>) in force for every new session.</summary>
    protected virtual IEnumerable<string> Settings => [];

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("gatehouse_t_", Settings);
        await new SchemaMigrator(_database.ConnectionString).MigrateAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
