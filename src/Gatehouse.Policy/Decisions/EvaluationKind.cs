namespace Gatehouse.Policy;

/// <summary>What <see cref="PolicyEvaluator.Evaluate"/> concluded about a call.</summary>
public enum EvaluationKind
{
    /// <summary>The tool is hidden: answer as if it did not exist.</summary>
    Hidden,

    /// <summary>Refused before any budget is spent; <see cref="Evaluation.Refusal"/> says why.</summary>
    Refused,

    /// <summary>May be forwarded once every <see cref="Evaluation.Charges"/> is admitted by its counter.</summary>
    Admissible,

    /// <summary>Like <see cref="Admissible"/>, but held for a human decision under <see cref="Evaluation.Approval"/>.</summary>
    NeedsApproval,
}
