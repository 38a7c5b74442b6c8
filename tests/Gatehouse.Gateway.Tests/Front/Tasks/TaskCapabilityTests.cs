using System.Text.Json.Nodes;
using Gatehouse.Gateway.Front.Tasks;
using ModelContextProtocol.Protocol;

namespace Gatehouse.Gateway.Tests.Front.Tasks;

public sealed class TaskCapabilityTests
{
    private const string Offered = """{"tools":{},"tasks":{"list":{},"cancel":{},"requests":{"tools":{"call":{}}}}}""";

    [Theory]
    [InlineData(null)]
    [InlineData("""{"tools":{}}""")]
    [InlineData("""{"tasks":true}""")]
    public void An_upstream_that_offers_no_tasks_has_no_task_capability(string? capabilities) =>
        Assert.Null(TaskCapability.Of(capabilities));

    [Fact]
    public void Get_and_result_are_forwarded_always_list_and_cancel_when_offered()
    {
        Assert.Equal(["tasks/get", "tasks/result", "tasks/list", "tasks/cancel"], TaskCapability.Of(Offered)!.Methods);
        Assert.Equal(["tasks/get", "tasks/result"], TaskCapability.Of("""{"tasks":{"requests":{"tools":{"call":{}}}}}""")!.Methods);
    }

    [Theory]
    [InlineData("2025-11-25", 1, true)]
    [InlineData("2025-06-18", 1, false)]
    [InlineData("2025-11-25", 2, false)]
    public async Task The_initialize_answer_to_a_2025_11_25_agent_offers_the_upstreams_tasks(string version, long answeredId, bool offered)
    {
        var tasks = TaskCapability.Of(Offered)!;
        var initialize = new JsonRpcRequest { Id = new RequestId(1), Method = RequestMethods.Initialize };
        var answer = new JsonRpcResponse
        {
            Id = new RequestId(answeredId),
            Result = new JsonObject { ["protocolVersion"] = version, ["capabilities"] = new JsonObject { ["tools"] = new JsonObject() } },
        };

        tasks.Note(initialize);
        tasks.Offer(answer);

        var advertised = answer.Result!["capabilities"]!["tasks"];
        Assert.Equal(offered, advertised is not null);
        if (offered)
        {
            Assert.Equal("""{"list":{},"cancel":{},"requests":{"tools":{"call":{}}}}""", advertised!.ToJsonString());
        }
    }
}
