namespace Gatehouse.Policy;

/// <summary>What happens to a tool the policy's <c>tools</c> map does not name (JSON key <c>default</c>).</summary>
/// <remarks>Absent from the document means <see cref="Deny"/>: a gateway fails closed.</remarks>
public enum DefaultAction
{
    /// <summary><c>"allow"</c>: unlisted tools are admitted, subject to the <c>all_tools</c> limits.</summary>
    Allow,

    /// <summary><c>"deny"</c> (the default): unlisted tools are refused.</summary>
    Deny,
}
