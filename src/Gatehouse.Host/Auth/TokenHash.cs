using Gatehouse.Policy.Json;

namespace Gatehouse.Host.Auth;

/// <summary>The lower-case hex SHA-256 of a token's UTF-8 bytes: the only form in which Gatehouse keeps tokens.</summary>
public static class TokenHash
{
    public static string Of(string token) => Sha256Hex.Of(token);
}
