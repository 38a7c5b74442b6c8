using Npgsql;

namespace Gatehouse.Storage;

/// <summary>Creates the replica's PostgreSQL data source.</summary>
public static class PostgresDataSources
{
    /// <summary>
    /// Connections per replica unless the connection string says otherwise. Writes are group-committed,
    /// so a few connections carry the load; without a cap, a burst of counter activations (each reads its
    /// window) would try to open as many connections as PostgreSQL allows in all.
    /// </summary>
    public const int DefaultMaxPoolSize = 16;

    public static NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("pool size", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxPoolSize = DefaultMaxPoolSize;
        }

        return NpgsqlDataSource.Create(builder.ConnectionString);
    }
}
