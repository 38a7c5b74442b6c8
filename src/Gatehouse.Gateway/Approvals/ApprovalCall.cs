namespace Gatehouse.Gateway.Approvals;

/// <summary>A call as its approval knows it; <paramref name="Id"/> is the digest that binds the approval to exactly this call.</summary>
internal sealed record ApprovalCall(string Id, string GrantId, string Upstream, string Tool, string ArgumentsJson)
{
    /// <summary>The rule that asked for approval (a JSON pointer), shown to the operator.</summary>
    public string? Rule { get; init; }

    /// <summary>The tool's risk class when the catalogue knows it, shown to the operator.</summary>
    public string? Risk { get; init; }
}
