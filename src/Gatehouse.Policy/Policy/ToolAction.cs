namespace Gatehouse.Policy;

/// <summary>The <c>action</c> of one entry in <c>tools</c>. Absent means <see cref="Allow"/>.</summary>
public enum ToolAction
{
    /// <summary><c>"allow"</c> (the default): admitted, subject to the tool's conditions and limits.</summary>
    Allow,

    /// <summary><c>"deny"</c>: left out of lists and refused, with the rule's <c>reason</c>.</summary>
    Deny,

    /// <summary><c>"hide"</c>: left out of lists and refused as an unknown tool.</summary>
    Hide,

    /// <summary><c>"approve"</c>: held until a human decides or the approval times out.</summary>
    Approve,
}
