namespace Gatehouse.Host.Commands;

/// <summary>What <c>gatehouse policy explain</c> was asked: the policy file, the call, and the names that fill in counter keys.</summary>
/// <param name="PolicyFile">Path of the policy document (<c>--policy</c>).</param>
/// <param name="Tool">The tool called (<c>--tool</c>).</param>
/// <param name="Arguments">The call's arguments as a JSON object (<c>--args</c>), or null for none.</param>
/// <param name="Grant">The calling grant (<c>--grant</c>), or null to show <c>{grant}</c> in counter keys.</param>
/// <param name="Upstream">The upstream (<c>--upstream</c>), or null to show <c>{upstream}</c> in counter keys.</param>
/// <param name="Annotations">The tool's MCP annotations as JSON (<c>--annotations</c>), or null.</param>
/// <param name="Description">The tool's description (<c>--description</c>), or null.</param>
internal sealed record PolicyExplainRequest(
    string PolicyFile, string Tool, string? Arguments, string? Grant, string? Upstream, string? Annotations, string? Description);
