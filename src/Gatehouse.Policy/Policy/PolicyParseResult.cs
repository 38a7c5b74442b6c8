namespace Gatehouse.Policy;

/// <summary>The outcome of <see cref="PolicyParser.Parse(string)"/>.</summary>
/// <param name="Policy">The parsed policy; null whenever there is a fault.</param>
/// <param name="Faults">Every fault found, in the order found; empty when the policy is valid.</param>
public sealed record PolicyParseResult(PolicyDocument? Policy, IReadOnlyList<PolicyFault> Faults)
{
    /// <summary>True when the document parsed without a single fault.</summary>
    public bool IsValid => Policy is not null && Faults.Count == 0;
}
