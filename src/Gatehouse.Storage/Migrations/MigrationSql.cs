namespace Gatehouse.Storage.Migrations;

/// <summary>The migrator's own statements: its lock and its bookkeeping table.</summary>
internal static class MigrationSql
{
    /// <summary>
    /// Key of the transaction-scoped advisory lock every migration transaction takes first, so two
    /// replicas or Jobs migrating the same database at once run one after the other. Advisory locks
    /// are per database, so different databases on one server never wait for each other.
    /// </summary>
    public const long AdvisoryLockKey = 0x47617465686F7573; // "Gatehous"

    public const string TakeLock = "SELECT pg_advisory_xact_lock(@key)";

    public const string CreateBookkeeping = """
        CREATE TABLE IF NOT EXISTS gatehouse_schema_migrations
        (
            id         integer     NOT NULL PRIMARY KEY,
            name       text        NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """;

    public const string IsApplied = "SELECT EXISTS (SELECT 1 FROM gatehouse_schema_migrations WHERE id = @id)";

    public const string RecordApplied = "INSERT INTO gatehouse_schema_migrations (id, name, applied_at) VALUES (@id, @name, now())";
}
