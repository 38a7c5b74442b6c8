using System.Text.Json.Nodes;
using Gatehouse.Gateway.Front.Caching;
using ModelContextProtocol.Protocol;

namespace Gatehouse.Gateway.Tests.Front.Caching;

public sealed class CacheHintsTests
{
    [Theory]
    [InlineData("""{"tools":[]}""")]
    [InlineData("""{"tools":[],"cacheScope":"public","ttlMs":5}""")]
    [InlineData("""{"tools":[],"cacheScope":"private"}""")]
    [InlineData("""{"tools":[],"cacheScope":"shared-later"}""")]
    public void An_upstream_endpoint_leaves_the_upstreams_hints_as_they_came(string result)
    {
        var node = JsonNode.Parse(result)!;

        CacheHints.SetScope(node, EndpointKind.Upstream, actsForEndUser: false);

        Assert.Equal(JsonNode.Parse(result)!.ToJsonString(), node.ToJsonString());
    }

    [Theory]
    [InlineData("""{"tools":[]}""", """{"tools":[],"cacheScope":"private"}""")]
    [InlineData("""{"tools":[],"cacheScope":"public","ttlMs":5}""", """{"tools":[],"cacheScope":"private","ttlMs":5}""")]
    [InlineData("""{"tools":[],"cacheScope":7}""", """{"tools":[],"cacheScope":"private"}""")]
    [InlineData("""{"tools":[],"cacheScope":"private"}""", """{"tools":[],"cacheScope":"private"}""")]
    public void An_upstream_acting_for_the_end_user_makes_the_result_private(string result, string expected)
    {
        var node = JsonNode.Parse(result)!;

        CacheHints.SetScope(node, EndpointKind.Upstream, actsForEndUser: true);

        Assert.Equal(expected, node.ToJsonString());
    }

    [Fact]
    public void The_aggregate_endpoint_makes_the_result_private()
    {
        var node = JsonNode.Parse("""{"contents":[],"cacheScope":"public"}""")!;

        CacheHints.SetScope(node, EndpointKind.Aggregate, actsForEndUser: false);

        Assert.Equal("""{"contents":[],"cacheScope":"private"}""", node.ToJsonString());
    }

    [Theory]
    [InlineData("""{"ttlMs":60000}""", 60000L)]
    [InlineData("""{"ttlMs":0}""", 0L)]
    [InlineData("""{"ttlMs":1.5}""", null)]
    [InlineData("""{"ttlMs":"60000"}""", null)]
    [InlineData("""{"tools":[]}""", null)]
    [InlineData("""[]""", null)]
    public void A_time_to_live_is_a_whole_number_of_milliseconds(string answer, long? expected) =>
        Assert.Equal(expected, CacheHints.TimeToLiveOf(JsonNode.Parse(answer)));

    [Theory]
    [InlineData(RequestMethods.ToolsList, true)]
    [InlineData(RequestMethods.PromptsList, true)]
    [InlineData(RequestMethods.ResourcesList, true)]
    [InlineData(RequestMethods.ResourcesTemplatesList, true)]
    [InlineData(RequestMethods.ResourcesRead, true)]
    [InlineData(RequestMethods.ToolsCall, false)]
    [InlineData(RequestMethods.PromptsGet, false)]
    [InlineData(RequestMethods.CompletionComplete, false)]
    public void Lists_and_resource_reads_carry_the_hints(string method, bool carried) =>
        Assert.Equal(carried, CacheHints.AreCarriedBy(method));
}
