using System.ComponentModel;
using System.Globalization;
using ModelContextProtocol.Server;

namespace Gatehouse.TestUpstream.Tools;

[McpServerToolType]
internal sealed class AddTool
{
    [McpServerTool(Name = "add"), Description("Adds two numbers and returns the sum as text.")]
    public static string Add([Description("The first addend.")] double a, [Description("The second addend.")] double b) =>
        (a + b).ToString(CultureInfo.InvariantCulture);
}
