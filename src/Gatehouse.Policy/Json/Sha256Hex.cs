using System.Security.Cryptography;
using System.Text;

namespace Gatehouse.Policy.Json;

/// <summary>The one way Gatehouse writes a SHA-256: lower-case hex, of UTF-8 for text.</summary>
public static class Sha256Hex
{
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string Of(string text) => Of(Encoding.UTF8.GetBytes(text));
}
