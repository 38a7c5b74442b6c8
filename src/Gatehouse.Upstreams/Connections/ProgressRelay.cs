using System.Text.Json.Nodes;

namespace Gatehouse.Upstreams;

/// <summary>One request's progress notifications, passed on one at a time in the order they came.</summary>
public sealed class ProgressRelay(Func<JsonObject, ValueTask> onProgress)
{
    private readonly OrderedDelivery<JsonObject> _delivery = new(onProgress);

    public void Enqueue(JsonObject progress) => _delivery.Enqueue(progress);

    /// <summary>Waits until every notification queued so far has been passed on; later ones are still taken.</summary>
    public Task FlushAsync() => _delivery.FlushAsync();

    /// <summary>Waits until every notification queued so far has been passed on; none are taken after.</summary>
    public Task DrainAsync() => _delivery.CompleteAsync();
}
