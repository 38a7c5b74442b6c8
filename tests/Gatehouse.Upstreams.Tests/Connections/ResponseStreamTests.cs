using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gatehouse.Upstreams.Tests.Connections;

public sealed class ResponseStreamTests
{
    private static MemoryStream Body(string text) => new(Encoding.UTF8.GetBytes(text));

    private static async Task<(JsonObject? Response, List<string> Notified)> ReadAsync(string text, bool eventStream, string id = "gh-1")
    {
        var notified = new List<string>();
        var response = await ResponseStream.ReadAsync(Body(text), eventStream, id, n =>
        {
            notified.Add(n.ToJsonString());
            return ValueTask.CompletedTask;
        }, CancellationToken.None);
        return (response, notified);
    }

    [Fact]
    public async Task A_json_body_is_the_response_when_it_answers_the_request()
    {
        var (response, notified) = await ReadAsync("""{"jsonrpc":"2.0","id":"gh-1","result":{"ok":true}}""", eventStream: false);

        Assert.Equal(true, (bool?)response?["result"]?["ok"]);
        Assert.Empty(notified);
    }

    [Fact]
    public async Task A_json_body_that_answers_another_request_is_no_response()
    {
        var (response, _) = await ReadAsync("""{"jsonrpc":"2.0","id":"gh-2","result":{}}""", eventStream: false);

        Assert.Null(response);
    }

    [Fact]
    public async Task Notifications_on_the_stream_are_passed_on_in_order_before_the_response_ends_the_read()
    {
        var stream = string.Join(
            "\n",
            ": a comment",
            "id: 1",
            "event: message",
            """data: {"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":"t","progress":1}}""",
            string.Empty,
            "retry: 1000",
            string.Empty,
            """data: {"jsonrpc":"2.0","method":"notifications/message","params":{"level":"error","data":"x"}}""",
            string.Empty,
            """data:{"jsonrpc":"2.0","id":"gh-1",""",
            """data: "result":{"content":[]}}""",
            string.Empty,
            """data: {"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":"t","progress":2}}""",
            string.Empty);

        var (response, notified) = await ReadAsync(stream, eventStream: true);

        Assert.NotNull(response?["result"]?["content"]);
        Assert.Equal(
            ["notifications/progress", "notifications/message"],
            notified.Select(n => (string)JsonNode.Parse(n)!["method"]!));
    }

    [Fact]
    public async Task The_last_event_counts_without_a_blank_line_after_it()
    {
        var (response, _) = await ReadAsync("""data: {"jsonrpc":"2.0","id":"gh-1","result":{}}""", eventStream: true);

        Assert.NotNull(response);
    }

    [Fact]
    public async Task A_stream_that_ends_without_the_response_gives_none_and_a_message_that_is_not_json_is_an_error()
    {
        var (ended, notified) = await ReadAsync("""data: {"jsonrpc":"2.0","method":"notifications/message","params":{}}""" + "\n\n", eventStream: true);
        Assert.Null(ended);
        Assert.Single(notified);

        await Assert.ThrowsAnyAsync<JsonException>(() => ReadAsync("data: {not json\n\n", eventStream: true));
    }
}
