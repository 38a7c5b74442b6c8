using Gatehouse.Storage.Tests.TestSupport;

namespace Gatehouse.Storage.Tests.Schema;

/// <summary>The membership table contract with the server's default session settings.</summary>
public sealed class DefaultSettingsMembershipTableTests(MigratedDatabase database)
    : MembershipTableContractTests(database), IClassFixture<MigratedDatabase>;
