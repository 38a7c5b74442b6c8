using System.CommandLine;
using System.Security.Cryptography;
using Gatehouse.Host.Auth;

namespace Gatehouse.Host.Commands;

/// <summary><c>gatehouse token new</c>: a random bearer token for an agent, and its SHA-256 for the configuration.</summary>
internal static class TokenCommand
{
    /// <summary>Tokens carry 256 random bits.</summary>
    private const int TokenBytes = 32;

    /// <summary>The <c>token</c> command and its <c>new</c> subcommand.</summary>
    public static Command Create()
    {
        var create = new Command("new", "Print a new bearer token and the SHA-256 to put in the configuration (Gatehouse:Grants:{id}:TokenSha256).");
        create.SetAction(result => Run(result.InvocationConfiguration.Output));
        return new Command("token", "Bearer tokens for agents.") { create };
    }

    public static int Run(TextWriter output)
    {
        var token = NewToken();
        output.WriteLine($"token:  {token}");
        output.WriteLine($"sha256: {TokenHash.Of(token)}");
        return 0;
    }

    /// <summary>A new random bearer token.</summary>
    public static string NewToken() =>
        "gh_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(TokenBytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
