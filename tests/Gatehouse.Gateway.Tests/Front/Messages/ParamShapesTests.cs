using System.Text.Json.Nodes;
using Gatehouse.Gateway.Front.Messages;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Gatehouse.Gateway.Tests.Front.Messages;

public sealed class ParamShapesTests
{
    private static JsonRpcRequest Request(string method, string? parameters) =>
        new() { Id = new RequestId(1), Method = method, Params = parameters is null ? null : JsonNode.Parse(parameters) };

    [Theory]
    [InlineData("tools/call", """{"name":"echo","arguments":{"m":1}}""")]
    [InlineData("tools/call", """{"name":"echo"}""")]
    [InlineData("tools/list", null)]
    [InlineData("tools/list", """{"cursor":"abc"}""")]
    [InlineData("resources/read", """{"uri":"file:///x"}""")]
    [InlineData("prompts/get", """{"name":"p","arguments":{"a":"b"}}""")]
    [InlineData("completion/complete", """{"ref":{"type":"ref/prompt","name":"p"},"argument":{"name":"a","value":"b"}}""")]
    [InlineData("logging/setLevel", """{"level":"info"}""")]
    [InlineData("tools/call", """{"name":"research","task":{"ttl":60000}}""")]
    [InlineData("tasks/get", """{"taskId":"t-1"}""")]
    [InlineData("tasks/list", null)]
    [InlineData("some/other", """{"anything":[1]}""")]
    public void Well_shaped_params_pass(string method, string? parameters) =>
        ParamShapes.Check(Request(method, parameters));

    [Theory]
    [InlineData("tools/call", """{"name":"echo","arguments":[1]}""", "tools/call: params.arguments must be an object.")]
    [InlineData("tools/call", """{"name":7}""", "tools/call: params.name must be a string.")]
    [InlineData("tools/call", null, "tools/call needs params.name (a string).")]
    [InlineData("tools/call", """[1]""", "tools/call: params must be an object.")]
    [InlineData("tools/list", """{"cursor":5}""", "tools/list: params.cursor must be a string.")]
    [InlineData("resources/read", """{"uri":{}}""", "resources/read: params.uri must be a string.")]
    [InlineData("completion/complete", """{"ref":"p","argument":{}}""", "completion/complete: params.ref must be an object.")]
    [InlineData("ping", """{"_meta":"x"}""", "ping: params._meta must be an object.")]
    [InlineData("tools/call", """{"name":"research","task":true}""", "tools/call: params.task must be an object.")]
    [InlineData("tasks/result", """{"taskId":7}""", "tasks/result: params.taskId must be a string.")]
    [InlineData("tasks/cancel", null, "tasks/cancel needs params.taskId (a string).")]
    [InlineData("tasks/list", """{"cursor":[]}""", "tasks/list: params.cursor must be a string.")]
    public void Misshaped_params_are_invalid_params_naming_the_member(string method, string? parameters, string message)
    {
        var refused = Assert.Throws<McpProtocolException>(() => ParamShapes.Check(Request(method, parameters)));

        Assert.Equal(McpErrorCode.InvalidParams, refused.ErrorCode);
        Assert.Equal(message, refused.Message);
    }
}
