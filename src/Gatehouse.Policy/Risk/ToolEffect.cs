namespace Gatehouse.Policy;

/// <summary>What a tool does to the world, as <see cref="ToolRisk.Classify"/> judges it.</summary>
public enum ToolEffect
{
    /// <summary>Only reads: <c>readOnlyHint: true</c>, or a name such as <c>get_…</c>, <c>list_…</c>, <c>search_…</c>.</summary>
    Read,

    /// <summary>Changes state: files, records, settings, messages sent. Also the cautious answer when nothing is known.</summary>
    Write,

    /// <summary>Runs code or commands chosen by the caller (<c>exec</c>, <c>run</c>, <c>shell</c>, <c>eval</c>…).</summary>
    Execute,
}
