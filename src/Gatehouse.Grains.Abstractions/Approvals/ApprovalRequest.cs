namespace Gatehouse.Grains.Approvals;

/// <summary>What is asked to be approved.</summary>
/// <param name="GrantId">The agent's grant.</param>
/// <param name="Upstream">The upstream.</param>
/// <param name="Tool">The tool, by its upstream name.</param>
/// <param name="ArgumentsJson">The call's arguments, shown to the operator who decides.</param>
/// <param name="By"><c>operator</c> (the admin API) or <c>user</c> (the agent's human, asked by elicitation).</param>
/// <param name="TimeoutSeconds">How long the request waits for a decision.</param>
/// <param name="Rule">The policy rule that asked for approval (a JSON pointer), shown to the operator; null from older replicas.</param>
/// <param name="Risk">The tool's risk class (<c>low</c>, <c>medium</c>, <c>high</c>) when the catalogue knows it.</param>
[GenerateSerializer, Immutable, Alias("Gatehouse.ApprovalRequest")]
public sealed record ApprovalRequest(
    [property: Id(0)] string GrantId,
    [property: Id(1)] string Upstream,
    [property: Id(2)] string Tool,
    [property: Id(3)] string ArgumentsJson,
    [property: Id(4)] string By,
    [property: Id(5)] int TimeoutSeconds,
    [property: Id(6)] string? Rule = null,
    [property: Id(7)] string? Risk = null);
