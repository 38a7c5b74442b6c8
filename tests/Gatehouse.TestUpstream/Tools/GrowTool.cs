using System.ComponentModel;
using ModelContextProtocol.Server;

namespace Gatehouse.TestUpstream.Tools;

/// <summary>Makes the process hold more memory, so tests can push it over a gateway's memory limit on purpose.</summary>
[McpServerToolType]
internal sealed class GrowTool
{
    private static readonly List<byte[]> Held = [];

    [McpServerTool(Name = "grow"), Description("Allocates and keeps the given number of MiB (each page written, so it is resident); returns the MiB now held.")]
    public static string Grow([Description("MiB to add.")] int megabytes)
    {
        lock (Held)
        {
            for (var i = 0; i < megabytes; i++)
            {
                var block = new byte[1024 * 1024];
                for (var page = 0; page < block.Length; page += 4096)
                {
                    block[page] = 1;
                }

                Held.Add(block);
            }

            return Held.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
