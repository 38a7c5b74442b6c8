namespace Gatehouse.Policy;

/// <summary>The decisions and wording for calls the policy refuses. Messages name tools, arguments and
/// reasons from the policy, never a value the agent sent.</summary>
internal static class Refusals
{
    public static Decision ToolDenied(string tool, string? reason) => Deny(
        tool,
        string.IsNullOrWhiteSpace(reason) ? $"Tool '{tool}' is denied by policy" : $"Tool '{tool}' is denied by policy: {reason}");

    public static Decision NotAllowedByDefault(string tool) =>
        Deny(tool, $"Tool '{tool}' is not allowed by policy (default: deny)");

    public static Decision NotAllowedByRisk(string tool, RiskLevel risk, string? reason) => Deny(
        tool,
        string.IsNullOrWhiteSpace(reason)
            ? $"Tool '{tool}' is not allowed by policy ({risk.ToString().ToLowerInvariant()}-risk tools: deny)"
            : $"Tool '{tool}' is not allowed by policy: {reason}");

    public static Decision ConditionMatched(string tool, string reason) =>
        Deny(tool, $"Call to tool '{tool}' is denied by policy: {reason}");

    public static Decision MissingArguments(string tool, IEnumerable<string> missing) =>
        Invalid(tool, $"Tool '{tool}' requires arguments that are missing: {string.Join(", ", missing)}");

    public static Decision SchemaFailed(string tool, IEnumerable<string> errors) =>
        Invalid(tool, $"Arguments of tool '{tool}' do not match its schema: {string.Join("; ", errors)}");

    public static Decision BadCostArgument(string tool, string argument, string counter) =>
        Invalid(tool, $"Argument '{argument}' of tool '{tool}' must be a positive number: it is the amount spent from limit '{counter}'");

    private static Decision Deny(string tool, string message) => new(DecisionAction.Deny, tool, message, null);

    private static Decision Invalid(string tool, string message) => new(DecisionAction.InvalidArguments, tool, message, null);
}
