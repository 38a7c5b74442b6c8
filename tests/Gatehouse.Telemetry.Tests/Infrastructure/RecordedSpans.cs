using System.Collections;
using System.Diagnostics;

namespace Gatehouse.Telemetry.Tests.Infrastructure;

/// <summary>
/// The spans the in-memory exporter hands over as they end, safe to read while replicas keep exporting
/// (the exporter adds from whichever thread ends a span).
/// </summary>
internal sealed class RecordedSpans : ICollection<Activity>
{
    private readonly List<Activity> _spans = [];
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _spans.Count;
            }
        }
    }

    public bool IsReadOnly => false;

    public void Add(Activity item)
    {
        lock (_gate)
        {
            _spans.Add(item);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _spans.Clear();
        }
    }

    public bool Contains(Activity item)
    {
        lock (_gate)
        {
            return _spans.Contains(item);
        }
    }

    public void CopyTo(Activity[] array, int arrayIndex)
    {
        lock (_gate)
        {
            _spans.CopyTo(array, arrayIndex);
        }
    }

    public bool Remove(Activity item)
    {
        lock (_gate)
        {
            return _spans.Remove(item);
        }
    }

    public IEnumerator<Activity> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public IReadOnlyList<Activity> Snapshot()
    {
        lock (_gate)
        {
            return [.. _spans];
        }
    }

    /// <summary>
    /// The spans of one trace, once <paramref name="complete"/> holds for them. Some spans end after the
    /// agent has its answer (the server span of the POST ends when the response is complete), so the
    /// test waits for the ones it names.
    /// </summary>
    public async Task<SpanTree> TraceAsync(ActivityTraceId traceId, Func<SpanTree, bool> complete)
    {
        var tree = new SpanTree([]);
        await Eventually.HoldsAsync(
            () => complete(tree = new SpanTree([.. Snapshot().Where(span => span.TraceId == traceId)])),
            () => $"the trace {traceId} is incomplete. Recorded so far:\n{tree.Render()}");
        return tree;
    }
}
