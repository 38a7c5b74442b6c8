namespace Gatehouse.LoadTests.Scenarios.Soak;

/// <summary>One replica at one moment of the run.</summary>
/// <param name="Replica">Its name in the report (<c>r1</c>).</param>
/// <param name="RssBytes">Resident set size of its process (<c>VmRSS</c> of <c>/proc/PID/status</c>).</param>
/// <param name="GcHeapBytes">Managed heap after the last GC, all generations (<c>dotnet_gc_last_collection_heap_size_bytes</c>).</param>
/// <param name="Activations">Grain activations on its silo, system grains included (<c>orleans_catalog_activations</c>).</param>
/// <param name="Sessions">Agent sessions its MCP server holds (<c>gatehouse_sessions_active</c>).</param>
/// <param name="ResumptionEntries">SSE events and stream records its cache buckets hold for resumption (<c>gatehouse_resumption_entries</c>).</param>
/// <param name="ResumptionBytes">Their bytes (<c>gatehouse_resumption_bytes</c>).</param>
/// <param name="ActivationsByType">Activations by grain type (<c>session</c>, <c>counter</c>, …).</param>
internal sealed record ReplicaSample(string Replica, long RssBytes, long GcHeapBytes, long Activations, long Sessions, long ResumptionEntries, long ResumptionBytes, IReadOnlyDictionary<string, long> ActivationsByType);
