namespace Gatehouse.Gateway.Front.Messages;

/// <summary>A JSON-RPC id as the agent sent it: a string, or an integer (kept as its digits).</summary>
internal readonly record struct MessageId(string Text, bool IsString);
