using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Gatehouse.Policy.Json;

/// <summary>
/// The one canonical JSON writer: object members sorted by name (ordinal, UTF-16 code units) at every
/// depth, no whitespace, strings and names re-encoded the same way whatever escapes the sender used,
/// numbers as the sender wrote them. No value (undefined or <c>null</c>) is <c>{}</c>. Equal values give
/// equal text, and so equal digests.
/// </summary>
/// <remarks>
/// The escaping is the caller's: digests already stored (tool pins, pending approvals) were made with
/// the default encoder, which escapes non-ASCII and HTML-sensitive characters, while the audit log keeps
/// text an operator reads (<see cref="Readable"/>). A string that is not valid UTF-16 (a lone surrogate
/// escape) cannot be re-encoded; the text as received stands in for it, since a digest must never fail.
/// </remarks>
public static class CanonicalJson
{
    /// <summary>Escapes only what JSON requires, so the text reads as the sender meant it.</summary>
    public static readonly JavaScriptEncoder Readable = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>The canonical UTF-8 of <paramref name="value"/>; <paramref name="encoder"/> null is the default (escaping) encoder.</summary>
    public static byte[] Utf8(JsonElement value, JavaScriptEncoder? encoder = null)
    {
        if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return "{}"u8.ToArray();
        }

        try
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = encoder, Indented = false }))
            {
                Write(writer, value);
            }

            return buffer.WrittenSpan.ToArray();
        }
        catch (InvalidOperationException)
        {
            return Encoding.UTF8.GetBytes(value.GetRawText());
        }
    }

    /// <summary>The canonical JSON of <paramref name="value"/> as text.</summary>
    public static string Text(JsonElement value, JavaScriptEncoder? encoder = null) => Encoding.UTF8.GetString(Utf8(value, encoder));

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
