using Gatehouse.Gateway.Catalog;
using Gatehouse.Gateway.Policies;
using Gatehouse.Grains.Pins;
using Gatehouse.Policy;
using Gatehouse.Policy.Tools;
using Gatehouse.Upstreams;

namespace Gatehouse.Host.Admin;

/// <summary>
/// <c>GET /admin/tools[?upstream=]</c>: every upstream's tools (listed afresh) with effect, risk, pin state
/// (and, for a changed definition, what changed), the decision the policy in force gives and why.
/// <c>POST /admin/tools/{upstream}/{tool}/accept</c>: makes a changed definition the tool's pin, on every
/// replica within a second; a body <c>{"sha256": "…"}</c> accepts only that definition.
/// </summary>
internal static class ToolsEndpoints
{
    public static async Task<IResult> ListAsync(string? upstream, UpstreamCatalog upstreams, ToolCatalog catalog, PolicyStore policies, CancellationToken cancellationToken)
    {
        if (upstream is not null && !upstreams.Upstreams.ContainsKey(upstream))
        {
            return NoUpstream(upstream);
        }

        var names = upstream is not null ? [upstream] : upstreams.Upstreams.Keys.Order(StringComparer.Ordinal).ToArray();
        await Task.WhenAll(names.Select(name => catalog.ListAsync(name, cancellationToken)));
        return Results.Ok(new
        {
            upstreams = names.Select(name =>
            {
                var policy = policies.InForce(name);
                return new
                {
                    name,
                    pin = catalog.IsPinning(name),
                    policyVersion = policy.Version,
                    tools = catalog.All(name).Select(tool => View(tool, policy.Document)),
                };
            }),
        });
    }

    public static async Task<IResult> AcceptAsync(string upstream, string tool, AcceptRequest? body, UpstreamCatalog upstreams, ToolCatalog catalog, PolicyStore policies, IGrainFactory grains)
    {
        if (!upstreams.Upstreams.ContainsKey(upstream))
        {
            return NoUpstream(upstream);
        }

        var grain = grains.GetGrain<IToolPinGrain>(upstream);
        if (!await grain.AcceptAsync(tool, body?.Sha256))
        {
            var pin = (await grain.GetAsync(null))?.Pins.FirstOrDefault(p => p.Tool == tool);
            return pin switch
            {
                null => AdminProblems.NotFound("not_found", "No such tool", $"Upstream '{upstream}' has no tool '{tool}' in the catalogue."),
                { Pending: null } => AdminProblems.Conflict("no_change", "Nothing to accept", $"Tool '{tool}' of '{upstream}' has no changed definition to accept."),
                _ => AdminProblems.Conflict("sha256_mismatch", "Definition changed since review", $"The pending definition of '{tool}' is {pin.Pending.Sha256}, not {body?.Sha256}; review it again."),
            };
        }

        if (await grain.GetAsync(catalog.PinsEtag(upstream)) is { } snapshot)
        {
            catalog.Adopt(upstream, snapshot);
        }

        var accepted = catalog.Find(upstream, tool)!;
        return Results.Ok(View(accepted, policies.InForce(upstream).Document));
    }

    private static object View(CatalogedTool tool, PolicyDocument policy)
    {
        var verdict = ToolVerdict.Of(policy, tool.Definition.Name, tool.Description);
        var decision = tool.Changed
            ? new { action = DecisionAction.ToolChanged.ToWire(), rule = (string?)null, why = "its definition changed since it was pinned; hidden and refused until the change is accepted" }
            : new { action = verdict.Action, rule = (string?)verdict.RulePointer, why = verdict.Why };
        return new
        {
            name = tool.Definition.Name,
            description = tool.Description.Description,
            effect = tool.Risk.Effect.ToString().ToLowerInvariant(),
            risk = tool.Risk.Risk.ToString().ToLowerInvariant(),
            riskWhy = tool.Risk.Why,
            decision,
            policy = new { action = verdict.Action, rule = verdict.RulePointer, why = verdict.Why, conditions = verdict.Conditions, counters = verdict.Counters },
            pin = PinView(tool),
        };
    }

    private static object PinView(CatalogedTool tool)
    {
        if (tool.Pin is not { } pin)
        {
            return new { state = "unpinned" };
        }

        if (pin.Pending is not { } pending)
        {
            return new { state = "pinned", sha256 = pin.Pinned.Sha256, pinnedAt = pin.PinnedAt };
        }

        return new
        {
            state = tool.Changed ? "changed" : "changed_unenforced",
            sha256 = pin.Pinned.Sha256,
            pinnedAt = pin.PinnedAt,
            pending = new { sha256 = pending.Sha256, changedAt = pin.ChangedAt },
            changes = DefinitionDiff.Between(pin.Pinned.Json, pending.Json).Select(d => new { path = d.Path, pinned = d.Pinned, now = d.Now }),
        };
    }

    private static IResult NoUpstream(string upstream) =>
        AdminProblems.NotFound("not_found", "No such upstream", $"No upstream named '{upstream}'.");
}

/// <summary>The body of <c>POST /admin/tools/{upstream}/{tool}/accept</c>: the definition the operator reviewed.</summary>
internal sealed record AcceptRequest(string? Sha256);
