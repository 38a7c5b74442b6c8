using System.ComponentModel;
using ModelContextProtocol.Server;

namespace Gatehouse.TestUpstream.Tools;

[McpServerToolType]
internal sealed class GetSecretTool
{
    /// <summary>The value returned; tests look for it to prove a denied call leaked nothing.</summary>
    public const string Secret = "s3cret";

    [McpServerTool(Name = "get-secret"), Description("Returns a secret; policies in the tests deny it.")]
    public static string GetSecret() => Secret;
}
