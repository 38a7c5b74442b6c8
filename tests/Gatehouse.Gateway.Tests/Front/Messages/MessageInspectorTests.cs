using System.Text;
using Gatehouse.Gateway.Front.Messages;

namespace Gatehouse.Gateway.Tests.Front.Messages;

public sealed class MessageInspectorTests
{
    private static InspectedMessage Inspect(string json) => MessageInspector.Inspect(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void A_request_is_read_with_its_method_and_id()
    {
        var message = Inspect("""{"jsonrpc":"2.0","id":"a-1","method":"tools/call","params":{"name":"echo","arguments":{"message":"hi","list":[1,{"x":"y"}]}}}""");

        Assert.Null(message.Fault);
        Assert.Equal(MessageKind.Request, message.Kind);
        Assert.Equal("tools/call", message.Method);
        Assert.Equal(new MessageId("a-1", IsString: true), message.Id);
    }

    [Fact]
    public void A_notification_has_no_id()
    {
        var message = Inspect("""{"method":"notifications/initialized","jsonrpc":"2.0"}""");

        Assert.Null(message.Fault);
        Assert.Equal(MessageKind.Notification, message.Kind);
        Assert.Null(message.Id);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":"gatehouse-1","result":{}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":5,"error":{"code":-1,"message":"no"}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"bad"}}""")]
    public void A_response_is_told_apart(string json)
    {
        var message = Inspect(json);

        Assert.Null(message.Fault);
        Assert.Equal(MessageKind.Response, message.Kind);
    }

    [Fact]
    public void A_cancellation_names_the_request_it_cancels()
    {
        var message = Inspect("""{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":12,"reason":"enough"}}""");

        Assert.Equal("12", message.CancelledRequestId);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tasks/get","params":{"taskId":"t-7"}}""", "t-7")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tasks/update","params":{"inputResponses":{},"taskId":"t-\u00e9"}}""", "t-\u00e9")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tasks/cancel","params":{"taskId":7}}""", null)]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"x","taskId":"t-7"}}""", null)]
    public void A_task_request_names_its_task(string json, string? taskId)
    {
        var message = Inspect(json);

        Assert.Null(message.Fault);
        Assert.Equal(System.Text.RegularExpressions.Regex.Unescape(taskId ?? string.Empty), message.TaskId ?? string.Empty);
    }

    [Fact]
    public void A_numeric_id_keeps_its_digits()
    {
        var message = Inspect("""{"jsonrpc":"2.0","id":9007199254740993,"method":"ping"}""");

        Assert.Equal(new MessageId("9007199254740993", IsString: false), message.Id);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"a","name":"b"}}""", "'params.name'")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"arguments":{"m":"short","m":"long"}}}""", "'params.arguments.m'")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"x","params":{"a":[{"k":1},{"k":1,"k":2}]}}""", "'params.a[1].k'")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"id":2,"method":"x"}""", "'id'")]
    [InlineData("""{"jsonrpc":"2.0","jsonrpc":"2.0","id":1,"method":"x"}""", "'jsonrpc'")]
    [InlineData("""{"jsonrpc":"2.0","id":"g","result":{"content":{"x":1,"y":2,"x":3}}}""", "'result.content.x'")]
    public void A_duplicate_member_anywhere_is_refused_with_its_path(string json, string path)
    {
        var fault = Inspect(json).Fault;

        Assert.NotNull(fault);
        Assert.Equal(MessageFault.InvalidRequest, fault.Code);
        Assert.Contains(path, fault.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("42")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("null")]
    public void A_method_that_is_not_a_string_is_an_invalid_request(string method)
    {
        var fault = Inspect($$"""{"jsonrpc":"2.0","id":1,"method":{{method}}}""").Fault;

        Assert.Equal(MessageFault.InvalidRequest, fault?.Code);
        Assert.Contains("'method' must be a string", fault?.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":1.5,"method":"ping"}""", "'id'")]
    [InlineData("""{"jsonrpc":"2.0","id":{},"method":"ping"}""", "'id'")]
    [InlineData("""{"jsonrpc":"2.0","id":null,"method":"ping"}""", "'id'")]
    [InlineData("""{"jsonrpc":"1.0","id":1,"method":"ping"}""", "'jsonrpc'")]
    [InlineData("""{"id":1,"method":"ping"}""", "'jsonrpc'")]
    [InlineData("""{"jsonrpc":"2.0","id":1}""", "needs a 'method'")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"result":{},"error":{}}""", "not both")]
    [InlineData("""{"jsonrpc":"2.0","result":{}}""", "needs the 'id'")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"ping","result":{}}""", "cannot also carry")]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"method":"ping"}]""", "Batches")]
    [InlineData("42", "JSON object")]
    public void An_envelope_that_is_not_json_rpc_is_an_invalid_request(string json, string reason)
    {
        var fault = Inspect(json).Fault;

        Assert.Equal(MessageFault.InvalidRequest, fault?.Code);
        Assert.Contains(reason, fault?.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"x","params":[1,2]}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"x","params":"a"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"x","params":{"_meta":[]}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"x","params":{"_meta":null}}""")]
    public void Params_that_are_not_an_object_are_invalid_params(string json) =>
        Assert.Equal(MessageFault.InvalidParams, Inspect(json).Fault?.Code);

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"ping"} {}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"ping",}""")]
    public void Text_that_is_not_one_json_value_is_a_parse_error(string json)
    {
        var fault = Inspect(json).Fault;

        Assert.Equal(MessageFault.ParseError, fault?.Code);
        Assert.Contains("JSON-RPC message", fault?.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"x","params":{"m":"\ud800"}}""", "params.m")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"x","params":{"\udc00x":1}}""", "params")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"x","params":{"a":["ok","\udfff"]}}""", "params.a[1]")]
    public void A_lone_surrogate_is_refused_as_undecodable(string json, string path)
    {
        var fault = Inspect(json).Fault;

        Assert.Equal(MessageFault.ParseError, fault?.Code);
        Assert.Contains($"'{path}", fault?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_refused()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","id":1,"method":"x","params":{"m":"ab"}}""");
        bytes[Array.IndexOf(bytes, (byte)'a')] = 0xC3;

        var fault = MessageInspector.Inspect(bytes).Fault;

        Assert.Equal(MessageFault.ParseError, fault?.Code);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", MessageInspector.MaxDepth + 1)) + "1" + new string('}', MessageInspector.MaxDepth + 1);

        var fault = Inspect($$"""{"jsonrpc":"2.0","id":1,"method":"x","params":{{deep}}}""").Fault;

        Assert.Equal(MessageFault.ParseError, fault?.Code);
    }

    [Fact]
    public void A_refused_message_keeps_its_id_for_the_answer()
    {
        var message = Inspect("""{"jsonrpc":"2.0","id":"keep","method":"tools/call","params":{"name":"a","name":"b"}}""");

        Assert.NotNull(message.Fault);
        Assert.Equal(new MessageId("keep", IsString: true), message.Id);
    }
}
