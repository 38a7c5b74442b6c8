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

    [Fact]
    public async Task A_file_made_before_the_subject_columns_gets_them_and_keeps_its_rows()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file.Path)!);
        using (var connection = new SqliteConnection($"Data Source={_file.Path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE gatehouse_audit (id INTEGER PRIMARY KEY, at TEXT NOT NULL, grant_id TEXT NOT NULL, upstream TEXT NOT NULL,
                    tool TEXT NOT NULL, action TEXT NOT NULL, rule_pointer TEXT NOT NULL, policy_version TEXT NOT NULL,
                    argument_names TEXT NOT NULL, arguments_sha256 TEXT NOT NULL, arguments_json TEXT NULL, upstream_status INTEGER NULL,
                    upstream_latency_ms REAL NULL, trace_id TEXT NULL, session_id TEXT NULL, replica TEXT NOT NULL);
                INSERT INTO gatehouse_audit (at, grant_id, upstream, tool, action, rule_pointer, policy_version, argument_names, arguments_sha256, trace_id, replica)
                    VALUES ('2026-01-01T00:00:00.000000Z', 'old-agent', 'files', 'read', 'allow', '/default', '1@r0', '[]', 'aa', 'old', 'replica-a');
                """;
            command.ExecuteNonQuery();
        }

        await _file.Store.WriteAsync([Entries.Make(1) with { Subject = "user-42", ClientId = "ci-client" }], CancellationToken.None);
        var page = await _file.Store.QueryAsync(Query(), CancellationToken.None);

        Assert.Equal(["t1", "old"], page.Entries.Select(entry => entry.TraceId));
        Assert.Equal(("user-42", "ci-client"), (page.Entries[0].Subject, page.Entries[0].ClientId));
        Assert.Equal((null, null), (page.Entries[1].Subject, page.Entries[1].ClientId));
    }

    public void Dispose() => _file.Dispose();

    protected override Task<IReadOnlyList<string>> RawRowsAsync() => Task.FromResult(_file.RawRows());
}
