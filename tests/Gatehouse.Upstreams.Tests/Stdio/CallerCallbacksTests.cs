using System.Text.Json.Nodes;
using Gatehouse.Grains.Upstreams;
using ModelContextProtocol;

namespace Gatehouse.Upstreams.Tests.Stdio;

/// <summary>Inside a session's process grain: which replica the process's requests and notifications go to.</summary>
public sealed class CallerCallbacksTests
{
    [Fact]
    public async Task A_request_goes_to_the_newest_caller_then_to_the_listener()
    {
        var callbacks = new CallerCallbacks();
        var listener = new Replica("listener");
        var older = new Replica("older");
        var newer = new Replica("newer");
        callbacks.Listen(listener);

        using (callbacks.Begin(older))
        {
            using (callbacks.Begin(newer))
            {
                Assert.Equal("newer", (string?)(await callbacks.RequestAsync("roots/list", null, CancellationToken.None))!["by"]);
            }

            Assert.Equal("older", (string?)(await callbacks.RequestAsync("roots/list", null, CancellationToken.None))!["by"]);
        }

        await callbacks.NotifyAsync("notifications/message", new JsonObject { ["level"] = "info" }, CancellationToken.None);

        Assert.Equal(["notifications/message"], listener.Notified);
        Assert.True(callbacks.IsListened);
    }

    [Fact]
    public async Task The_agents_refusal_comes_back_as_its_error_and_nobody_to_ask_is_an_error()
    {
        var callbacks = new CallerCallbacks();

        var nobody = await Assert.ThrowsAsync<McpProtocolException>(() => callbacks.RequestAsync("sampling/createMessage", null, CancellationToken.None));
        Assert.Contains("no request or stream open", nobody.Message);

        using (callbacks.Begin(new Replica("caller", refuse: true)))
        {
            var refused = await Assert.ThrowsAsync<McpProtocolException>(() => callbacks.RequestAsync("sampling/createMessage", null, CancellationToken.None));
            Assert.Equal("the user declined", refused.Message);
            Assert.Equal((McpErrorCode)(-1), refused.ErrorCode);
        }
    }

    [Fact]
    public async Task A_listener_that_cannot_be_reached_is_forgotten()
    {
        var callbacks = new CallerCallbacks();
        var gone = new Replica("gone", unreachable: true);
        callbacks.Listen(gone);

        await callbacks.NotifyAsync("notifications/message", null, CancellationToken.None);

        Assert.False(callbacks.IsListened);
    }

    [Fact]
    public void Stopping_another_listener_leaves_the_current_one()
    {
        var callbacks = new CallerCallbacks();
        var current = new Replica("current");
        callbacks.Listen(new Replica("earlier"));
        callbacks.Listen(current);

        callbacks.StopListening(new Replica("earlier"));
        Assert.True(callbacks.IsListened);

        callbacks.StopListening(current);
        Assert.False(callbacks.IsListened);
    }

    /// <summary>A replica's observer as the grain sees it: it answers with its own name, or refuses, or is gone.</summary>
    private sealed class Replica(string name, bool refuse = false, bool unreachable = false) : IAgentCallbackObserver
    {
        public List<string> Notified { get; } = [];

        public Task<string> RequestAsync(string method, string? paramsJson) => Task.FromResult(refuse
            ? """{"error":{"code":-1,"message":"the user declined"}}"""
            : new JsonObject { ["result"] = new JsonObject { ["by"] = name } }.ToJsonString());

        public Task NotifyAsync(string method, string? paramsJson)
        {
            if (unreachable)
            {
                throw new InvalidOperationException("silo gone");
            }

            Notified.Add(method);
            return Task.CompletedTask;
        }

        public override bool Equals(object? obj) => obj is Replica other && other.Name == Name;

        public override int GetHashCode() => Name.GetHashCode(StringComparison.Ordinal);

        private string Name => name;
    }
}
