using Gatehouse.Storage.Tests.TestSupport;
using Orleans;
using Orleans.Runtime;

namespace Gatehouse.Storage.Tests.Schema;

/// <summary>Checklist item 7: what Orleans writes comes back unchanged.</summary>
public abstract partial class MembershipTableContractTests
{
    [Fact]
    public async Task Every_field_round_trips_unchanged_including_suspicions_and_utc_milliseconds()
    {
        await Table.InitializeMembershipTableAsync(true, Ct);
        var start = SiloEntries.Milliseconds(new DateTime(2031, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc));
        var entry = SiloEntries.Create(SiloEntries.Address(11111, generation: 123456789), SiloStatus.Joining, 31313, start, start.AddMilliseconds(1));
        await InsertAsync(entry);
        entry.Status = SiloStatus.Active;
        entry.IAmAliveTime = start.AddSeconds(7).AddMilliseconds(9);
        entry.AddSuspector(SiloEntries.Address(22222, 5), start.AddSeconds(3).AddMilliseconds(1));
        entry.AddSuspector(SiloEntries.Address(33333, 6, "192.168.1.7"), start.AddSeconds(4).AddMilliseconds(999));
        var data = await Table.ReadAllAsync(Ct);
        Assert.True(await Table.UpdateRowAsync(entry, data.Version.VersionEtag, data.Version.Next(), Ct));

        foreach (var read in new[] { await Table.ReadAllAsync(Ct), await Table.ReadRowAsync(entry.SiloAddress, Ct) })
        {
            var (member, _) = Assert.Single(read.Members);
            AssertSameEntry(entry, member);
        }
    }

    [Fact]
    public async Task Timestamps_are_stored_as_the_instant_orleans_sent()
    {
        await Table.InitializeMembershipTableAsync(true, Ct);
        var start = SiloEntries.Milliseconds(new DateTime(2031, 7, 1, 12, 0, 0, 250, DateTimeKind.Utc));
        await InsertAsync(SiloEntries.Create(SiloEntries.Address(11111), startTime: start, iAmAliveTime: start));

        var stored = await Sql.StringsAsync(
            ConnectionString,
            "SELECT to_char(starttime AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS') FROM orleansmembershiptable WHERE deploymentid = @id",
            ("id", ClusterId));

        Assert.Equal("2031-07-01 12:00:00.250", Assert.Single(stored));
    }

    [Fact]
    public async Task SuspectTimes_are_stored_verbatim_and_null_stays_null()
    {
        await Table.InitializeMembershipTableAsync(true, Ct);
        var entry = SiloEntries.Create(SiloEntries.Address(11111));
        await InsertAsync(entry);
        var queries = new StoredQueries(ConnectionString);
        const string Opaque = "S10.0.0.1:11111:5,2031-01-02 03:04:05.678 GMT|S10.0.0.2:22222:6,2031-01-02 03:04:06.001 GMT";

        foreach (var (suspectTimes, version) in new[] { (Opaque, 1), ((string?)null, 2) })
        {
            var updated = await queries.ScalarAsync(
                "UpdateMembershipKey",
                ("DeploymentId", ClusterId),
                ("Address", entry.SiloAddress.Endpoint.Address.ToString()),
                ("Port", entry.SiloAddress.Endpoint.Port),
                ("Generation", entry.SiloAddress.Generation),
                ("Status", (int)SiloStatus.Active),
                ("SuspectTimes", suspectTimes),
                ("IAmAliveTime", entry.IAmAliveTime),
                ("Version", version));

            Assert.Equal(1, updated);
            Assert.Equal(suspectTimes, Assert.Single(await Rows.MembersAsync(ClusterId)).SuspectTimes);
        }
    }

    private static void AssertSameEntry(MembershipEntry expected, MembershipEntry actual)
    {
        Assert.Equal(expected.SiloAddress, actual.SiloAddress);
        Assert.Equal(expected.SiloAddress.Generation, actual.SiloAddress.Generation);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.ProxyPort, actual.ProxyPort);
        Assert.Equal(expected.HostName, actual.HostName);
        Assert.Equal(expected.SiloName, actual.SiloName);
        AssertSameUtc(expected.StartTime, actual.StartTime);
        AssertSameUtc(expected.IAmAliveTime, actual.IAmAliveTime);
        Assert.NotNull(expected.SuspectTimes);
        Assert.NotNull(actual.SuspectTimes);
        Assert.Equal(expected.SuspectTimes.Count, actual.SuspectTimes.Count);
        foreach (var (want, got) in expected.SuspectTimes.Zip(actual.SuspectTimes))
        {
            Assert.Equal(want.Item1, got.Item1);
            // Orleans parses suspicion times from its own text format with DateTimeKind.Unspecified;
            // the instant (ticks) is what the schema must keep.
            Assert.Equal(want.Item2.Ticks, got.Item2.Ticks);
        }
    }

    private static void AssertSameUtc(DateTime expected, DateTime actual)
    {
        Assert.Equal(expected, actual);
        Assert.Equal(DateTimeKind.Utc, actual.Kind);
    }
}
