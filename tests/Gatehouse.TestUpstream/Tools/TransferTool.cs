using System.ComponentModel;
using System.Globalization;
using ModelContextProtocol.Server;

namespace Gatehouse.TestUpstream.Tools;

[McpServerToolType]
internal sealed class TransferTool
{
    [McpServerTool(Name = "transfer"), Description("Pretends to transfer an amount to an account.")]
    public static string Transfer(
        [Description("The amount to transfer.")] double amount,
        [Description("The destination account.")] string to,
        [Description("An optional note.")] string? memo = null) =>
        string.Create(CultureInfo.InvariantCulture, $"transferred {amount} to {to}");
}
