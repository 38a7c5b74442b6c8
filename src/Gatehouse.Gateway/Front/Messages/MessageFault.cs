namespace Gatehouse.Gateway.Front.Messages;

/// <summary>
/// Why a message was refused before anything acted on it: a JSON-RPC error code (<c>-32700</c> for
/// text that is not JSON, <c>-32600</c> for JSON that is not a valid message, <c>-32602</c> for params
/// that are not an object) and a message that
/// names the place at fault.
/// </summary>
internal sealed record MessageFault(int Code, string Message)
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int InvalidParams = -32602;
}
