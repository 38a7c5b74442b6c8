using Gatehouse.Storage.Migrations;
using Gatehouse.Storage.Tests.TestSupport;
using Npgsql;

namespace Gatehouse.Storage.Tests.Migrations;

/// <summary>Each test migrates a database of its own, created empty on the test server.</summary>
public sealed class SchemaMigratorTests
{
    private static readonly string[] AllMigrations = MigrationCatalog.All.Select(m => m.Name).ToArray();

    [Fact]
    public async Task Migrating_an_empty_database_applies_every_migration_and_records_it()
    {
        await using var database = await TestDatabase.CreateAsync("gatehouse_t_");

        var report = await new SchemaMigrator(database.ConnectionString).MigrateAsync(CancellationToken.None);

        Assert.Equal(AllMigrations, report.Applied);
        Assert.Empty(report.AlreadyPresent);
        Assert.Equal(AllMigrations, await RecordedAsync(database));
        Assert.Equal(
            ["orleansmembershiptable", "orleansmembershipversiontable", "orleansquery"],
            await Sql.StringsAsync(database.ConnectionString, "SELECT tablename FROM pg_tables WHERE tablename LIKE 'orleans%' ORDER BY tablename"));
    }

    [Fact]
    public async Task Migrating_again_is_a_no_op_that_reports_everything_already_present()
    {
        await using var database = await TestDatabase.CreateAsync("gatehouse_t_");
        var migrator = new SchemaMigrator(database.ConnectionString);
        await migrator.MigrateAsync(CancellationToken.None);
        var appliedAt = await AppliedAtAsync(database);

        var report = await migrator.MigrateAsync(CancellationToken.None);

        Assert.Empty(report.Applied);
        Assert.Equal(AllMigrations, report.AlreadyPresent);
        Assert.Equal(appliedAt, await AppliedAtAsync(database));
    }

    [Fact]
    public async Task Concurrent_migrations_of_an_empty_database_all_succeed_and_apply_the_schema_once()
    {
        await using var database = await TestDatabase.CreateAsync("gatehouse_t_");

        var reports = await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(_ => Task.Run(() => new SchemaMigrator(database.ConnectionString).MigrateAsync(CancellationToken.None))));

        foreach (var name in AllMigrations)
        {
            Assert.Single(reports, report => report.Applied.Contains(name));
            Assert.Equal(reports.Length - 1, reports.Count(report => report.AlreadyPresent.Contains(name)));
        }

        Assert.Equal(AllMigrations, await RecordedAsync(database));
    }

    [Fact]
    public async Task A_migration_that_fails_is_rolled_back_whole_and_applied_by_a_later_run()
    {
        await using var database = await TestDatabase.CreateAsync("gatehouse_t_");
        // A table the first migration is about to create makes its script fail half-way.
        await Sql.ExecuteAsync(database.ConnectionString, "CREATE TABLE orleansmembershiptable (x int)");
        var migrator = new SchemaMigrator(database.ConnectionString);

        await Assert.ThrowsAsync<PostgresException>(() => migrator.MigrateAsync(CancellationToken.None));

        Assert.Equal(
            ["orleansmembershiptable"],
            await Sql.StringsAsync(database.ConnectionString, "SELECT tablename FROM pg_tables WHERE tablename LIKE 'orleans%'"));
        await Sql.ExecuteAsync(database.ConnectionString, "DROP TABLE orleansmembershiptable");
        var report = await migrator.MigrateAsync(CancellationToken.None);
        Assert.Equal(AllMigrations, report.Applied);
    }

    [Fact]
    public void A_blank_connection_string_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new SchemaMigrator(" "));
    }

    private static Task<IReadOnlyList<string>> RecordedAsync(TestDatabase database) =>
        Sql.StringsAsync(database.ConnectionString, "SELECT name FROM gatehouse_schema_migrations ORDER BY id");

    private static Task<IReadOnlyList<string>> AppliedAtAsync(TestDatabase database) =>
        Sql.StringsAsync(database.ConnectionString, "SELECT applied_at::text FROM gatehouse_schema_migrations ORDER BY id");
}
