using Gatehouse.Storage.Audit;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Audit.Tests.TestSupport;

/// <summary>A SQLite audit file in a fresh temporary folder, deleted on dispose.</summary>
internal sealed class SqliteFile : IDisposable
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "gatehouse-audit-tests", Guid.NewGuid().ToString("N"));

    public SqliteFile()
    {
        Path = System.IO.Path.Combine(_folder, "audit.db");
        Store = new SqliteAuditStore(Path);
    }

    public string Path { get; }

    public SqliteAuditStore Store { get; }

    /// <summary>Every stored row, every column as text.</summary>
    public IReadOnlyList<string> RawRows()
    {
        using var connection = new SqliteConnection($"Data Source={Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM gatehouse_audit ORDER BY id";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    /// <summary>The bytes of the database file and its write-ahead log, wherever SQLite has put the rows so far.</summary>
    public byte[] FileBytes() =>
        [.. new[] { Path, Path + "-wal" }.Where(File.Exists).SelectMany(file =>
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        })];

    public void Dispose()
    {
        Store.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere; the temp folder is cleaned by the system.
        }
    }
}
