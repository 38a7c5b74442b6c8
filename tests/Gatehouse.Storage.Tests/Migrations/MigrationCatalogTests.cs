using Gatehouse.Storage.Migrations;

namespace Gatehouse.Storage.Tests.Migrations;

public sealed class MigrationCatalogTests
{
    [Fact]
    public void Embedded_migrations_have_distinct_numbers_in_ascending_order()
    {
        var ids = MigrationCatalog.All.Select(migration => migration.Id).ToArray();

        Assert.Equal(ids.Distinct().Order(), ids);
    }

    [Fact]
    public void Migration_names_are_their_file_names_and_start_with_their_number()
    {
        Assert.All(MigrationCatalog.All, migration => Assert.StartsWith($"{migration.Id:000}_", migration.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void The_first_migration_creates_the_orleans_clustering_schema()
    {
        var first = MigrationCatalog.All[0];

        Assert.Equal("001_orleans_clustering", first.Name);
        Assert.Contains("CREATE TABLE orleansmembershiptable", first.Sql, StringComparison.Ordinal);
    }
}
