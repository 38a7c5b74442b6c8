using System.Text.Json.Nodes;
using Gatehouse.Gateway.Front.Tasks;

namespace Gatehouse.Gateway.Tests.Front.Tasks;

public sealed class TaskExtensionTests
{
    private const string UpstreamTask =
        """{"taskId":"t-1","status":"working","statusMessage":"Gathering sources...","createdAt":"2026-12-07T10:00:00Z","lastUpdatedAt":"2026-12-07T10:00:01Z","ttl":60000,"pollInterval":1000}""";

    [Fact]
    public void A_created_task_is_answered_as_the_extensions_task_result()
    {
        var created = TaskExtension.Created(JsonNode.Parse($$"""{"task":{{UpstreamTask}}}""")!);

        Assert.Equal(
            """{"taskId":"t-1","status":"working","statusMessage":"Gathering sources...","createdAt":"2026-12-07T10:00:00Z","lastUpdatedAt":"2026-12-07T10:00:01Z","ttlMs":60000,"pollIntervalMs":1000,"resultType":"task"}""",
            created.ToJsonString());
    }

    [Fact]
    public void An_unlimited_task_says_so_with_a_null_time_to_live()
    {
        var created = TaskExtension.Created(JsonNode.Parse("""{"task":{"taskId":"t-2","status":"working"}}""")!);

        Assert.True(created.ContainsKey("ttlMs"));
        Assert.Null(created["ttlMs"]);
    }

    [Fact]
    public void An_ended_task_carries_its_result_or_its_error()
    {
        var completed = JsonNode.Parse(UpstreamTask.Replace("\"working\"", "\"completed\"", StringComparison.Ordinal))!;
        var result = JsonNode.Parse("""{"content":[{"type":"text","text":"done"}]}""");

        var withResult = TaskExtension.Detailed(completed, result, null);
        var withError = TaskExtension.Detailed(completed, null, new JsonObject { ["code"] = -32603, ["message"] = "broke" });

        Assert.Equal("complete", (string?)withResult["resultType"]);
        Assert.Equal("done", (string?)withResult["result"]!["content"]![0]!["text"]);
        Assert.Equal(60000, (int?)withResult["ttlMs"]);
        Assert.Null(withResult["ttl"]);
        Assert.Equal(-32603, (int?)withError["error"]!["code"]);
        Assert.Null(withError["result"]);
    }

    [Fact]
    public void A_task_waiting_upstream_for_input_is_reported_working()
    {
        var waiting = JsonNode.Parse(UpstreamTask.Replace("\"working\"", "\"input_required\"", StringComparison.Ordinal))!;

        var detailed = TaskExtension.Detailed(waiting, null, null);

        Assert.Equal("working", (string?)detailed["status"]);
        Assert.Null(detailed["inputRequests"]);
    }
}
