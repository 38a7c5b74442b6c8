using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
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

        var directTools = await direct.RequestAsync("tools/list", null);
        var throughTools = await through.RequestAsync("tools/list", null);
        Assert.Equal(directTools.ResultJson, throughTools.ResultJson);

        var tools = directTools.Message["result"]!["tools"]!.AsArray().Select(t => t!.AsObject()).ToList();
        Assert.Contains(tools, t => (string?)t["name"] == "get-annotated-message");
        foreach (var tool in tools)
        {
            var name = (string)tool["name"]!;
            var arguments = EverythingArguments.For(name, tool["inputSchema"] as JsonObject);
            var call = new JsonObject { ["name"] = name, ["arguments"] = arguments };
            var expected = await direct.RequestAsync("tools/call", (JsonObject)call.DeepClone(), EverythingArguments.Answer);
            var actual = await through.RequestAsync("tools/call", (JsonObject)call.DeepClone(), EverythingArguments.Answer);

            output.WriteLine($"{name}: {Shorten(expected.Text)}");
            output.WriteLine($"{name} through the gateway: {Shorten(actual.Text)}");
            Assert.True(expected.ResultJson is not null || expected.Error is not null, $"{name}: {expected.Text}");
            Assert.Equal(WithoutSessionIds(expected.ResultJson), WithoutSessionIds(actual.ResultJson));
            Assert.Equal(expected.Error?.ToJsonString(), actual.Error?.ToJsonString());
        }
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

        var expected = await direct.RequestAsync("tools/call", (JsonObject)call.DeepClone());
        var actual = await through.RequestAsync("tools/call", (JsonObject)call.DeepClone());

        Assert.Contains("\"annotations\"", expected.ResultJson);
        Assert.Equal(expected.ResultJson, actual.ResultJson);
    }

    /// <summary>
    /// A result may name the upstream session it ran in, or the second it was made at, which differ by
    /// nature between two calls; everything else must be the same.
    /// </summary>
    private static string? WithoutSessionIds(string? json) =>
        json is null ? null : Regex.Replace(
            Regex.Replace(json, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<session id>"),
            @"\d{1,2}:\d{2}:\d{2}\s?[AP]M",
            "<time>");

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + "…";
}
