using Npgsql;

namespace Gatehouse.Testing;

/// <summary>A fresh database with a random name on the test server, for one test world; dropped on dispose.</summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    // Many test classes run at once and each pool keeps idle connections: stay well under max_connections.
    private const int MaxPoolSize = 30;

    private readonly string _serverConnectionString;

    private TestDatabase(string serverConnectionString, string name)
    {
        _serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name, MaxPoolSize = MaxPoolSize }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>Creates the database, named <paramref name="prefix"/> and a random part; each setting is a <c>name TO value</c> applied with ALTER DATABASE.</summary>
    public static async Task<TestDatabase> CreateAsync(string prefix, IEnumerable<string>? settings = null)
    {
        var server = PostgresServer.ConnectionString;
        var name = prefix + Guid.NewGuid().ToString("N")[..16];
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await ExecuteAsync(admin, $"CREATE DATABASE {name}");
        foreach (var setting in settings ?? [])
        {
            await ExecuteAsync(admin, $"ALTER DATABASE {name} SET {setting}");
        }

        return new TestDatabase(server, name);
    }

    /// <summary>
    /// An outage of this database alone: from now on it accepts no connection, and every open one is ended, as when
    /// the server goes away; <see cref="AcceptConnectionsAgainAsync"/> ends it. Other test databases are not touched.
    /// </summary>
    public async Task StopAcceptingConnectionsAsync()
    {
        await using var admin = new NpgsqlConnection(_serverConnectionString);
        await admin.OpenAsync();
        await ExecuteAsync(admin, $"ALTER DATABASE {Name} ALLOW_CONNECTIONS false");
        await ExecuteAsync(admin, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{Name}'");
    }

    public async Task AcceptConnectionsAgainAsync()
    {
        await using var admin = new NpgsqlConnection(_serverConnectionString);
        await admin.OpenAsync();
        await ExecuteAsync(admin, $"ALTER DATABASE {Name} ALLOW_CONNECTIONS true");
    }

    public async ValueTask DisposeAsync()
    {
        await using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var admin = new NpgsqlConnection(_serverConnectionString);
        await admin.OpenAsync();
        await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
