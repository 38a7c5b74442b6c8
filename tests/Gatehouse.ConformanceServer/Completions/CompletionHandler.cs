using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.ConformanceServer.Completions;

/// <summary><c>completion/complete</c> for prompt arguments and the template's <c>id</c> (scenario completion-complete).</summary>
internal static class CompletionHandler
{
    private static readonly Dictionary<string, string[]> CandidatesByArgument = new(StringComparer.Ordinal)
    {
        ["arg1"] = ["paris", "park", "party", "test-value-1"],
        ["arg2"] = ["alpha", "beta", "test-value-2"],
        ["resourceUri"] = ["test://static-text", "test://static-binary", "test://watched-resource"],
        ["id"] = ["1", "2", "3", "123"],
    };

    public static ValueTask<CompleteResult> CompleteAsync(RequestContext<CompleteRequestParams> context, CancellationToken cancellationToken)
    {
        var argument = context.Params?.Argument;
        var values = argument is not null && CandidatesByArgument.TryGetValue(argument.Name, out var candidates)
            ? candidates.Where(candidate => candidate.StartsWith(argument.Value, StringComparison.OrdinalIgnoreCase)).ToList()
            : [];

        return ValueTask.FromResult(new CompleteResult
        {
            Completion = new Completion { Values = values, Total = values.Count, HasMore = false },
        });
    }
}
