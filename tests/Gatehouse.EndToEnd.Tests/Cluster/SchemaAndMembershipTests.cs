namespace Gatehouse.EndToEnd.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class SchemaAndMembershipTests(ClusterFixture fixture)
{
    [Fact]
    public void Migrate_on_an_empty_database_applies_every_migration()
    {
        Assert.Contains("applied  001_orleans_clustering", fixture.FirstMigration);
        Assert.Contains("applied  010_counters_and_sessions", fixture.FirstMigration);
        Assert.DoesNotContain("present  ", fixture.FirstMigration);
    }

    [Fact]
    public async Task Migrate_again_changes_nothing()
    {
        var again = await fixture.Cluster.MigrateAsync();

        Assert.Contains("schema is up to date (0 applied", again);
        Assert.Contains("present  001_orleans_clustering", again);
    }

    [Fact]
    public async Task The_replicas_form_one_cluster_on_the_schema()
    {
        var members = await fixture.Cluster.MembersAsync();

        Assert.All(fixture.Cluster.Replicas, replica => Assert.Contains((replica.SiloPort, 3), members));
    }
}
