namespace Gatehouse.Policy;

/// <summary>The outcome of <see cref="ArgumentSchema.Validate"/>.</summary>
/// <param name="IsValid">True when the arguments satisfy the schema.</param>
/// <param name="Errors">One line per failure: the instance location (a JSON pointer, <c>(root)</c> for the
/// arguments object), the failed keyword and what it demands. Argument values are never included.</param>
public sealed record ArgumentValidation(bool IsValid, IReadOnlyList<string> Errors)
{
    internal static ArgumentValidation Valid { get; } = new(true, []);
}
