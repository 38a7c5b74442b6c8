namespace Gatehouse.Storage.Audit;

/// <summary>One filter of an <see cref="AuditQuery"/> that is set: its SQL condition and the parameter it binds.</summary>
/// <param name="Condition">The condition, e.g. <c>tool = @tool</c>.</param>
/// <param name="Parameter">The parameter's name in <paramref name="Condition"/>.</param>
/// <param name="Value">The parameter's value, as the store writes it.</param>
internal sealed record AuditFilter(string Condition, string Parameter, object Value)
{
    /// <summary>The filters of <paramref name="query"/> that are set, in a fixed order.</summary>
    /// <param name="query">What to read.</param>
    /// <param name="instant">How the store writes an instant (PostgreSQL a UTC <see cref="DateTime"/>, SQLite fixed-width text).</param>
    public static List<AuditFilter> Of(AuditQuery query, Func<DateTimeOffset, object> instant)
    {
        var filters = new List<AuditFilter>();
        if (query.GrantId is not null)
        {
            filters.Add(new($"grant_id = {AuditSql.GrantParameter}", AuditSql.GrantParameter, query.GrantId));
        }

        if (query.Tool is not null)
        {
            filters.Add(new($"tool = {AuditSql.ToolParameter}", AuditSql.ToolParameter, query.Tool));
        }

        if (query.Action is not null)
        {
            filters.Add(new($"action = {AuditSql.ActionParameter}", AuditSql.ActionParameter, query.Action));
        }

        if (query.From is { } from)
        {
            filters.Add(new($"at >= {AuditSql.FromParameter}", AuditSql.FromParameter, instant(from)));
        }

        if (query.To is { } to)
        {
            filters.Add(new($"at < {AuditSql.ToParameter}", AuditSql.ToParameter, instant(to)));
        }

        return filters;
    }
}
