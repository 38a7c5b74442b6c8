namespace Gatehouse.Policy;

/// <summary>The operator of one <c>deny_if</c> condition.</summary>
public enum ConditionKind
{
    /// <summary><c>eq</c>: the argument is JSON-equal to the operand (numbers numerically, strings ordinally).</summary>
    Eq,

    /// <summary><c>in</c>: the argument is JSON-equal to any element of the operand array.</summary>
    In,

    /// <summary><c>lt</c>: the argument is a number less than the operand.</summary>
    Lt,

    /// <summary><c>gt</c>: the argument is a number greater than the operand.</summary>
    Gt,

    /// <summary><c>regex</c>: the argument is a string the .NET regular expression matches.</summary>
    Regex,

    /// <summary><c>exists</c>: <c>true</c> matches a present, non-null argument; <c>false</c> an absent (or null) one.</summary>
    Exists,
}
