using System.Text.RegularExpressions;
using Gatehouse.Gateway.Auth;
using Gatehouse.Grains.Grants;
using Gatehouse.Upstreams;

namespace Gatehouse.Host.Admin;

/// <summary>
/// <c>GET /admin/grants</c>, <c>POST /admin/grants</c> (<c>{"id": "...", "upstreams": [...]}</c>; the
/// token is in the answer, once, and only its SHA-256 is kept), <c>DELETE /admin/grants/{id}</c>
/// (revokes it on every replica within a second; grants of the configuration cannot be revoked here).
/// </summary>
internal static partial class GrantsEndpoints
{
    public static async Task<IResult> ListAsync(GrantRegistry registry, IGrainFactory grains)
    {
        var stored = await grains.GetGrain<IGrantsGrain>(GrantSync.GrainKey).GetSinceAsync(-1);
        var configured = registry.Configured.Select(grant => new { id = grant.Id, upstreams = grant.Upstreams.Order(StringComparer.Ordinal), source = "config", createdAt = (DateTimeOffset?)null, revokedAt = (DateTimeOffset?)null });
        var made = (stored?.Grants ?? []).Select(grant => new { id = grant.Id, upstreams = grant.Upstreams.Order(StringComparer.Ordinal), source = "admin", createdAt = (DateTimeOffset?)grant.CreatedAt, revokedAt = grant.RevokedAt });
        return Results.Ok(new { grants = configured.Concat(made).OrderBy(grant => grant.id, StringComparer.Ordinal) });
    }

    public static async Task<IResult> CreateAsync(GrantRequest request, GrantRegistry registry, UpstreamCatalog catalog, IGrainFactory grains, GrantSync sync, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(request.Id) || !GrantId().IsMatch(request.Id))
        {
            return AdminProblems.BadRequest("invalid_grant", "Invalid grant", "id: letters, digits, '-', '_' and '.', 1 to 64 characters.");
        }

        var unknown = (request.Upstreams ?? []).Where(upstream => !catalog.Upstreams.ContainsKey(upstream)).ToList();
        if (unknown.Count > 0 || request.Upstreams is not { Count: > 0 })
        {
            return AdminProblems.BadRequest("invalid_grant", "Invalid grant", unknown.Count > 0 ? $"upstreams: no such upstream: {string.Join(", ", unknown)}" : "upstreams: name at least one upstream.");
        }

        var token = TokenHash.NewToken();
        var grant = new StoredGrant(request.Id, TokenHash.Of(token), [.. request.Upstreams.Distinct(StringComparer.Ordinal)], time.GetUtcNow(), null);
        if (registry.IsConfigured(request.Id) || !await grains.GetGrain<IGrantsGrain>(GrantSync.GrainKey).CreateAsync(grant))
        {
            return AdminProblems.Conflict("conflict", "Grant exists", $"A grant '{request.Id}' exists.");
        }

        await sync.RefreshAsync();
        return Results.Created($"/admin/grants/{request.Id}", new { id = grant.Id, token, upstreams = grant.Upstreams, note = "The token is shown only now; Gatehouse keeps its SHA-256." });
    }

    public static async Task<IResult> RevokeAsync(string id, GrantRegistry registry, IGrainFactory grains, GrantSync sync, TimeProvider time)
    {
        if (registry.IsConfigured(id))
        {
            return AdminProblems.Conflict("conflict", "Grant is configured", $"Grant '{id}' comes from the configuration; remove it there.");
        }

        if (!await grains.GetGrain<IGrantsGrain>(GrantSync.GrainKey).RevokeAsync(id, time.GetUtcNow()))
        {
            return AdminProblems.NotFound("not_found", "No such grant", $"No grant '{id}'.");
        }

        await sync.RefreshAsync();
        return Results.NoContent();
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex GrantId();
}
