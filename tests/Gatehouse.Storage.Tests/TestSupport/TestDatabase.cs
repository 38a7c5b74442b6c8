using Npgsql;

namespace Gatehouse.Storage.Tests.TestSupport;

/// <summary>A fresh database with a random name on the test server, dropped on dispose.</summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    // Many classes run at once and each pool keeps idle connections: stay well under max_connections.
    private const int MaxPoolSize = 30;

    private readonly string _serverConnectionString;

    private TestDatabase(string serverConnectionString, string name, string connectionString)
    {
        _serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>Creates the database; each setting is a <c>name TO value</c> applied with ALTER DATABASE.</summary>
    public static async Task<TestDatabase> CreateAsync(IEnumerable<string> settings)
    {
        var server = PostgresServer.ConnectionString;
        var name = "gatehouse_t_" + Guid.NewGuid().ToString("N")[..20];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await Sql.ExecuteAsync(admin, $"CREATE DATABASE {name}");
            foreach (var setting in settings)
            {
                await Sql.ExecuteAsync(admin, $"ALTER DATABASE {name} SET {setting}");
            }
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = MaxPoolSize };
        return new TestDatabase(server, name, builder.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        await using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var admin = new NpgsqlConnection(_serverConnectionString);
        await admin.OpenAsync();
        await Sql.ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }
}
