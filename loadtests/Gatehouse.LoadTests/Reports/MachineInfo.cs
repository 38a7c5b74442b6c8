using System.Runtime.InteropServices;

namespace Gatehouse.LoadTests.Reports;

/// <summary>The machine a report was measured on.</summary>
internal sealed record MachineInfo(string Os, string Cpu, int Cores, double MemoryGiB, string Runtime, DateTimeOffset MeasuredAt)
{
    public static MachineInfo Current() => new(
        RuntimeInformation.OSDescription,
        CpuModel(),
        Environment.ProcessorCount,
        Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024), 1),
        RuntimeInformation.FrameworkDescription,
        DateTimeOffset.UtcNow);

    public override string ToString() =>
        $"{Cpu}, {Cores} cores, {MemoryGiB} GiB; {Os}; {Runtime}; measured {MeasuredAt:yyyy-MM-dd HH:mm} UTC";

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }
}
