using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Gatehouse.Gateway.Front.Aggregate;

/// <summary>
/// A page position in an aggregate list: which upstream (by its place in the grant's ordered list) and
/// that upstream's own cursor. Pages run through one upstream's pages, then the next upstream's.
/// </summary>
internal readonly record struct AggregateCursor(int Upstream, string? Inner)
{
    public string Encode() => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes($"{Upstream}:{Inner}"));

    /// <summary>The position <paramref name="cursor"/> names among <paramref name="upstreams"/> upstreams; the first page when null.</summary>
    /// <exception cref="ModelContextProtocol.McpProtocolException">The cursor is not one Gatehouse gave out (-32602).</exception>
    public static AggregateCursor Decode(string? cursor, int upstreams)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return new AggregateCursor(0, null);
        }

        try
        {
            var text = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(cursor));
            var at = text.IndexOf(':', StringComparison.Ordinal);
            var upstream = int.Parse(text.AsSpan(0, at), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture);
            if (upstream < upstreams)
            {
                return new AggregateCursor(upstream, at + 1 < text.Length ? text[(at + 1)..] : null);
            }
        }
        catch (Exception ex) when (ex is FormatException or ArgumentOutOfRangeException or OverflowException)
        {
            // Not one of ours: refused below.
        }

        throw new ModelContextProtocol.McpProtocolException("Invalid cursor: params.cursor is not a cursor this endpoint gave out.", ModelContextProtocol.McpErrorCode.InvalidParams);
    }
}
