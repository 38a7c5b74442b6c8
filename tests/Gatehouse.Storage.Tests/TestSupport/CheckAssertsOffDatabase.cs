namespace Gatehouse.Storage.Tests.TestSupport;

/// <summary>A migrated database whose sessions run with <c>plpgsql.check_asserts = off</c>.</summary>
public sealed class CheckAssertsOffDatabase : MigratedDatabase
{
    protected override IEnumerable<string> Settings => ["plpgsql.check_asserts TO off"];
}
