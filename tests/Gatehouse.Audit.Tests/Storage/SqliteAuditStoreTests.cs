using Gatehouse.Audit.Tests.TestSupport;
using Gatehouse.Storage.Audit;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Audit.Tests.Storage;

public sealed class SqliteAuditStoreTests : AuditStoreContract, IDisposable
{
    private readonly SqliteFile _file = new();

    protected override IAuditStore Store => _file.Store;

    [Fact]
    public async Task The_file_its_folder_and_table_are_created_on_first_use_in_wal_mode()
    {
        Assert.False(File.Exists(_file.Path));

        await _file.Store.QueryAsync(Query(), CancellationToken.None);

        Assert.True(File.Exists(_file.Path));
        using var connection = new SqliteConnection($"Data Source={_file.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public async Task A_second_store_on_the_same_file_reads_what_the_first_wrote()
    {
        await _file.Store.WriteAsync(Entries.Range(0, 3), CancellationToken.None);
        using var reopened = new SqliteAuditStore(_file.Path);

        var page = await reopened.QueryAsync(Query(), CancellationToken.None);

        Assert.Equal(["t2", "t1", "t0"], page.Entries.Select(entry => entry.TraceId));
    }

    public void Dispose() => _file.Dispose();

    protected override Task<IReadOnlyList<string>> RawRowsAsync() => Task.FromResult(_file.RawRows());
}
