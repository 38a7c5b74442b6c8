using System.Text.Json;
using Gatehouse.Policy.Json;

namespace Gatehouse.Policy.Audit;

/// <summary>
/// What the audit log keeps of a call's arguments by default: their top-level names and a SHA-256 of
/// their <see cref="Json.CanonicalJson"/> (readable escaping), never their values. The hash lets an
/// operator check whether two calls had the same arguments, or whether a call had the arguments they
/// hold, without the log holding them. No arguments (undefined or <c>null</c>) hash as <c>{}</c>.
/// </summary>
public static class AuditDigest
{
    /// <summary>The sorted, distinct top-level argument names and the lower-case hex SHA-256 of the canonical JSON.</summary>
    public static (IReadOnlyList<string> Names, string Sha256) Of(JsonElement arguments)
    {
        var names = arguments.ValueKind == JsonValueKind.Object
            ? arguments.EnumerateObject().Select(property => property.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray()
            : [];
        return (names, Sha256Hex.Of(Json.CanonicalJson.Utf8(arguments, Json.CanonicalJson.Readable)));
    }

    /// <summary>The canonical JSON of <paramref name="arguments"/>, for a policy that asks to record argument values.</summary>
    public static string CanonicalJson(JsonElement arguments) => Json.CanonicalJson.Text(arguments, Json.CanonicalJson.Readable);
}
