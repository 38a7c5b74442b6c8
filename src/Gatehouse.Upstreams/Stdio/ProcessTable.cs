using System.Globalization;
using System.Text;

namespace Gatehouse.Upstreams;

/// <summary>
/// Finds the processes that carry an environment variable (a child and every process it started inherit it) and
/// reads their resident memory, from Linux's <c>/proc</c>. Elsewhere it finds none, so memory limits are not enforced.
/// </summary>
public static class ProcessTable
{
    private const string Proc = "/proc";

    /// <summary>The ids of the live processes whose environment holds <paramref name="variable"/>=<paramref name="value"/>.</summary>
    public static IReadOnlyList<int> WithEnvironment(string variable, string value)
    {
        if (!Directory.Exists(Proc))
        {
            return [];
        }

        var wanted = Encoding.UTF8.GetBytes(variable + "=" + value);
        var found = new List<int>();
        foreach (var folder in Directory.EnumerateDirectories(Proc))
        {
            if (int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Holds(folder, wanted))
            {
                found.Add(pid);
            }
        }

        return found;
    }

    /// <summary>The resident memory of those processes together, in bytes; 0 when none is found.</summary>
    public static long ResidentBytes(IEnumerable<int> pids)
    {
        long total = 0;
        foreach (var pid in pids)
        {
            total += ResidentBytes(pid);
        }

        return total;
    }

    private static long ResidentBytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines(Path.Combine(Proc, pid.ToString(CultureInfo.InvariantCulture), "status")))
            {
                // "VmRSS:     12345 kB"
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal)
                    && long.TryParse(line["VmRSS:".Length..].Trim().Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var kib))
                {
                    return kib * 1024;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The process ended meanwhile, or is not ours to read.
        }

        return 0;
    }

    private static bool Holds(string folder, byte[] wanted)
    {
        byte[] environment;
        try
        {
            environment = File.ReadAllBytes(Path.Combine(folder, "environ"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        // Entries are NUL-separated: the wanted one must be a whole entry.
        var span = environment.AsSpan();
        while (span.Length > 0)
        {
            var end = span.IndexOf((byte)0);
            var entry = end < 0 ? span : span[..end];
            if (entry.SequenceEqual(wanted))
            {
                return true;
            }

            span = end < 0 ? [] : span[(end + 1)..];
        }

        return false;
    }
}
