using Gatehouse.Audit.Tests.TestSupport;
using Gatehouse.Storage.Audit;

namespace Gatehouse.Audit.Tests.Storage;

public sealed class PostgresAuditStoreTests(AuditDatabase database) : AuditStoreContract, IClassFixture<AuditDatabase>, IAsyncLifetime
{
    protected override IAuditStore Store { get; } = new PostgresAuditStore(database.DataSource);

    public Task InitializeAsync() => database.TruncateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    protected override Task<IReadOnlyList<string>> RawRowsAsync() => database.RawRowsAsync();
}
