using System.Text.Json.Nodes;
using Gatehouse.Grains.Upstreams;
using ModelContextProtocol;

namespace Gatehouse.Upstreams.Tests.Stdio;

/// <summary>The listens on a stdio upstream's shared process: subscriptions held while any listen holds them, every notification to every listen.</summary>
public sealed class SharedListenersTests
{
    [Fact]
    public void A_uri_is_subscribed_to_once_while_any_listener_holds_it_and_given_up_when_the_last_leaves()
    {
        var listeners = new SharedListeners();
        var first = new Recording();
        var second = new Recording();

        Assert.Equal(["a", "b"], listeners.Add(first, ["a", "b", "a"]));
        Assert.Equal(["c"], listeners.Add(second, ["b", "c"]));
        Assert.Equal(["a"], listeners.Remove(first));
        Assert.Empty(listeners.Remove(first));
        Assert.Equal(["b", "c"], listeners.Remove(second));
    }

    [Fact]
    public async Task Every_listener_is_told_and_one_that_cannot_be_reached_is_dropped_with_its_subscriptions()
    {
        var listeners = new SharedListeners();
        var reached = new Recording();
        var gone = new Recording { Gone = true };
        listeners.Add(reached, ["x"]);
        listeners.Add(gone, ["y"]);

        await listeners.NotifyAsync("notifications/tools/list_changed", null, CancellationToken.None);
        await listeners.NotifyAsync("notifications/resources/updated", new JsonObject { ["uri"] = "x" }, CancellationToken.None);

        Assert.Equal(["notifications/tools/list_changed", "notifications/resources/updated"], reached.Told);
        Assert.Equal(["y"], listeners.Add(new Recording(), ["y"]));
    }

    [Fact]
    public async Task The_shared_process_cannot_ask_anything() =>
        Assert.Equal(
            McpErrorCode.MethodNotFound,
            (await Assert.ThrowsAsync<McpProtocolException>(() => new SharedListeners().RequestAsync("sampling/createMessage", null, CancellationToken.None))).ErrorCode);

    private sealed class Recording : IAgentCallbackObserver
    {
        public bool Gone { get; init; }

        public List<string> Told { get; } = [];

        public Task<string> RequestAsync(string method, string? paramsJson) => throw new NotSupportedException();

        public Task NotifyAsync(string method, string? paramsJson)
        {
            if (Gone)
            {
                throw new InvalidOperationException("the replica is gone");
            }

            Told.Add(method);
            return Task.CompletedTask;
        }
    }
}
