using System.ComponentModel;
using ModelContextProtocol.Server;

namespace Gatehouse.TestUpstream.Tools;

/// <summary>Two tools that differ only in their annotations, for effect and risk classification.</summary>
[McpServerToolType]
internal sealed class AnnotatedTools
{
    private const string Ok = "ok";

    [McpServerTool(Name = "annotated-read", ReadOnly = true), Description("Reads nothing; annotated readOnlyHint.")]
    public static string Read() => Ok;

    [McpServerTool(Name = "annotated-destroy", Destructive = true), Description("Destroys nothing; annotated destructiveHint.")]
    public static string Destroy() => Ok;
}
