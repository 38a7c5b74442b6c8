using Gatehouse.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Gatehouse.EndToEnd.Tests.Cluster;

/// <summary>
/// The result-fidelity comparison of <see cref="Front.ResultFidelityTests"/> with three replicas behind a
/// balancer without affinity: every HTTP request of the agent's session, its answers to the server's
/// requests included, goes to the next replica in turn.
/// </summary>
[Collection(FidelityCollection.Name)]
public sealed class ResultFidelityAcrossReplicasTests(FidelityFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_server_everything_tool_answers_the_same_directly_and_through_three_replicas_in_turn()
    {
        var cluster = fixture.Cluster;
        var balancer = new RoundRobinHandler(() => cluster.LiveUrls);
        await using var direct = await RawSession.OpenAsync(fixture.EverythingEndpoint, token: null);
        await using var through = await RawSession.OpenAsync(new Uri(cluster.LiveUrls[0], "/mcp/everything"), cluster.TokenOf("agent"), handler: balancer);

        var called = await ResultFidelity.AssertEveryToolAnswersTheSameAsync(direct, through, EverythingArguments.For, EverythingArguments.Answer, output);

        // Among them the calls that wait for the agent's answer to a server request (an answer goes to another
        // replica than the call): sampling and elicitation during the call, roots asked outside any call.
        Assert.Contains("trigger-sampling-request", called);
        Assert.Contains("trigger-elicitation-request", called);
        Assert.Contains("get-roots-list", called);

        // Every request of the session went to the next replica in turn: each served a third of them.
        List<Uri> sent;
        lock (balancer.Sent)
        {
            sent = [.. balancer.Sent];
        }

        var perReplica = cluster.Replicas.Select(r => sent.Count(target => target == r.BaseUrl)).ToList();
        var spread = string.Join(", ", perReplica);
        output.WriteLine($"{sent.Count} requests, per replica: {spread}");
        Assert.Equal(3, perReplica.Count);
        Assert.Equal(sent.Count, perReplica.Sum());
        Assert.True(sent.Count >= called.Count + 4, $"initialize, initialized, the session's own stream, tools/list and every call went through the balancer: {sent.Count} requests for {called.Count} tools");
        Assert.True(perReplica.Min() > 0 && perReplica.Max() - perReplica.Min() <= 1, $"round robin over three replicas: {spread}");
    }

    [Fact]
    public async Task A_result_in_a_shape_no_sdk_knows_comes_through_three_replicas_in_turn_as_the_upstream_sent_it()
    {
        var cluster = fixture.Cluster;
        var balancer = new RoundRobinHandler(() => cluster.LiveUrls);
        await using var direct = await RawSession.OpenAsync(fixture.TestUpstreamEndpoint, token: null);
        await using var through = await RawSession.OpenAsync(new Uri(cluster.LiveUrls[0], "/mcp/metered"), cluster.TokenOf("agent"), handler: balancer);

        await ResultFidelity.AssertFutureShapeComesThroughAsync(direct, through);

        // initialize, initialized and the call: one on each replica.
        lock (balancer.Sent)
        {
            Assert.Equal(3, balancer.Sent.Count);
            Assert.Equal(3, balancer.Sent.Distinct().Count());
        }
    }
}
