namespace Gatehouse.Policy;

/// <summary>One fault found in a policy document.</summary>
/// <param name="Path">Where: <c>tools.echo.limits[0].max</c>; keys that are not plain names are quoted
/// (<c>tools["a.b"]</c>); <c>$</c> is the document itself.</param>
/// <param name="Message">What is wrong, naming the expected type or values.</param>
public sealed record PolicyFault(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
