using System.CommandLine;
using Gatehouse.Gateway.Auth;

namespace Gatehouse.Host.Commands;

/// <summary><c>gatehouse token new</c>: a random bearer token for an agent, and its SHA-256 for the configuration.</summary>
internal static class TokenCommand
{
    /// <summary>The <c>token</c> command and its <c>new</c> subcommand.</summary>
    public static Command Create()
    {
        var create = new Command("new", "Print a new bearer token and the SHA-256 to put in the configuration (Gatehouse:Grants:{id}:TokenSha256).");
        create.SetAction(result => Run(result.InvocationConfiguration.Output));
        return new Command("token", "Bearer tokens for agents.") { create };
    }

    public static int Run(TextWriter output)
    {
        var token = TokenHash.NewToken();
        output.WriteLine($"token:  {token}");
        output.WriteLine($"sha256: {TokenHash.Of(token)}");
        return 0;
    }
}
