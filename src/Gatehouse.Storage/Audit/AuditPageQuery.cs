using System.Data.Common;

namespace Gatehouse.Storage.Audit;

/// <summary>
/// The page query both audit stores run on their own connection: the filters that are set, bound as
/// parameters, newest first, one row more than the page to tell whether another page follows. Only how a
/// store writes an instant and reads the two columns it stores its own way differ.
/// </summary>
internal static class AuditPageQuery
{
    /// <summary>Fills <paramref name="command"/> with the page query of <paramref name="query"/>, runs it and reads the page.</summary>
    /// <param name="command">A new command on the store's connection.</param>
    /// <param name="query">What to read.</param>
    /// <param name="instant">How the store writes an instant as a parameter value.</param>
    /// <param name="read">How the store reads one row (see <see cref="Entry"/>).</param>
    /// <param name="ct">Cancels the query.</param>
    public static async Task<AuditPage> RunAsync(DbCommand command, AuditQuery query, Func<DateTimeOffset, object> instant, Func<DbDataReader, AuditEntry> read, CancellationToken ct)
    {
        var filters = AuditFilter.Of(query, instant);
        command.CommandText = AuditSql.Select(filters);
        foreach (var filter in filters)
        {
            Add(command, filter.Parameter, filter.Value);
        }

        Add(command, AuditSql.LimitParameter, (long)query.PageSize + 1);
        Add(command, AuditSql.OffsetParameter, query.Offset);

        var entries = new List<AuditEntry>(query.PageSize + 1);
        var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                entries.Add(read(reader));
            }
        }

        var hasMore = entries.Count > query.PageSize;
        if (hasMore)
        {
            entries.RemoveAt(entries.Count - 1);
        }

        return new AuditPage(entries, query.Page, query.PageSize, hasMore);
    }

    /// <summary>One row of <see cref="AuditSql.Columns"/>, given the two columns each store keeps its own way.</summary>
    /// <param name="reader">The row.</param>
    /// <param name="at">Column 0, as the store reads it.</param>
    /// <param name="argumentNames">Column 7, as the store reads it.</param>
    public static AuditEntry Entry(DbDataReader reader, DateTimeOffset at, string[] argumentNames) => new(
        at,
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetString(5),
        reader.GetString(6),
        argumentNames,
        reader.GetString(8),
        reader.IsDBNull(9) ? null : reader.GetString(9),
        reader.IsDBNull(10) ? null : reader.GetInt32(10),
        reader.IsDBNull(11) ? null : reader.GetDouble(11),
        reader.IsDBNull(12) ? null : reader.GetString(12),
        reader.IsDBNull(13) ? null : reader.GetString(13),
        reader.GetString(14),
        reader.IsDBNull(15) ? null : reader.GetString(15),
        reader.IsDBNull(16) ? null : reader.GetString(16));

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
