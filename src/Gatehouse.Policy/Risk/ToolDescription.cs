namespace Gatehouse.Policy;

/// <summary>What an upstream says about one of its tools in <c>tools/list</c>: the input of <see cref="ToolRisk.Classify"/>.</summary>
/// <param name="Name">The tool's name as the upstream lists it.</param>
/// <param name="Description">The tool's description; null when the upstream gives none.</param>
/// <param name="Hints">The behaviour hints of the tool's <c>annotations</c>; <see cref="ToolAnnotationsHints.None"/> when it has none.</param>
public sealed record ToolDescription(string Name, string? Description, ToolAnnotationsHints Hints);
