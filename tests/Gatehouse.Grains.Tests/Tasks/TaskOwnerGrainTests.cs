using Gatehouse.Grains.Tasks;

namespace Gatehouse.Grains.Tests.Tasks;

[Collection(GrainClusterCollection.Name)]
public sealed class TaskOwnerGrainTests(GrainClusterFixture fixture)
{
    private ITaskOwnerGrain Task(string id) => fixture.Cluster.GrainFactory.GetGrain<ITaskOwnerGrain>("everything/" + id);

    [Fact]
    public async Task The_first_owner_recorded_stands_and_is_known_until_the_task_expires()
    {
        var id = Guid.NewGuid().ToString("N");
        var owner = new TaskOwner("grant-a", "alice", "research", fixture.Time.GetUtcNow().AddMinutes(10));

        Assert.Equal(owner, await Task(id).RecordAsync(owner));
        Assert.Equal(owner, await Task(id).RecordAsync(owner with { GrantId = "grant-b" }));
        Assert.Equal(owner, await Task(id).GetAsync());

        fixture.Time.Advance(TimeSpan.FromMinutes(11));
        Assert.Null(await Task(id).GetAsync());

        // Once expired, the id may be recorded afresh.
        var later = owner with { GrantId = "grant-b", ExpiresAt = fixture.Time.GetUtcNow().AddMinutes(1) };
        Assert.Equal(later, await Task(id).RecordAsync(later));
    }

    [Fact]
    public async Task A_task_nobody_recorded_has_no_owner()
    {
        Assert.Null(await Task(Guid.NewGuid().ToString("N")).GetAsync());
    }

    [Fact]
    public void A_task_belongs_to_its_grant_and_end_user_only()
    {
        var owner = new TaskOwner("grant-a", "alice", "research", DateTimeOffset.MaxValue);

        Assert.True(owner.IsOwnedBy("grant-a", "alice"));
        Assert.False(owner.IsOwnedBy("grant-b", "alice"));
        Assert.False(owner.IsOwnedBy("grant-a", "bob"));
        Assert.False(owner.IsOwnedBy("grant-a", null));
        Assert.True((owner with { Subject = null }).IsOwnedBy("grant-a", null));
    }
}
