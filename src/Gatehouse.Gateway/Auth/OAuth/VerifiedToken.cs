using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Gatehouse.Gateway.Auth.OAuth;

/// <summary>
/// A checked token's claims (from a verified JWT, or from the issuer's introspection answer) and its issuer's name,
/// or why it was refused.
/// </summary>
internal sealed record VerifiedToken(IReadOnlyDictionary<string, IReadOnlyList<string>>? Claims, string? IssuerName, string? Failure)
{
    public static VerifiedToken Valid(JsonWebToken token, string issuerName) =>
        new(token.Claims.GroupBy(claim => claim.Type, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, IReadOnlyList<string> (group) => [.. group.Select(claim => claim.Value)], StringComparer.Ordinal), issuerName, null);

    /// <summary>From an introspection answer's members: a string is one value, an array each of its elements, anything else its JSON text.</summary>
    public static VerifiedToken Introspected(JsonElement answer, string issuerName) =>
        new(answer.EnumerateObject().ToDictionary(member => member.Name, member => ValuesOf(member.Value), StringComparer.Ordinal), issuerName, null);

    public static VerifiedToken Failed(string why) => new(null, null, why);

    /// <summary>The token's <c>sub</c>.</summary>
    public string? Subject => ValuesOf("sub").FirstOrDefault();

    /// <summary>The client the token was issued to: <c>client_id</c>, else <c>azp</c>.</summary>
    public string? ClientId => ValuesOf("client_id").FirstOrDefault() ?? ValuesOf("azp").FirstOrDefault();

    /// <summary>A claim's values: each element of an array claim, and each word of <c>scope</c>.</summary>
    public IReadOnlyList<string> ValuesOf(string claim)
    {
        if (Claims is null || !Claims.TryGetValue(claim, out var values))
        {
            return [];
        }

        return claim == "scope" ? [.. values.SelectMany(scope => scope.Split(' ', StringSplitOptions.RemoveEmptyEntries))] : values;
    }

    private static IReadOnlyList<string> ValuesOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Array => [.. value.EnumerateArray().Select(element => element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText())],
        _ => [value.GetRawText()],
    };
}
