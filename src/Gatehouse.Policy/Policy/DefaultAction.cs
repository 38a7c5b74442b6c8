namespace Gatehouse.Policy;

/// <summary>What happens to a tool the policy's <c>tools</c> map does not name (JSON key <c>default</c>).</summary>
/// <remarks>Absent from the document means <see cref="Deny"/>: a gateway fails closed. For a tool whose risk is known,
/// an entry of <c>risk_defaults</c> for that risk takes precedence (<see cref="PolicyDocument.RiskDefaults"/>).</remarks>
public enum DefaultAction
{
    /// <summary><c>"allow"</c>: unlisted tools are admitted, subject to the <c>all_tools</c> limits.</summary>
    Allow,

    /// <summary><c>"deny"</c> (the default): unlisted tools are refused.</summary>
    Deny,
}
