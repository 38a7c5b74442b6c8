using System.Globalization;
using Gatehouse.LoadTests.Infrastructure;

namespace Gatehouse.LoadTests.Scenarios.Soak;

/// <summary>Reads one replica's memory from the kernel and its grains and sessions from its <c>/metrics</c>.</summary>
internal sealed class ReplicaProbe(string name, GatehouseReplica replica, HttpClient http)
{
    public const string GcHeapMetric = "dotnet_gc_last_collection_heap_size_bytes";

    public const string ActivationsMetric = "orleans_catalog_activations";

    public const string SessionsMetric = "gatehouse_sessions_active";

    public const string ResumptionEntriesMetric = "gatehouse_resumption_entries";

    public const string ResumptionBytesMetric = "gatehouse_resumption_bytes";

    public string Name => name;

    public GatehouseReplica Replica => replica;

    /// <summary>The replica now; null if it could not be read (it exited, or its <c>/metrics</c> did not answer).</summary>
    public async Task<ReplicaSample?> SampleAsync(CancellationToken cancellationToken)
    {
        try
        {
            var rss = ResidentBytes(replica.ProcessId);
            var metrics = new PrometheusText(await http.GetStringAsync(new Uri(replica.BaseUrl, "/metrics"), cancellationToken));
            return new ReplicaSample(
                name,
                rss,
                (long)metrics.Sum(GcHeapMetric),
                (long)metrics.Sum(ActivationsMetric),
                (long)metrics.Sum(SessionsMetric),
                (long)metrics.Sum(ResumptionEntriesMetric),
                (long)metrics.Sum(ResumptionBytesMetric),
                metrics.SumBy(ActivationsMetric, "grain_type").ToDictionary(p => p.Key, p => (long)p.Value, StringComparer.Ordinal));
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary><c>VmRSS</c> of <c>/proc/PID/status</c>, in bytes.</summary>
    private static long ResidentBytes(int processId)
    {
        var line = File.ReadLines($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"no VmRSS for process {processId}");
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }
}
