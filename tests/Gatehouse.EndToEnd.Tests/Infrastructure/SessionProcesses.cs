using System.Diagnostics;
using System.Globalization;
using ModelContextProtocol;
using ModelContextProtocol.Client;

namespace Gatehouse.EndToEnd.Tests.Infrastructure;

/// <summary>Which operating-system process served an agent's call (the test upstream's <c>process</c> tool), and whether it still runs.</summary>
internal static class SessionProcesses
{
    public static async Task<int> OfAsync(McpClient agent) =>
        int.Parse((await agent.CallToolAsync("process")).Text(), CultureInfo.InvariantCulture);

    /// <summary>As <see cref="OfAsync"/>, or null while the call fails (the process is being restarted, a replica is down).</summary>
    public static async Task<int?> TryOfAsync(McpClient agent)
    {
        try
        {
            var result = await agent.CallToolAsync("process");
            return result.IsError == true ? null : int.Parse(result.Text(), CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is McpException or HttpRequestException)
        {
            return null;
        }
    }

    public static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The parent process id, from <c>/proc/{pid}/stat</c> (the second field after the name's closing parenthesis).</summary>
    public static int ParentOf(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[1], CultureInfo.InvariantCulture);
    }
}
