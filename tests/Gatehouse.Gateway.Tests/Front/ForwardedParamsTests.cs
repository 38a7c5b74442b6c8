using System.Text.Json.Nodes;
using Gatehouse.Gateway.Front;

namespace Gatehouse.Gateway.Tests.Front;

public sealed class ForwardedParamsTests
{
    [Fact]
    public void Agent_hop_metadata_is_removed_and_everything_else_kept()
    {
        var original = JsonNode.Parse("""{ "name": "echo", "arguments": { "message": "hi" }, "_meta": { "progressToken": 7, "traceparent": "00-x", "custom": true } }""");

        var forwarded = ForwardedParams.From(original)!;

        Assert.Equal("""{"name":"echo","arguments":{"message":"hi"},"_meta":{"custom":true}}""", forwarded.ToJsonString());
        Assert.Equal(7, (int)original!["_meta"]!["progressToken"]!);
    }

    [Fact]
    public void The_2026_per_request_protocol_fields_stay_on_the_agents_hop()
    {
        var original = JsonNode.Parse("""{ "name": "echo", "_meta": { "io.modelcontextprotocol/protocolVersion": "2026-07-28", "io.modelcontextprotocol/clientCapabilities": {}, "io.example/other": 1 } }""");

        Assert.Equal("""{"name":"echo","_meta":{"io.example/other":1}}""", ForwardedParams.From(original)!.ToJsonString());
    }

    [Fact]
    public void Meta_left_empty_is_dropped() =>
        Assert.Equal("""{"name":"echo"}""", ForwardedParams.From(JsonNode.Parse("""{ "name": "echo", "_meta": { "progressToken": "p" } }"""))!.ToJsonString());

    [Fact]
    public void Missing_params_stay_missing() => Assert.Null(ForwardedParams.From(null));
}
