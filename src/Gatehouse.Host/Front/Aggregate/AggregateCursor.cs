using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Gatehouse.Host.Front;

/// <summary>
/// A page position in an aggregate list: which upstream (by its place in the grant's ordered list) and
/// that upstream's own cursor. Pages run through one upstream's pages, then the next upstream's.
/// </summary>
internal readonly record struct AggregateCursor(int Upstream, string? Inner)
{
    public string Encode() => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes($"{Upstream}:{Inner}"));

    public static AggregateCursor Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return new AggregateCursor(0, null);
        }

        try
        {
            var text = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(cursor));
            var at = text.IndexOf(':', StringComparison.Ordinal);
            return new AggregateCursor(int.Parse(text[..at], System.Globalization.CultureInfo.InvariantCulture), at + 1 < text.Length ? text[(at + 1)..] : null);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentOutOfRangeException or OverflowException)
        {
            throw new ModelContextProtocol.McpProtocolException("Invalid cursor.", ModelContextProtocol.McpErrorCode.InvalidParams);
        }
    }
}
