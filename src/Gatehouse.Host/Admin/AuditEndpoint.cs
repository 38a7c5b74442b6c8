using Gatehouse.Storage.Audit;

namespace Gatehouse.Host.Admin;

/// <summary>
/// <c>GET /admin/audit?grant=&amp;tool=&amp;action=&amp;from=&amp;to=&amp;page=&amp;pageSize=</c>: recorded
/// decisions, newest first, <c>pageSize</c> (default 50, at most 500) at a time. <c>from</c> is inclusive,
/// <c>to</c> exclusive. Answers <c>{ entries, page, pageSize, hasMore }</c>, or 400 naming the parameter at fault.
/// </summary>
internal static class AuditEndpoint
{
    public static async Task<IResult> GetAsync(
        string? grant, string? tool, string? action, string? from, string? to, string? page, string? pageSize, IAuditStore store, CancellationToken ct)
    {
        // Times and numbers arrive as text, so a bad value is answered with a message naming it
        // (binding to DateTimeOffset? or int? would answer a bare 400 before this runs).
        var query = AuditRequest.Parse(grant, tool, action, from, to, page, pageSize, out var error);
        if (query is null)
        {
            // A problem like every admin refusal (Admin/AdminProblems.cs): error and message beside title and detail.
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid parameter",
                detail: error,
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["error"] = "invalid_parameter", ["message"] = error });
        }

        var result = await store.QueryAsync(query, ct);
        return Results.Ok(new
        {
            entries = result.Entries.Select(AuditEntryView.Of).ToList(),
            page = result.Page,
            pageSize = result.PageSize,
            hasMore = result.HasMore,
        });
    }
}
