using System.ComponentModel;
using ModelContextProtocol.Server;

namespace Gatehouse.TestUpstream.Tools;

/// <summary>Names the process that served the call, so tests can tell which process stands for which agent session.</summary>
[McpServerToolType]
internal sealed class ProcessTool
{
    [McpServerTool(Name = "process", ReadOnly = true), Description("Returns the id of the process serving this call, as text.")]
    public static string Process() => Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
