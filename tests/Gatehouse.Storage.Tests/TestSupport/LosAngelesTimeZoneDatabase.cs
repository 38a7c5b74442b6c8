namespace Gatehouse.Storage.Tests.TestSupport;

/// <summary>A migrated database whose sessions run with <c>TimeZone = 'America/Los_Angeles'</c>.</summary>
public sealed class LosAngelesTimeZoneDatabase : MigratedDatabase
{
    public const string TimeZone = "America/Los_Angeles";

    protected override IEnumerable<string> Settings => [$"timezone TO '{TimeZone}'"];
}
