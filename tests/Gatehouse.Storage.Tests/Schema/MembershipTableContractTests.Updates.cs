using Gatehouse.Storage.Tests.TestSupport;
using Orleans;
using Orleans.Runtime;

namespace Gatehouse.Storage.Tests.Schema;

/// <summary>Checklist items 5 and 6: updates are a compare-and-set; the heartbeat is a blind write.</summary>
public abstract partial class MembershipTableContractTests
{
    [Fact]
    public async Task Update_at_the_current_version_changes_status_suspicions_and_heartbeat_and_bumps_the_version()
    {
        await Table.InitializeMembershipTableAsync(true, Ct);
        var entry = SiloEntries.Create(SiloEntries.Address(11111));
        await InsertAsync(entry);
        var data = await Table.ReadAllAsync(Ct);
        var suspect = SiloEntries.Address(22222);
        var later = entry.IAmAliveTime.AddSeconds(5);
        entry.Status = SiloStatus.Dead;
        entry.IAmAliveTime = later;
        entry.AddSuspector(suspect, later);

        Assert.True(await Table.UpdateRowAsync(entry, data.Members[0].Item2, data.Version.Next(), Ct));

        var row = Assert.Single(await Rows.MembersAsync(ClusterId));
        Assert.Equal((int)SiloStatus.Dead, row.Status);
        Assert.Equal(later, row.IAmAliveTime);
        Assert.NotNull(row.SuspectTimes);
        Assert.Equal(2, (await Rows.VersionAsync(ClusterId))!.Version);
    }

    [Fact]
    public async Task Update_with_a_stale_version_returns_false_and_changes_nothing()
    {
        await Table.InitializeMembershipTableAsync(true, Ct);
        var entry = SiloEntries.Create(SiloEntries.Address(11111));
        await InsertAsync(entry);
        await InsertAsync(SiloEntries.Create(SiloEntries.Address(22222)));
        var rowsBefore = await Rows.MembersAsync(ClusterId);
        var versionBefore = await Rows.VersionAsync(ClusterId);
        entry.Status = SiloStatus.Dead;

        // Row and table ETag agree, so the provider really sends the (stale) version to the database.
        var updated = await Table.UpdateRowAsync(entry, "1", new TableVersion(2, "1"), Ct);

        Assert.False(updated);
        Assert.Equal(rowsBefore, await Rows.MembersAsync(ClusterId));
        Assert.Equal(versionBefore, await Rows.VersionAsync(ClusterId));
    }

    [Fact]
    public async Task Update_of_a_missing_row_returns_false_and_undoes_its_version_bump()
    {
        await Table.InitializeMembershipTableAsync(true, Ct);
        await InsertAsync(SiloEntries.Create(SiloEntries.Address(11111)));
        var data = await Table.ReadAllAsync(Ct);
        var versionBefore = await Rows.VersionAsync(ClusterId);
        var missing = SiloEntries.Create(SiloEntries.Address(33333), SiloStatus.Dead);

        var updated = await Table.UpdateRowAsync(missing, data.Version.VersionEtag, data.Version.Next(), Ct);

        Assert.False(updated);
        Assert.Equal(versionBefore, await Rows.VersionAsync(ClusterId));
        Assert.Equal((int)SiloStatus.Active, Assert.Single(await Rows.MembersAsync(ClusterId)).Status);
    }

    [Fact]
    public async Task Of_ten_parallel_updates_at_one_version_exactly_one_succeeds()
    {
        await Table.InitializeMembershipTableAsync(true, Ct);
        var entry = SiloEntries.Create(SiloEntries.Address(11111));
        await InsertAsync(entry);
        var data = await Table.ReadAllAsync(Ct);

        var results = await Task.WhenAll(Enumerable.Range(1, 10).Select(i => Task.Run(() =>
        {
            var change = SiloEntries.Create(entry.SiloAddress, SiloStatus.Active, iAmAliveTime: entry.IAmAliveTime.AddSeconds(i));
            return Table.UpdateRowAsync(change, data.Version.VersionEtag, data.Version.Next(), Ct);
        })));

        Assert.Single(results, updated => updated);
        Assert.Equal(2, (await Rows.VersionAsync(ClusterId))!.Version);
    }

    [Fact]
    public async Task Heartbeat_changes_IAmAliveTime_and_neither_version_nor_timestamp()
    {
        await Table.InitializeMembershipTableAsync(true, Ct);
        var entry = SiloEntries.Create(SiloEntries.Address(11111));
        await InsertAsync(entry);
        var versionBefore = await Rows.VersionAsync(ClusterId);
        var later = entry.IAmAliveTime.AddMinutes(1);
        entry.IAmAliveTime = later;

        await Table.UpdateIAmAliveAsync(entry, Ct);

        Assert.Equal(later, Assert.Single(await Rows.MembersAsync(ClusterId)).IAmAliveTime);
        Assert.Equal(versionBefore, await Rows.VersionAsync(ClusterId));
    }

    [Fact]
    public async Task Heartbeat_of_an_unknown_silo_is_no_error_and_writes_nothing()
    {
        await Table.InitializeMembershipTableAsync(true, Ct);
        var entry = SiloEntries.Create(SiloEntries.Address(11111));
        await InsertAsync(entry);
        var rowsBefore = await Rows.MembersAsync(ClusterId);
        var versionBefore = await Rows.VersionAsync(ClusterId);

        await Table.UpdateIAmAliveAsync(SiloEntries.Create(SiloEntries.Address(44444), iAmAliveTime: entry.IAmAliveTime.AddHours(1)), Ct);

        Assert.Equal(rowsBefore, await Rows.MembersAsync(ClusterId));
        Assert.Equal(versionBefore, await Rows.VersionAsync(ClusterId));
    }
}
