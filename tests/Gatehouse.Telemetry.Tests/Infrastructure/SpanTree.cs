using System.Diagnostics;
using System.Text;

namespace Gatehouse.Telemetry.Tests.Infrastructure;

/// <summary>The recorded spans of one trace, navigable by their parent links.</summary>
internal sealed class SpanTree(IReadOnlyList<Activity> spans)
{
    public IReadOnlyList<Activity> Spans => spans;

    /// <summary>Spans from <paramref name="source"/> named <paramref name="name"/>.</summary>
    public IEnumerable<Activity> Named(string source, string name) =>
        spans.Where(span => span.Source.Name == source && span.DisplayName == name);

    public IEnumerable<Activity> From(string source, ActivityKind kind) =>
        spans.Where(span => span.Source.Name == source && span.Kind == kind);

    public Activity? ParentOf(Activity span) => spans.FirstOrDefault(candidate => candidate.SpanId == span.ParentSpanId);

    public IEnumerable<Activity> ChildrenOf(Activity span) => spans.Where(candidate => candidate.ParentSpanId == span.SpanId);

    public bool IsDescendantOf(Activity span, Activity ancestor)
    {
        for (var parent = ParentOf(span); parent is not null; parent = ParentOf(parent))
        {
            if (parent.SpanId == ancestor.SpanId)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The tree as text, for failure messages and test output: one span a line, children indented.</summary>
    public string Render()
    {
        var text = new StringBuilder();
        foreach (var root in spans.Where(span => ParentOf(span) is null).OrderBy(span => span.StartTimeUtc))
        {
            Render(root, 0, text);
        }

        return text.ToString();
    }

    private void Render(Activity span, int depth, StringBuilder text)
    {
        text.Append(' ', depth * 2).Append("- ").Append(span.DisplayName)
            .Append("  [").Append(span.Source.Name).Append(", ").Append(span.Kind).Append(']');
        if (depth == 0 && span.ParentSpanId != default)
        {
            text.Append("  (parent ").Append(span.ParentSpanId).Append(" not recorded)");
        }

        foreach (var link in span.Links)
        {
            text.Append("  (link to ").Append(spans.FirstOrDefault(s => s.SpanId == link.Context.SpanId)?.DisplayName ?? link.Context.SpanId.ToString()).Append(')');
        }

        text.AppendLine();
        foreach (var child in ChildrenOf(span).OrderBy(child => child.StartTimeUtc))
        {
            Render(child, depth + 1, text);
        }
    }
}
