using System.Text;
using Gatehouse.Gateway.Policies;
using Gatehouse.Grains.Policies;
using Gatehouse.Policy;
using Gatehouse.Policy.Json;

namespace Gatehouse.Host.Admin;

/// <summary>
/// <c>GET /admin/policies/{upstream}</c>: the policy in force with its revision.
/// <c>PUT /admin/policies/{upstream}</c>: replaces it (validated; an invalid document is refused with
/// every fault's path and the policy in force stays). Every replica enforces the new revision within a second.
/// </summary>
internal static class PoliciesEndpoints
{
    public static IResult Get(string upstream, PolicyStore policies) =>
        policies.TryInForce(upstream, out var policy)
            ? Results.Ok(View(upstream, policy))
            : AdminProblems.NotFound("not_found", "No such upstream", $"No upstream named '{upstream}'.");

    public static async Task<IResult> PutAsync(string upstream, HttpRequest request, PolicyStore policies, IGrainFactory grains)
    {
        if (!policies.TryInForce(upstream, out _))
        {
            return AdminProblems.NotFound("not_found", "No such upstream", $"No upstream named '{upstream}'.");
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var json = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        var parsed = PolicyParser.Parse(json);
        if (!parsed.IsValid)
        {
            return AdminProblems.Of(StatusCodes.Status400BadRequest, "invalid_policy", "Invalid policy", "The policy is invalid; the policy in force stays.",
                [new("faults", parsed.Faults.Select(fault => new { path = fault.Path, message = fault.Message }))]);
        }

        var revision = await grains.GetGrain<IPolicyGrain>(upstream).PutAsync(json, Sha256Hex.Of(json));
        var inForce = new PolicyInForce(parsed.Policy!, json, revision.Revision, revision.Source);
        policies.Adopt(upstream, inForce);
        return Results.Ok(View(upstream, inForce));
    }

    private static object View(string upstream, PolicyInForce policy) => new
    {
        upstream,
        revision = policy.Revision,
        version = policy.Version,
        source = policy.Source,
        policy = System.Text.Json.JsonDocument.Parse(policy.Json).RootElement,
    };
}
