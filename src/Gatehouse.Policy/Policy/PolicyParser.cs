using System.Text;
using System.Text.Json;

namespace Gatehouse.Policy;

/// <summary>Parses and validates policy documents. Comments and trailing commas are allowed; every fault is
/// collected, each with the path of the offending key (<c>tools.echo.limits[0].max</c>).</summary>
public static class PolicyParser
{
    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Parses a policy from JSON text.</summary>
    public static PolicyParseResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Parses a policy from UTF-8 JSON (a leading byte order mark is allowed).</summary>
    public static PolicyParseResult Parse(ReadOnlySpan<byte> utf8Json)
    {
        var faults = new FaultCollector();
        using var document = ReadJson(utf8Json, faults);
        var policy = document is null ? null : DocumentReader.Read(document.RootElement, faults);
        return new PolicyParseResult(faults.Count == 0 ? policy : null, faults.Faults);
    }

    private static JsonDocument? ReadJson(ReadOnlySpan<byte> utf8Json, FaultCollector faults)
    {
        // Editors on Windows save policies with a byte order mark, which the reader would reject.
        var json = utf8Json.StartsWith(Encoding.UTF8.Preamble) ? utf8Json[Encoding.UTF8.Preamble.Length..] : utf8Json;
        var reader = new Utf8JsonReader(json, ReaderOptions);
        JsonDocument? document = null;
        try
        {
            document = JsonDocument.ParseValue(ref reader);

            // ParseValue stops after one value; anything but comments after it is an error (Read throws for most).
            if (!reader.Read())
            {
                return document;
            }

            document.Dispose();
            faults.Add(FaultPath.Root, "invalid JSON: unexpected content after the policy object");
            return null;
        }
        catch (JsonException ex)
        {
            document?.Dispose();
            faults.Add(FaultPath.Root, InvalidJsonMessage(ex));
            return null;
        }
    }

    private static string InvalidJsonMessage(JsonException ex)
    {
        var text = ex.Message;
        var cut = text.IndexOf(" LineNumber:", StringComparison.Ordinal);
        text = (cut >= 0 ? text[..cut] : text).TrimEnd(' ', '|', '.');
        return ex.LineNumber is { } line
            ? $"invalid JSON at line {line + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}: {text}"
            : $"invalid JSON: {text}";
    }
}
