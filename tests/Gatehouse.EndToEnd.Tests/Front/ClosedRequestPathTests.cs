using System.Net;
using System.Text.Json.Nodes;
using Gatehouse.EndToEnd.Tests.Infrastructure;

namespace Gatehouse.EndToEnd.Tests.Front;

/// <summary>
/// Tricks on the request path: each gets a clear 4xx or a specific JSON-RPC error naming what is
/// wrong, reaches no upstream, and leaves nothing behind.
/// </summary>
[Collection(CoreGatewayCollection.Name)]
public sealed class ClosedRequestPathTests(CoreGatewayFixture fixture)
{
    private const string LongMessage = "this message is far longer than the twenty characters the policy allows";

    [Theory]
    [InlineData("""{"message":"short","message":"LONG"}""", "params.arguments.message")]
    [InlineData("""{"message":"LONG","message":"short"}""", "params.arguments.message")]
    [InlineData("""{"message":"short","nested":{"a":1,"a":2}}""", "params.arguments.nested.a")]
    public async Task Duplicate_members_in_arguments_are_refused_before_policy_or_upstream(string arguments, string path)
    {
        await using var session = await RawSession.OpenAsync(fixture.Gateway.EndpointOf("test"), fixture.Gateway.TokenOf("alpha"));
        var before = await InvocationCounts.ReadAsync(fixture.TestUpstreamEndpoint);

        using var response = await session.PostAsync(
            """{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"echo","arguments":""" + arguments.Replace("LONG", LongMessage, StringComparison.Ordinal) + "}}");

        var body = await AssertRefusedAsync(response, HttpStatusCode.BadRequest, -32600);
        Assert.Contains(path, (string?)body["error"]!["message"], StringComparison.Ordinal);
        Assert.Equal(7, (int?)body["id"]);
        var after = await InvocationCounts.ReadAsync(fixture.TestUpstreamEndpoint);
        Assert.Equal(before.Of("echo"), after.Of("echo"));
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"get-secret","name":"echo","arguments":{"message":"x"}}}""", "params.name")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"message":"x"},"arguments":{"message":"y"}}}""", "params.arguments")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"id":2,"method":"tools/call","params":{"name":"echo","arguments":{"message":"x"}}}""", "id")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/list","method":"tools/call","params":{"name":"get-secret"}}""", "method")]
    public async Task Duplicate_envelope_members_are_refused_with_their_path(string body, string path)
    {
        await using var session = await RawSession.OpenAsync(fixture.Gateway.EndpointOf("test"), fixture.Gateway.TokenOf("alpha"));
        var before = await InvocationCounts.ReadAsync(fixture.TestUpstreamEndpoint);

        using var response = await session.PostAsync(body);

        var answer = await AssertRefusedAsync(response, HttpStatusCode.BadRequest, -32600);
        Assert.Contains($"'{path}'", (string?)answer["error"]!["message"], StringComparison.Ordinal);
        var after = await InvocationCounts.ReadAsync(fixture.TestUpstreamEndpoint);
        Assert.Equal(before.Of("echo") + before.Of("get-secret"), after.Of("echo") + after.Of("get-secret"));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("42")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("null")]
    public async Task A_method_that_is_not_a_string_is_an_invalid_request(string method)
    {
        await using var session = await RawSession.OpenAsync(fixture.Gateway.EndpointOf("test"), fixture.Gateway.TokenOf("alpha"));

        using var response = await session.PostAsync($$$"""{"jsonrpc":"2.0","id":1,"method":{{{method}}},"params":{}}""");

        var body = await AssertRefusedAsync(response, HttpStatusCode.BadRequest, -32600);
        Assert.Contains("'method' must be a string", (string?)body["error"]!["message"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"name":"echo","arguments":["message","x"]}""", "params.arguments must be an object")]
    [InlineData("""{"name":"echo","arguments":"message=x"}""", "params.arguments must be an object")]
    [InlineData("""{"name":42,"arguments":{"message":"x"}}""", "params.name must be a string")]
    [InlineData("""{"arguments":{"message":"x"}}""", "needs params.name")]
    public async Task Malformed_tool_call_params_get_invalid_params_naming_the_member(string parameters, string reason)
    {
        await using var session = await RawSession.OpenAsync(fixture.Gateway.EndpointOf("test"), fixture.Gateway.TokenOf("alpha"));
        var before = await InvocationCounts.ReadAsync(fixture.TestUpstreamEndpoint);

        var response = await session.RequestAsync("tools/call", JsonNode.Parse(parameters)!.AsObject());

        Assert.Equal(-32602, (int?)response.Error?["code"]);
        Assert.Contains(reason, (string?)response.Error?["message"], StringComparison.Ordinal);
        var after = await InvocationCounts.ReadAsync(fixture.TestUpstreamEndpoint);
        Assert.Equal(before.Of("echo"), after.Of("echo"));
    }

    [Theory]
    [InlineData("""["echo",{"message":"x"}]""", "'params' must be an object")]
    [InlineData("""{"name":"echo","_meta":[]}""", "'params._meta' must be an object")]
    [InlineData("""{"name":"echo","_meta":"x"}""", "'params._meta' must be an object")]
    public async Task Params_or_their_meta_that_are_not_an_object_are_refused(string parameters, string reason)
    {
        await using var session = await RawSession.OpenAsync(fixture.Gateway.EndpointOf("test"), fixture.Gateway.TokenOf("alpha"));

        using var response = await session.PostAsync("""{"jsonrpc":"2.0","id":3,"method":"tools/call","params":""" + parameters + "}");

        var body = await AssertRefusedAsync(response, HttpStatusCode.BadRequest, -32602);
        Assert.Contains(reason, (string?)body["error"]!["message"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"name":"echo","arguments":{"message":"\ud800"}}""", "params.arguments.message")]
    [InlineData("""{"name":"echo","arguments":{"\udfff":"x"}}""", "params.arguments")]
    public async Task A_lone_surrogate_is_refused_as_undecodable(string parameters, string path)
    {
        await using var session = await RawSession.OpenAsync(fixture.Gateway.EndpointOf("test"), fixture.Gateway.TokenOf("alpha"));

        using var response = await session.PostAsync("""{"jsonrpc":"2.0","id":4,"method":"tools/call","params":""" + parameters + "}");

        var body = await AssertRefusedAsync(response, HttpStatusCode.BadRequest, -32700);
        Assert.Contains(path, (string?)body["error"]!["message"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_answer_to_a_request_nobody_sent_is_refused_and_kept_nowhere(bool withSession)
    {
        await using var session = await RawSession.OpenAsync(fixture.Gateway.EndpointOf("test"), fixture.Gateway.TokenOf("beta"));

        using var forged = await session.PostAsync(
            """{"jsonrpc":"2.0","id":"gatehouse-0123456789abcdef0123456789abcdef","result":{"role":"assistant","content":{"type":"text","text":"forged"},"model":"m"}}""",
            withSession);
        using var oldStyle = await session.PostAsync("""{"jsonrpc":"2.0","id":"gatehouse:abc:1","result":{}}""", withSession);
        using var numeric = await session.PostAsync("""{"jsonrpc":"2.0","id":1,"error":{"code":-1,"message":"no"}}""", withSession);

        foreach (var response in new[] { forged, oldStyle, numeric })
        {
            var body = await AssertRefusedAsync(response, HttpStatusCode.BadRequest, -32600);
            Assert.Contains("answers no request", (string?)body["error"]!["message"], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unknown_session_id_is_a_404()
    {
        using var http = fixture.Gateway.HttpFor("alpha");
        for (var i = 0; i < 20; i++)
        {
            using var request = RawMcp.Post(fixture.Gateway.EndpointOf("test"), fixture.Gateway.TokenOf("alpha"),
                """{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", $"made-up-session-{Guid.NewGuid():N}");
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Theory]
    [InlineData("LTE6eA")]
    [InlineData("OTk6eA")]
    [InlineData("not base64 at all!")]
    [InlineData("")]
    public async Task A_tampered_aggregate_cursor_is_invalid_params(string cursor)
    {
        await using var session = await RawSession.OpenAsync(fixture.Gateway.AggregateEndpoint, fixture.Gateway.TokenOf("combo"));

        var response = await session.RequestAsync("tools/list", new JsonObject { ["cursor"] = cursor });

        if (cursor.Length == 0)
        {
            // An empty cursor is the first page, as no cursor is.
            Assert.Null(response.Error);
            return;
        }

        Assert.Equal(-32602, (int?)response.Error?["code"]);
        Assert.Contains("Invalid cursor", (string?)response.Error?["message"], StringComparison.Ordinal);
    }

    private static async Task<JsonObject> AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, int code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        var body = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(code, (int?)body["error"]?["code"]);
        return body;
    }
}
