using Gatehouse.Grains.Pins;
using Gatehouse.Policy;

namespace Gatehouse.Gateway.Catalog;

/// <summary>One upstream tool as this replica knows it.</summary>
/// <param name="Definition">The definition the upstream serves now, as far as the cluster has seen (a pending change if there is one).</param>
/// <param name="Description">What the risk classifier and <c>risk_defaults</c> read.</param>
/// <param name="Risk">Effect and risk of <paramref name="Definition"/>.</param>
/// <param name="Pin">The tool's pin; null when the tool catalogue could not be reached when it was seen.</param>
/// <param name="Changed">Pinning is on and the upstream serves a definition that is not the pinned one: hidden and refused.</param>
internal sealed record CatalogedTool(ToolDefinition Definition, ToolDescription Description, RiskAssessment Risk, ToolPin? Pin, bool Changed);
