namespace Gatehouse.Policy;

/// <summary>The policy format's names for its enums.</summary>
internal static class PolicyNames
{
    public static readonly NameTable<DefaultAction> Defaults = new(("allow", DefaultAction.Allow), ("deny", DefaultAction.Deny));

    public static readonly NameTable<ToolAction> Actions = new(
        ("allow", ToolAction.Allow), ("deny", ToolAction.Deny), ("hide", ToolAction.Hide), ("approve", ToolAction.Approve));

    public static readonly NameTable<ApprovalBy> Approvers = new(("operator", ApprovalBy.Operator), ("user", ApprovalBy.User));

    public static readonly NameTable<LimitScope> Scopes = new(
        ("grant", LimitScope.Grant), ("session", LimitScope.Session), ("global", LimitScope.Global), ("subject", LimitScope.Subject));

    public static readonly NameTable<WindowAlgorithm> Algorithms = new(
        ("fixed", WindowAlgorithm.Fixed), ("sliding", WindowAlgorithm.Sliding), ("token_bucket", WindowAlgorithm.TokenBucket));

    public static readonly NameTable<RiskLevel> RiskLevels = new(("low", RiskLevel.Low), ("medium", RiskLevel.Medium), ("high", RiskLevel.High));
}
