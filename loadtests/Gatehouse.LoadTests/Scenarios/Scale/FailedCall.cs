using System.Globalization;
using System.Text;
using Gatehouse.LoadTests.Reports;

namespace Gatehouse.LoadTests.Scenarios.Scale;

/// <summary>A call that got no answer from the policy or the tool, or a refusal other than the rate limit.</summary>
/// <param name="Seconds">When it started, in seconds since the load began.</param>
/// <param name="Phase">The phase it started in.</param>
/// <param name="Tool">The tool called.</param>
/// <param name="Agent">The agent (within the tool's group).</param>
/// <param name="LatencyMs">How long until it failed.</param>
/// <param name="Error">Its kind (<c>http 500</c>, <c>mcp -32603</c>, <c>refused unavailable</c>).</param>
/// <param name="Detail">What the failure said.</param>
internal sealed record FailedCall(double Seconds, string Phase, string Tool, int Agent, double LatencyMs, string Error, string? Detail)
{
    /// <summary>Appends "Failed calls: none." or their count and a table of them.</summary>
    public static void AppendTo(StringBuilder text, IReadOnlyList<FailedCall> failures)
    {
        if (failures.Count == 0)
        {
            text.Append("Failed calls: none.\n");
            return;
        }

        var table = new MarkdownTable("at s", "phase", "tool", "agent", "after ms", "error", "detail");
        foreach (var f in failures)
        {
            table.Row(f.Seconds.ToString("0.00", CultureInfo.InvariantCulture), f.Phase, f.Tool, f.Agent, MarkdownTable.Ms(f.LatencyMs), f.Error, MarkdownTable.Cell(f.Detail));
        }

        text.Append(CultureInfo.InvariantCulture, $"Failed calls: {failures.Count}.\n\n").Append(table);
    }
}
