using System.Text.Json.Nodes;
using Gatehouse.Grains.Continuations;
using Gatehouse.Testing;

namespace Gatehouse.Grains.Tests.Continuations;

/// <summary>The meeting point of a bridged call: the upstream's questions out to the agent's rounds, the answers back, the outcome once.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class BridgedCallGrainTests(GrainClusterFixture fixture)
{
    /// <summary>Long enough never to elapse in a test that expects an answer (the answer ends the wait).</summary>
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(90);

    private IBridgedCallGrain NewCall() => fixture.Cluster.GrainFactory.GetGrain<IBridgedCallGrain>($"call-{Guid.NewGuid():N}");

    [Fact]
    public async Task A_question_goes_out_in_a_round_and_its_answer_comes_back_to_the_asker()
    {
        var call = NewCall();
        await call.OpenAsync();

        var asking = call.AskAsync("sampling/createMessage", """{"maxTokens":5}""", CancellationToken.None).AsTask();
        var round = JsonNode.Parse((await call.NextAsync(Long, CancellationToken.None))!)!;
        var (key, question) = round["inputRequests"]!.AsObject().Single();
        var taken = await call.AnswerAsync(new JsonObject { [key] = new JsonObject { ["model"] = "m" }, ["unknown"] = 1 }.ToJsonString());

        Assert.Equal("sampling/createMessage", (string?)question!["method"]);
        Assert.Equal(5, (int?)question["params"]!["maxTokens"]);
        Assert.Equal(1, taken);
        Assert.Equal("m", (string?)JsonNode.Parse(await asking)!["result"]!["model"]);
    }

    [Fact]
    public async Task Open_requests_are_reported_as_often_as_asked_until_answered_and_taking_nothing()
    {
        var call = NewCall();
        Assert.Null(await call.OpenRequestsAsync());

        var asking = call.AskAsync("elicitation/create", """{"message":"which?"}""", CancellationToken.None).AsTask();
        var open = await Eventually.ValueAsync(async () => await call.OpenRequestsAsync(), found => found is not null, _ => "no open request");
        var again = await call.OpenRequestsAsync();
        var (key, question) = JsonNode.Parse(open!)!.AsObject().Single();
        await call.AnswerAsync(new JsonObject { [key] = new JsonObject { ["action"] = "accept" } }.ToJsonString());

        Assert.Equal(open, again);
        Assert.Equal("which?", (string?)question!["params"]!["message"]);
        Assert.Equal("accept", (string?)JsonNode.Parse(await asking)!["result"]!["action"]);
        Assert.Null(await call.OpenRequestsAsync());
    }

    [Fact]
    public async Task A_round_waits_for_the_outcome_which_is_given_once_and_then_the_call_is_lost()
    {
        var call = NewCall();
        await call.OpenAsync();

        var waiting = call.NextAsync(Long, CancellationToken.None).AsTask();
        await call.FinishAsync("""{"result":{"content":[]}}""");

        Assert.NotNull(JsonNode.Parse((await waiting)!)!["result"]);
        Assert.True((bool?)JsonNode.Parse((await call.NextAsync(Long, CancellationToken.None))!)!["lost"]);
    }

    [Fact]
    public async Task Notifications_go_out_in_order_ahead_of_the_outcome_that_followed_them_and_only_once()
    {
        var call = NewCall();
        await call.OpenAsync();

        await call.NotifyAsync("notifications/message", """{"level":"info","data":"one"}""");
        await call.NotifyAsync("notifications/progress", """{"progress":1}""");
        await call.FinishAsync("""{"result":{"content":[]}}""");
        var first = JsonNode.Parse((await call.NextAsync(Long, CancellationToken.None))!)!;
        var second = JsonNode.Parse((await call.NextAsync(Long, CancellationToken.None))!)!;

        Assert.Equal(["notifications/message", "notifications/progress"], first["notifications"]!.AsArray().Select(n => (string?)n!["method"]));
        Assert.Equal("one", (string?)first["notifications"]![0]!["params"]!["data"]);
        Assert.Null(second["notifications"]);
        Assert.NotNull(second["result"]);
    }

    [Fact]
    public async Task Untaken_notifications_are_kept_up_to_a_bound_dropping_the_oldest()
    {
        var call = NewCall();
        await call.OpenAsync();

        for (var i = 0; i < BridgedCallGrain.MostNotificationsKept + 5; i++)
        {
            await call.NotifyAsync("notifications/progress", $$"""{"progress":{{i}}}""");
        }

        var kept = JsonNode.Parse((await call.NextAsync(Long, CancellationToken.None))!)!["notifications"]!.AsArray();
        Assert.Equal(BridgedCallGrain.MostNotificationsKept, kept.Count);
        Assert.Equal(5, (int?)kept[0]!["params"]!["progress"]);
    }

    [Fact]
    public async Task A_round_with_nothing_new_ends_empty_after_its_hold_and_the_question_is_asked_again_until_answered()
    {
        var call = NewCall();
        await call.OpenAsync();

        Assert.Null(await call.NextAsync(TimeSpan.FromMilliseconds(50), CancellationToken.None));

        _ = call.AskAsync("roots/list", null, CancellationToken.None);
        var first = JsonNode.Parse((await call.NextAsync(Long, CancellationToken.None))!)!["inputRequests"]!.AsObject();
        var again = JsonNode.Parse((await call.NextAsync(Long, CancellationToken.None))!)!["inputRequests"]!.AsObject();

        Assert.Equal(first.Select(p => p.Key), again.Select(p => p.Key));
    }

    [Fact]
    public async Task A_call_that_was_never_opened_here_is_lost()
    {
        Assert.True((bool?)JsonNode.Parse((await NewCall().NextAsync(Long, CancellationToken.None))!)!["lost"]);
    }
}
