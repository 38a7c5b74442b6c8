using Gatehouse.Gateway.Auth;
using Gatehouse.Gateway.Limits;
using Gatehouse.Gateway.Policies;
using Gatehouse.Grains.Limits;
using Gatehouse.Policy;

namespace Gatehouse.Host.Admin;

/// <summary>
/// <c>GET /admin/counters?grant=ID[&amp;subject=SUB]</c>: the grant-scoped, subject-scoped and global counters of every
/// upstream the grant may use, as their grains hold them now: used, remaining, reset time, and the silo deciding.
/// Subject-scoped counters are those of <c>subject</c> (an access token's <c>sub</c>); without it, those of the grant's
/// static token (which counts as one user).
/// </summary>
internal static class CountersEndpoint
{
    public static async Task<IResult> GetAsync(string? grant, string? subject, GrantRegistry grants, PolicyStore policies, IGrainFactory grainFactory)
    {
        if (string.IsNullOrEmpty(grant) || grants.FindById(grant) is not { } found)
        {
            return AdminProblems.NotFound("not_found", "No such grant", "Name an existing grant: /admin/counters?grant=ID");
        }

        var views = new List<CounterView>();
        foreach (var upstream in found.Upstreams.Order(StringComparer.Ordinal))
        {
            var scope = new CallScope(upstream, found.Id, SessionId: null, Subject: string.IsNullOrEmpty(subject) ? null : subject);
            foreach (var rule in policies.Get(upstream).Counters.Values.Where(rule => rule.Scope != LimitScope.Session))
            {
                var key = CounterGate.KeyOf(scope, rule);
                var snapshot = await grainFactory.GetGrain<ICounterGrain>(key).PeekAsync();
                var untouched = snapshot.Limit is null;
                views.Add(new CounterView(
                    upstream,
                    rule.Counter,
                    rule.Scope.ToString().ToLowerInvariant(),
                    key,
                    rule.Algorithm.ToString(),
                    rule.Window.Seconds,
                    rule.Max,
                    snapshot.Used,
                    untouched ? rule.Max : snapshot.Remaining,
                    snapshot.ResetAt,
                    snapshot.Silo));
            }
        }

        return Results.Ok(new { grant = found.Id, counters = views });
    }
}
