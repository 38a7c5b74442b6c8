using Gatehouse.Storage.Tests.TestSupport;
using Orleans;
using Orleans.Runtime;

namespace Gatehouse.Storage.Tests.Schema;

/// <summary>Checklist item 4: inserting a silo is a compare-and-set on the table version.</summary>
public abstract partial class MembershipTableContractTests
{
    [Fact]
    public async Task Insert_at_the_current_version_adds_the_row_and_bumps_the_version()
    {
        await Table.InitializeMembershipTableAsync(true, Ct);
        var entry = SiloEntries.Create(SiloEntries.Address(11111));

        Assert.True(await Table.InsertRowAsync(entry, (await Table.ReadAllAsync(Ct)).Version.Next(), Ct));

        var data = await Table.ReadAllAsync(Ct);
        Assert.Equal(1, data.Version.Version);
        var (member, etag) = Assert.Single(data.Members);
        Assert.Equal(entry.SiloAddress, member.SiloAddress);
        Assert.Equal(data.Version.VersionEtag, etag);
    }

    [Fact]
    public async Task Insert_with_a_stale_version_returns_false_and_writes_nothing()
    {
        await Table.InitializeMembershipTableAsync(true, Ct);
        await InsertAsync(SiloEntries.Create(SiloEntries.Address(11111)));
        var before = await Rows.VersionAsync(ClusterId);

        var inserted = await Table.InsertRowAsync(SiloEntries.Create(SiloEntries.Address(22222)), new TableVersion(1, "0"), Ct);

        Assert.False(inserted);
        Assert.Equal(before, await Rows.VersionAsync(ClusterId));
        Assert.Single(await Rows.MembersAsync(ClusterId));
    }

    [Fact]
    public async Task Insert_of_a_silo_already_in_the_table_returns_false_and_keeps_the_version()
    {
        await Table.InitializeMembershipTableAsync(true, Ct);
        var entry = SiloEntries.Create(SiloEntries.Address(11111));
        await InsertAsync(entry);
        var before = await Rows.VersionAsync(ClusterId);

        var duplicate = SiloEntries.Create(entry.SiloAddress, SiloStatus.Joining);
        var inserted = await Table.InsertRowAsync(duplicate, (await Table.ReadAllAsync(Ct)).Version.Next(), Ct);

        Assert.False(inserted);
        Assert.Equal(before, await Rows.VersionAsync(ClusterId));
        Assert.Equal((int)SiloStatus.Active, Assert.Single(await Rows.MembersAsync(ClusterId)).Status);
    }

    [Fact]
    public async Task Of_twenty_parallel_inserts_at_one_version_exactly_one_succeeds()
    {
        await Table.InitializeMembershipTableAsync(true, Ct);
        var version = (await Table.ReadAllAsync(Ct)).Version.Next();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => Table.InsertRowAsync(SiloEntries.Create(SiloEntries.Address(20000 + i)), version, Ct))));

        Assert.Single(results, inserted => inserted);
        Assert.Single(await Rows.MembersAsync(ClusterId));
        Assert.Equal(1, (await Rows.VersionAsync(ClusterId))!.Version);
    }

    [Fact]
    public async Task Insert_at_the_largest_version_returns_zero_and_writes_nothing_instead_of_overflowing()
    {
        await Table.InitializeMembershipTableAsync(true, Ct);
        await Sql.ExecuteAsync(ConnectionString, "UPDATE orleansmembershipversiontable SET version = 2147483647 WHERE deploymentid = @id", ("id", ClusterId));
        var entry = SiloEntries.Create(SiloEntries.Address(11111));

        var result = await new StoredQueries(ConnectionString).ScalarAsync(
            "InsertMembershipKey",
            ("DeploymentId", ClusterId),
            ("Address", entry.SiloAddress.Endpoint.Address.ToString()),
            ("Port", entry.SiloAddress.Endpoint.Port),
            ("Generation", entry.SiloAddress.Generation),
            ("SiloName", entry.SiloName),
            ("HostName", entry.HostName),
            ("Status", (int)SiloStatus.Active),
            ("ProxyPort", 30000),
            ("StartTime", entry.StartTime),
            ("IAmAliveTime", entry.IAmAliveTime),
            ("Version", int.MaxValue));

        Assert.Equal(0, result);
        Assert.Equal(int.MaxValue, (await Rows.VersionAsync(ClusterId))!.Version);
        Assert.Empty(await Rows.MembersAsync(ClusterId));
    }
}
