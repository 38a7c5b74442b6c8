using Orleans;

namespace Gatehouse.Storage.Tests.TestSupport;

/// <summary>Puts rows in place through the provider itself, as silos would.</summary>
internal static class MembershipTableSeeding
{
    /// <summary>
    /// Inserts the entry at the table's current version; a second, update step stores its
    /// suspicions, which an insert never carries. Fails the test if the provider refuses.
    /// </summary>
    public static async Task SeedAsync(this IMembershipTable table, MembershipEntry entry, CancellationToken ct)
    {
        var data = await table.ReadAllAsync(ct);
        Assert.True(await table.InsertRowAsync(entry, data.Version.Next(), ct), $"inserting {entry.SiloAddress} was refused");
        if (entry.SuspectTimes is { Count: > 0 })
        {
            data = await table.ReadAllAsync(ct);
            Assert.True(await table.UpdateRowAsync(entry, data.Version.VersionEtag, data.Version.Next(), ct), $"updating {entry.SiloAddress} was refused");
        }
    }
}
