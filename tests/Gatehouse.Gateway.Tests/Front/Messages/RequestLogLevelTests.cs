using System.Text.Json.Nodes;
using Gatehouse.Gateway.Front.Messages;
using ModelContextProtocol.Protocol;

namespace Gatehouse.Gateway.Tests.Front.Messages;

public sealed class RequestLogLevelTests
{
    private static JsonRpcRequest Asking(JsonNode? level) => new()
    {
        Id = new RequestId(1),
        Method = "tools/call",
        Params = new JsonObject { ["name"] = "t", ["_meta"] = new JsonObject { [RequestLogLevel.MetaKey] = level } },
    };

    private static JsonObject Message(string level) => new() { ["level"] = level, ["data"] = "x" };

    [Theory]
    [InlineData("debug")]
    [InlineData("notice")]
    [InlineData("emergency")]
    public void A_level_of_the_protocols_is_read(string level) => Assert.Equal(level, RequestLogLevel.Of(Asking(level)));

    [Fact]
    public void No_field_an_unknown_level_or_another_type_asks_for_nothing()
    {
        Assert.Null(RequestLogLevel.Of(new JsonRpcRequest { Id = new RequestId(1), Method = "tools/call", Params = new JsonObject { ["name"] = "t" } }));
        Assert.Null(RequestLogLevel.Of(Asking("verbose")));
        Assert.Null(RequestLogLevel.Of(Asking("INFO")));
        Assert.Null(RequestLogLevel.Of(Asking(3)));
    }

    [Fact]
    public void A_message_passes_at_or_above_the_level_asked_for_and_never_without_one()
    {
        var warning = Asking("warning");

        Assert.True(RequestLogLevel.Admits(warning, Message("warning")));
        Assert.True(RequestLogLevel.Admits(warning, Message("critical")));
        Assert.False(RequestLogLevel.Admits(warning, Message("notice")));
        Assert.False(RequestLogLevel.Admits(warning, Message("chatter")));
        Assert.False(RequestLogLevel.Admits(Asking("bogus"), Message("emergency")));
    }
}
