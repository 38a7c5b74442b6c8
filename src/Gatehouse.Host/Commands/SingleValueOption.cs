using System.CommandLine;

namespace Gatehouse.Host.Commands;

/// <summary>
/// An option that takes exactly one value and may be given once. Its faults read as they always have
/// (<c>--tool needs a value</c>, <c>--tool is given twice</c>) rather than in the parser's own words.
/// </summary>
internal static class SingleValueOption
{
    /// <summary>An option named <paramref name="name"/> whose value names itself <paramref name="valueName"/> in the help.</summary>
    public static Option<string> Create(string name, string valueName, string description) => new(name)
    {
        Description = description,
        HelpName = valueName,

        // Zero or more tokens reach the parser below, so a missing or repeated value is reported in our words.
        Arity = ArgumentArity.ZeroOrMore,
        CustomParser = result =>
        {
            switch (result.Tokens.Count)
            {
                case 0:
                    result.AddError($"{name} needs a value");
                    return null;
                case > 1:
                    result.AddError($"{name} is given twice");
                    return null;
                default:
                    return result.Tokens[0].Value;
            }
        },
    };
}
