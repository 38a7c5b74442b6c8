using System.Text.Json;

namespace Gatehouse.Host.Admin;

/// <summary>
/// The body of <c>POST /admin/policies/{upstream}/explain</c>: a hypothetical call (<c>tool</c>, <c>arguments</c>,
/// <c>grant</c>), explained against the policy in force or, when <c>policy</c> is given, against that draft.
/// </summary>
internal sealed record PolicyExplainBody(string? Tool, JsonElement? Arguments, string? Grant, JsonElement? Policy);
