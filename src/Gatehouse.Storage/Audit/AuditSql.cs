using System.Text;

namespace Gatehouse.Storage.Audit;

/// <summary>The statements both audit stores share: the same table, columns and filters.</summary>
internal static class AuditSql
{
    public const string Table = "gatehouse_audit";

    /// <summary>Every column but <c>id</c>, in <see cref="AuditEntry"/> order.</summary>
    public const string Columns =
        "at, grant_id, upstream, tool, action, rule_pointer, policy_version, argument_names, arguments_sha256, "
        + "arguments_json, upstream_status, upstream_latency_ms, trace_id, session_id, replica, subject, client_id";

    public const string GrantParameter = "@grant_id";
    public const string ToolParameter = "@tool";
    public const string ActionParameter = "@action";
    public const string FromParameter = "@from";
    public const string ToParameter = "@to";
    public const string LimitParameter = "@limit";
    public const string OffsetParameter = "@offset";

    /// <summary>
    /// The page query: only the filters that are set (so each can use its index), newest first, one
    /// row more than the page to tell whether another page follows.
    /// </summary>
    public static string Select(IReadOnlyList<AuditFilter> filters)
    {
        var sql = new StringBuilder($"SELECT {Columns} FROM {Table}");
        if (filters.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", filters.Select(filter => filter.Condition));
        }

        return sql.Append($" ORDER BY at DESC, id DESC LIMIT {LimitParameter} OFFSET {OffsetParameter}").ToString();
    }
}
