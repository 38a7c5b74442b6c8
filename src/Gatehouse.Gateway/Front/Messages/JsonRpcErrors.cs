using System.Text.Json;

namespace Gatehouse.Gateway.Front.Messages;

/// <summary>Writes a JSON-RPC error as a whole HTTP answer, for messages refused before the MCP transport.</summary>
internal static class JsonRpcErrors
{
    public static async Task WriteAsync(HttpContext context, int status, MessageId? id, MessageFault fault)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("jsonrpc", "2.0");
        json.WritePropertyName("id");
        switch (id)
        {
            case { IsString: true } text:
                json.WriteStringValue(text.Text);
                break;
            case { } number:
                json.WriteRawValue(number.Text);
                break;
            default:
                json.WriteNullValue();
                break;
        }

        json.WriteStartObject("error");
        json.WriteNumber("code", fault.Code);
        json.WriteString("message", fault.Message);
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }
}
