using System.Text.Json.Nodes;
using Gatehouse.Grains.Continuations;
using Orleans.Concurrency;

namespace Gatehouse.Grains;

/// <summary>
/// The meeting point of one bridged call's two sides (see <see cref="IBridgedCallGrain"/>). Reentrant: the running
/// call's questions, the agent's rounds and its answers interleave. State is in memory only.
/// </summary>
[Reentrant]
internal sealed class BridgedCallGrain : Grain, IBridgedCallGrain
{
    private const string Lost = """{"lost":true}""";

    /// <summary>Notifications kept for rounds that do not come are dropped, oldest first, past this many.</summary>
    internal const int MostNotificationsKept = 1000;

    private readonly Queue<JsonObject> _notifications = new();

    private readonly Dictionary<string, Question> _open = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _opened;
    private string? _outcome;
    private int _asked;

    public ValueTask OpenAsync()
    {
        _opened = true;
        return ValueTask.CompletedTask;
    }

    public async ValueTask<string> AskAsync(string method, string? paramsJson, CancellationToken cancellationToken)
    {
        var key = "gatehouse-" + (++_asked).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var question = new Question(method, paramsJson);
        _open[key] = question;
        Signal();
        try
        {
            return await question.Answer.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            _open.Remove(key);
        }
    }

    public ValueTask NotifyAsync(string method, string? paramsJson)
    {
        if (_notifications.Count == MostNotificationsKept)
        {
            _notifications.Dequeue();
        }

        _notifications.Enqueue(new JsonObject { ["method"] = method, ["params"] = paramsJson is null ? null : JsonNode.Parse(paramsJson) });
        Signal();
        return ValueTask.CompletedTask;
    }

    public ValueTask FinishAsync(string outcomeJson)
    {
        _outcome = outcomeJson;
        Signal();
        return ValueTask.CompletedTask;
    }

    public async ValueTask<string?> NextAsync(TimeSpan hold, CancellationToken cancellationToken)
    {
        if (!_opened)
        {
            DeactivateOnIdle();
            return Lost;
        }

        using var held = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        held.CancelAfter(hold);
        while (true)
        {
            if (_notifications.Count > 0)
            {
                // They came before anything the call did next: passed on first.
                var notifications = new JsonArray();
                while (_notifications.TryDequeue(out var notification))
                {
                    notifications.Add(notification);
                }

                return new JsonObject { ["notifications"] = notifications }.ToJsonString();
            }

            if (_outcome is { } outcome)
            {
                // Taken once: a later round with the same state finds the call lost.
                _opened = false;
                DeactivateOnIdle();
                return outcome;
            }

            if (Unanswered() is { } requests)
            {
                return new JsonObject { ["inputRequests"] = requests }.ToJsonString();
            }

            try
            {
                await _changed.Task.WaitAsync(held.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return null;
            }
        }
    }

    public ValueTask<string?> OpenRequestsAsync() => ValueTask.FromResult(Unanswered()?.ToJsonString());

    public ValueTask<int> AnswerAsync(string inputResponsesJson)
    {
        var taken = 0;
        if (JsonNode.Parse(inputResponsesJson) is JsonObject responses)
        {
            foreach (var (key, question) in _open)
            {
                if (responses[key] is { } response && question.Answer.TrySetResult("{\"result\":" + response.ToJsonString() + "}"))
                {
                    taken++;
                }
            }
        }

        return ValueTask.FromResult(taken);
    }

    private JsonObject? Unanswered()
    {
        JsonObject? requests = null;
        foreach (var (key, question) in _open.Where(pair => !pair.Value.Answer.Task.IsCompleted))
        {
            requests ??= [];
            requests[key] = new JsonObject
            {
                ["method"] = question.Method,
                ["params"] = question.ParamsJson is null ? null : JsonNode.Parse(question.ParamsJson),
            };
        }

        return requests;
    }

    private void Signal()
    {
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }

    private sealed record Question(string Method, string? ParamsJson)
    {
        public TaskCompletionSource<string> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
