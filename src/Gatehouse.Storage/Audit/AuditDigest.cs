using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Gatehouse.Storage.Audit;

/// <summary>
/// What the audit log keeps of a call's arguments by default: their top-level names and a SHA-256 of
/// their canonical JSON, never their values. The hash lets an operator check whether two calls had
/// the same arguments, or whether a call had the arguments they hold, without the log holding them.
/// </summary>
/// <remarks>
/// Canonical JSON: object members sorted by name (ordinal, UTF-16 code units), recursively; no
/// whitespace; strings and names re-encoded the same way whatever escapes the agent used; numbers
/// as the agent wrote them. No arguments (undefined or <c>null</c>) hash as <c>{}</c>.
/// </remarks>
public static class AuditDigest
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>The sorted, distinct top-level argument names and the lower-case hex SHA-256 of the canonical JSON.</summary>
    public static (IReadOnlyList<string> Names, string Sha256) Of(JsonElement arguments)
    {
        var names = arguments.ValueKind == JsonValueKind.Object
            ? arguments.EnumerateObject().Select(property => property.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray()
            : [];
        return (names, Convert.ToHexStringLower(SHA256.HashData(CanonicalUtf8(arguments))));
    }

    /// <summary>The canonical JSON of <paramref name="arguments"/>, for a policy that asks to record argument values.</summary>
    public static string CanonicalJson(JsonElement arguments) => Encoding.UTF8.GetString(CanonicalUtf8(arguments));

    private static byte[] CanonicalUtf8(JsonElement arguments)
    {
        if (arguments.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return "{}"u8.ToArray();
        }

        try
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                Write(writer, arguments);
            }

            return buffer.WrittenSpan.ToArray();
        }
        catch (InvalidOperationException)
        {
            // A string that is not valid UTF-16 (a lone surrogate escape) cannot be re-encoded; the
            // text as received still identifies the arguments, and a digest must never fail a call.
            return Encoding.UTF8.GetBytes(arguments.GetRawText());
        }
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(property => property.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(element.GetString());
                break;
            case JsonValueKind.Number:
                writer.WriteRawValue(element.GetRawText(), skipInputValidation: true);
                break;
            case JsonValueKind.True:
                writer.WriteBooleanValue(true);
                break;
            case JsonValueKind.False:
                writer.WriteBooleanValue(false);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}
