using System.Text.Json;
using System.Text.Unicode;

namespace Gatehouse.Gateway.Front.Messages;

/// <summary>
/// Reads one agent message once, strictly, before anything acts on it: valid JSON, one object, a
/// well-formed JSON-RPC 2.0 envelope, no member name twice in any object and no string that cannot be
/// decoded (a lone surrogate, bytes that are not UTF-8). Policy decides on what is forwarded only
/// because two readers of an accepted message cannot see two different messages.
/// </summary>
internal static class MessageInspector
{
    /// <summary>Deepest nesting accepted; deeper messages are refused as unreadable.</summary>
    public const int MaxDepth = 64;

    private const string CancelledMethod = "notifications/cancelled";
    private const string TaskMethodPrefix = "tasks/";

    public static InspectedMessage Inspect(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
        var path = new MessagePath();
        var envelope = new Envelope();
        try
        {
            if (!reader.Read())
            {
                return Refused(MessageFault.ParseError, "The body is empty: send one JSON-RPC message.");
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return Refused(MessageFault.InvalidRequest, reader.TokenType == JsonTokenType.StartArray
                    ? "Batches are not supported: send one JSON-RPC message per request."
                    : "A JSON-RPC message must be a JSON object.");
            }

            var fault = ReadEnvelope(ref reader, path, ref envelope);
            if (fault is null && reader.Read())
            {
                fault = new MessageFault(MessageFault.ParseError, "The body holds more than one JSON value: send one JSON-RPC message.");
            }

            return fault is null ? Classify(envelope) : new InspectedMessage(MessageKind.Request, null, envelope.Id, null, fault);
        }
        catch (JsonException ex)
        {
            return Refused(MessageFault.ParseError, $"The body is not a JSON-RPC message: it is not valid JSON ({ex.Message})");
        }
    }

    private static InspectedMessage Refused(int code, string message) => new(MessageKind.Request, null, null, null, new MessageFault(code, message));

    /// <summary>Reads a member's name, refusing one that does not decode or that the object already has, and moves to its value.</summary>
    private static MessageFault? ReadMemberName(ref Utf8JsonReader reader, MessagePath path, HashSet<string> seen, out string name)
    {
        if (!TryReadString(ref reader, out name))
        {
            return Undecodable(path.With(null) + " (a member name)");
        }

        if (!seen.Add(name))
        {
            return Duplicate(path, name);
        }

        reader.Read();
        return null;
    }

    private static MessageFault? ReadEnvelope(ref Utf8JsonReader reader, MessagePath path, ref Envelope envelope)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (ReadMemberName(ref reader, path, seen, out var name) is { } nameFault)
            {
                return nameFault;
            }

            var fault = name switch
            {
                "jsonrpc" => ReadVersion(ref reader),
                "id" => ReadId(ref reader, ref envelope),
                "method" => ReadMethod(ref reader, ref envelope),
                "params" => ReadParams(ref reader, path, ref envelope),
                _ => ReadValue(ref reader, path, name),
            };
            if (fault is not null)
            {
                return fault;
            }

            envelope.HasResult |= name == "result";
            envelope.HasError |= name == "error";
            envelope.HasVersion |= name == "jsonrpc";
        }

        return null;
    }

    private static MessageFault? ReadVersion(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("2.0"u8)
            ? null
            : new MessageFault(MessageFault.InvalidRequest, "Member 'jsonrpc' must be the string \"2.0\".");

    private static MessageFault? ReadId(ref Utf8JsonReader reader, ref Envelope envelope)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String when TryReadString(ref reader, out var text):
                envelope.Id = new MessageId(text, IsString: true);
                envelope.HasId = true;
                return null;
            case JsonTokenType.Number when reader.TryGetInt64(out var number):
                envelope.Id = new MessageId(number.ToString(System.Globalization.CultureInfo.InvariantCulture), IsString: false);
                envelope.HasId = true;
                return null;
            case JsonTokenType.Null:
                envelope.HasNullId = true;
                return null;
            default:
                return new MessageFault(MessageFault.InvalidRequest, "Member 'id' must be a string or an integer.");
        }
    }

    private static MessageFault? ReadMethod(ref Utf8JsonReader reader, ref Envelope envelope)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return new MessageFault(MessageFault.InvalidRequest, $"Member 'method' must be a string, not {Describe(reader.TokenType)}.");
        }

        if (!TryReadString(ref reader, out var method))
        {
            return Undecodable("method");
        }

        envelope.Method = method;
        return null;
    }

    private static MessageFault? ReadParams(ref Utf8JsonReader reader, MessagePath path, ref Envelope envelope)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return new MessageFault(MessageFault.InvalidParams, $"Member 'params' must be an object, not {Describe(reader.TokenType)}.");
        }

        path.PushMember("params");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (ReadMemberName(ref reader, path, seen, out var name) is { } nameFault)
            {
                return nameFault;
            }

            if (name == "_meta" && reader.TokenType != JsonTokenType.StartObject)
            {
                // Read by every layer (trace context, protocol fields) before any handler: refused here, once.
                return new MessageFault(MessageFault.InvalidParams, $"Member 'params._meta' must be an object, not {Describe(reader.TokenType)}.");
            }

            if (name == "requestId" && reader.TokenType is JsonTokenType.String or JsonTokenType.Number)
            {
                envelope.RequestIdParam = reader.TokenType == JsonTokenType.Number
                    ? System.Text.Encoding.UTF8.GetString(reader.ValueSpan)
                    : TryReadString(ref reader, out var text) ? text : null;
            }

            if (name == "taskId" && reader.TokenType == JsonTokenType.String)
            {
                envelope.TaskIdParam = TryReadString(ref reader, out var task) ? task : null;
            }

            if (ReadValue(ref reader, path, name) is { } fault)
            {
                return fault;
            }
        }

        path.Pop();
        return null;
    }

    /// <summary>Reads the value the reader is on (and everything inside it), checking names and strings.</summary>
    private static MessageFault? ReadValue(ref Utf8JsonReader reader, MessagePath path, string member)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return TryReadString(ref reader, out _) ? null : Undecodable(path.With(member));
            case JsonTokenType.StartObject:
                path.PushMember(member);
                var objectFault = ReadObject(ref reader, path);
                path.Pop();
                return objectFault;
            case JsonTokenType.StartArray:
                path.PushMember(member);
                var arrayFault = ReadArray(ref reader, path);
                path.Pop();
                return arrayFault;
            default:
                return null;
        }
    }

    private static MessageFault? ReadObject(ref Utf8JsonReader reader, MessagePath path)
    {
        HashSet<string>? seen = null;
        string? only = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!TryReadString(ref reader, out var name))
            {
                return Undecodable(path.With(null) + " (a member name)");
            }

            // Most objects are small: the first name needs no set.
            if (only is null && seen is null)
            {
                only = name;
            }
            else
            {
                seen ??= new HashSet<string>(StringComparer.Ordinal) { only! };
                if (!seen.Add(name))
                {
                    return Duplicate(path, name);
                }
            }

            reader.Read();
            if (ReadValue(ref reader, path, name) is { } fault)
            {
                return fault;
            }
        }

        return null;
    }

    private static MessageFault? ReadArray(ref Utf8JsonReader reader, MessagePath path)
    {
        var index = 0;
        path.PushIndex(0);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            path.SetIndex(index++);
            var fault = reader.TokenType switch
            {
                JsonTokenType.String => TryReadString(ref reader, out _) ? null : Undecodable(path.With(null)),
                JsonTokenType.StartObject => ReadObject(ref reader, path),
                JsonTokenType.StartArray => ReadArray(ref reader, path),
                _ => null,
            };
            if (fault is not null)
            {
                return fault;
            }
        }

        path.Pop();
        return null;
    }

    /// <summary>Decodes a string or member name; false for a lone surrogate escape or bytes that are not UTF-8.</summary>
    private static bool TryReadString(ref Utf8JsonReader reader, out string text)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence && !Utf8.IsValid(reader.ValueSpan))
        {
            text = string.Empty;
            return false;
        }

        try
        {
            text = reader.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            text = string.Empty;
            return false;
        }
    }

    private static InspectedMessage Classify(Envelope envelope)
    {
        if (!envelope.HasVersion)
        {
            return Invalid(envelope, "Member 'jsonrpc' must be the string \"2.0\".");
        }

        if (envelope.Method is { } method)
        {
            if (envelope.HasResult || envelope.HasError)
            {
                return Invalid(envelope, "A message with a 'method' cannot also carry a 'result' or an 'error'.");
            }

            if (envelope.HasNullId)
            {
                return Invalid(envelope, "Member 'id' of a request must be a string or an integer, not null.");
            }

            var cancelled = method == CancelledMethod ? envelope.RequestIdParam : null;
            return new InspectedMessage(envelope.HasId ? MessageKind.Request : MessageKind.Notification, method, envelope.Id, cancelled, null)
            {
                TaskId = method.StartsWith(TaskMethodPrefix, StringComparison.Ordinal) ? envelope.TaskIdParam : null,
            };
        }

        if (envelope.HasResult == envelope.HasError)
        {
            return Invalid(envelope, envelope.HasResult
                ? "A response carries a 'result' or an 'error', not both."
                : "A JSON-RPC message needs a 'method' (request or notification) or a 'result' or 'error' (response).");
        }

        if (!envelope.HasId && !envelope.HasNullId)
        {
            return Invalid(envelope, "A response needs the 'id' of the request it answers.");
        }

        return new InspectedMessage(MessageKind.Response, null, envelope.Id, null, null);
    }

    private static InspectedMessage Invalid(Envelope envelope, string message) =>
        new(MessageKind.Request, envelope.Method, envelope.Id, null, new MessageFault(MessageFault.InvalidRequest, message));

    private static MessageFault Duplicate(MessagePath path, string name) =>
        new(MessageFault.InvalidRequest, $"Member '{path.With(name)}' appears more than once; each member may appear once.");

    private static MessageFault Undecodable(string where) =>
        new(MessageFault.ParseError, $"The string at '{where}' cannot be decoded (a lone surrogate escape, or bytes that are not UTF-8).");

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "a string",
    };

    /// <summary>The envelope's members as read so far.</summary>
    private struct Envelope
    {
        public string? Method;
        public MessageId? Id;
        public bool HasId;
        public bool HasNullId;
        public bool HasResult;
        public bool HasError;
        public bool HasVersion;
        public string? RequestIdParam;
        public string? TaskIdParam;
    }
}
