using System.Text.Json;
using Gatehouse.Grains.Approvals;

namespace Gatehouse.Host.Admin;

/// <summary>
/// <c>GET /admin/approvals</c>: the calls waiting for a decision (tool, arguments, grant, deadline).
/// <c>POST /admin/approvals/{id}/approve</c> and <c>/deny</c>, optionally with <c>{"note": "..."}</c>: decide; the waiting
/// call completes at once (forwarded once) or is refused with <c>approval_denied</c> (and the note, if any). <c>GET /admin/approvals/decided</c>: the approvals
/// decided (or timed out) most recently, newest first, as far as the approval index remembers them.
/// </summary>
internal static class ApprovalsEndpoints
{
    public static async Task<IResult> ListAsync(IGrainFactory grains)
    {
        var ids = await grains.GetGrain<IApprovalIndexGrain>("all").ListAsync();
        var views = await Task.WhenAll(ids.Select(id => grains.GetGrain<IApprovalGrain>(id).GetAsync().AsTask()));
        return Results.Ok(new { approvals = views.OfType<ApprovalView>().Where(v => v.State == ApprovalState.Pending).Select(View) });
    }

    public static async Task<IResult> ListDecidedAsync(IGrainFactory grains)
    {
        var ids = await grains.GetGrain<IApprovalIndexGrain>("all").RecentAsync();
        var views = await Task.WhenAll(ids.Select(id => grains.GetGrain<IApprovalGrain>(id).GetAsync().AsTask()));
        return Results.Ok(new { approvals = views.OfType<ApprovalView>().Where(v => v.State != ApprovalState.Pending).Select(View) });
    }

    public static Task<IResult> ApproveAsync(string id, ApprovalDecisionRequest? body, IGrainFactory grains) => DecideAsync(id, approve: true, body, grains);

    public static Task<IResult> DenyAsync(string id, ApprovalDecisionRequest? body, IGrainFactory grains) => DecideAsync(id, approve: false, body, grains);

    private static async Task<IResult> DecideAsync(string id, bool approve, ApprovalDecisionRequest? body, IGrainFactory grains)
    {
        var note = string.IsNullOrWhiteSpace(body?.Note) ? null : body.Note.Trim();
        if (note is { Length: > ApprovalDecisionRequest.MaxNoteLength })
        {
            return AdminProblems.BadRequest("invalid_note", "Note too long", $"note: at most {ApprovalDecisionRequest.MaxNoteLength} characters, found {note.Length}.");
        }

        var grain = grains.GetGrain<IApprovalGrain>(id);
        if (await grain.GetAsync() is not { } current)
        {
            return AdminProblems.NotFound("not_found", "No such approval", $"No approval '{id}'.");
        }

        if (current.State != ApprovalState.Pending)
        {
            return AdminProblems.Of(StatusCodes.Status409Conflict, "conflict", "Approval already decided", $"Approval '{id}' is {current.State.ToString().ToLowerInvariant()}, not pending.", [new("approval", View(current))]);
        }

        var decided = await grain.DecideAsync(approve, "operator", note);
        return Results.Ok(new { approval = View(decided!) });
    }

    private static object View(ApprovalView approval) => new
    {
        id = approval.Id,
        state = approval.State.ToString().ToLowerInvariant(),
        grant = approval.Request.GrantId,
        upstream = approval.Request.Upstream,
        tool = approval.Request.Tool,
        rule = approval.Request.Rule,
        risk = approval.Request.Risk,
        arguments = JsonDocument.Parse(approval.Request.ArgumentsJson).RootElement,
        by = approval.Request.By,
        requestedAt = approval.RequestedAt,
        expiresAt = approval.ExpiresAt,
        decidedAt = approval.DecidedAt,
        decidedBy = approval.DecidedBy,
        note = approval.Note,
    };
}
