using Gatehouse.Storage.Migrations;

namespace Gatehouse.Storage.Tests.Migrations;

public sealed class MigrationCatalogTests
{
    [Fact]
    public void Embedded_migrations_are_numbered_from_one_without_gaps_in_order()
    {
        var ids = MigrationCatalog.All.Select(migration => migration.Id).ToArray();

        Assert.Equal(Enumerable.Range(1, ids.Length), ids);
    }

    [Fact]
    public void The_first_migration_creates_the_orleans_clustering_schema()
    {
        var first = MigrationCatalog.All[0];

        Assert.Equal("001_orleans_clustering", first.Name);
        Assert.Contains("CREATE TABLE orleansmembershiptable", first.Sql, StringComparison.Ordinal);
    }
}
