using System.Security.Cryptography;
using Gatehouse.Policy.Json;

namespace Gatehouse.Gateway.Auth;

/// <summary>New bearer tokens, and the lower-case hex SHA-256 of a token's UTF-8 bytes: the only form in which Gatehouse keeps tokens.</summary>
public static class TokenHash
{
    /// <summary>Tokens carry 256 random bits.</summary>
    private const int TokenBytes = 32;

    public static string Of(string token) => Sha256Hex.Of(token);

    /// <summary>A new random bearer token (<c>gh_</c> and 256 random bits, base64url).</summary>
    public static string NewToken() =>
        "gh_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(TokenBytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
