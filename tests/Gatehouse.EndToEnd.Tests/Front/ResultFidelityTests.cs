using System.Text.Json.Nodes;
using Gatehouse.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Gatehouse.EndToEnd.Tests.Front;

/// <summary>
/// Every tool of server-everything, called directly and through Gatehouse with the same arguments and
/// the same answers to the server's requests: the result is the same JSON, member for member, in the
/// same order, with every number in the same form and every string the same (see
/// <see cref="RawResponse.ResultJson"/>: only how a string's characters are escaped may differ).
/// </summary>
[Collection(CoreGatewayCollection.Name)]
public sealed class ResultFidelityTests(CoreGatewayFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_server_everything_tool_answers_the_same_directly_and_through_the_gateway()
    {
        await using var direct = await RawSession.OpenAsync(fixture.EverythingEndpoint, token: null);
        await using var through = await RawSession.OpenAsync(fixture.Gateway.EndpointOf("everything-open"), fixture.Gateway.TokenOf("fidelity"));

        var called = await ResultFidelity.AssertEveryToolAnswersTheSameAsync(direct, through, EverythingArguments.For, EverythingArguments.Answer, output);

        Assert.Contains("get-annotated-message", called);
    }

    [Fact]
    public async Task A_result_in_a_shape_no_sdk_knows_comes_through_as_the_upstream_sent_it()
    {
        await using var direct = await RawSession.OpenAsync(fixture.TestUpstreamEndpoint, token: null);
        await using var through = await RawSession.OpenAsync(fixture.Gateway.EndpointOf("test"), fixture.Gateway.TokenOf("alpha"));

        await ResultFidelity.AssertFutureShapeComesThroughAsync(direct, through);
    }

    /// <summary>An upstream's JSON-RPC error, its data too, reaches a 2025 agent on its session and a 2026 agent as the upstream sent it.</summary>
    [Fact]
    public async Task An_upstreams_error_comes_through_with_its_code_message_and_data()
    {
        await using var direct = await RawSession.OpenAsync(fixture.TestUpstreamEndpoint, token: null);
        await using var through = await RawSession.OpenAsync(fixture.Gateway.EndpointOf("test"), fixture.Gateway.TokenOf("alpha"));
        var call = new JsonObject { ["name"] = "refuse", ["arguments"] = new JsonObject { ["message"] = "not today" } };

        var (expected, actual) = await ResultFidelity.RequestBothAsync(direct, through, "tools/call", call);

        var error = expected.Message["error"]!;
        Assert.Equal("""{"code":-31999,"message":"not today","data":{"reason":"on purpose","attempts":[1,2]}}""", error.ToJsonString());
        Assert.Equal(error.ToJsonString(), actual.Message["error"]?.ToJsonString());

        using var http = new HttpClient { Timeout = Eventually.Ceiling };
        var sessionless = await RawMcp.RequestAsync2026(http, fixture.Gateway.EndpointOf("test"), fixture.Gateway.TokenOf("alpha"), "tools/call", call);
        Assert.Equal(error.ToJsonString(), sessionless["error"]?.ToJsonString());
    }

    [Theory]
    [InlineData("""{"messageType":"success"}""")]
    [InlineData("""{"messageType":"error","includeImage":true}""")]
    [InlineData("""{"messageType":"debug","includeImage":true}""")]
    public async Task Annotated_content_comes_through_as_the_upstream_sent_it(string arguments)
    {
        await using var direct = await RawSession.OpenAsync(fixture.EverythingEndpoint, token: null);
        await using var through = await RawSession.OpenAsync(fixture.Gateway.EndpointOf("everything-open"), fixture.Gateway.TokenOf("fidelity"));
        var call = new JsonObject { ["name"] = "get-annotated-message", ["arguments"] = JsonNode.Parse(arguments) };

        var (expected, actual) = await ResultFidelity.RequestBothAsync(direct, through, "tools/call", call);

        Assert.Contains("\"annotations\"", expected.ResultJson);
        Assert.Equal(expected.ResultJson, actual.ResultJson);
    }
}
