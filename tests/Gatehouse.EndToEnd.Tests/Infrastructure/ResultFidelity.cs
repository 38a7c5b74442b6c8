using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Gatehouse.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The comparison behind the result-fidelity tests: the same request on a session straight to an upstream
/// and on one through Gatehouse, with the same answers to the server's requests, gets the same result
/// (see <see cref="RawResponse.ResultJson"/>) or the same error.
/// </summary>
internal static partial class ResultFidelity
{
    /// <summary>
    /// Lists the tools on both sessions (the lists must be the same) and calls every tool on both, one
    /// after the other, with the arguments <paramref name="argumentsFor"/> gives it (by name and input
    /// schema). Each session answers the server's requests with <paramref name="answer"/>, those on a
    /// call's stream and those on the session's own (opened first). Returns the names of the tools called.
    /// </summary>
    public static async Task<IReadOnlyList<string>> AssertEveryToolAnswersTheSameAsync(
        RawSession direct,
        RawSession through,
        Func<string, JsonObject?, JsonObject> argumentsFor,
        Func<JsonObject, JsonNode> answer,
        ITestOutputHelper output)
    {
        await direct.ListenAsync(answer);
        await through.ListenAsync(answer);
        var (directTools, throughTools) = await RequestBothAsync(direct, through, "tools/list", null, answer);
        Assert.Equal(directTools.ResultJson, throughTools.ResultJson);

        var tools = directTools.Message["result"]!["tools"]!.AsArray().Select(t => t!.AsObject()).ToList();
        foreach (var tool in tools)
        {
            var name = (string)tool["name"]!;
            var call = new JsonObject { ["name"] = name, ["arguments"] = argumentsFor(name, tool["inputSchema"] as JsonObject) };
            var (expected, actual) = await RequestBothAsync(direct, through, "tools/call", call, answer);

            output.WriteLine($"{name}: {Shorten(expected.Text)}");
            output.WriteLine($"{name} through the gateway: {Shorten(actual.Text)}");
            AssertSame(name, expected, actual);
        }

        return [.. tools.Select(t => (string)t["name"]!)];
    }

    /// <summary>
    /// Calls the test upstream's <c>future-shape</c> on both sessions: a result with members and a content type
    /// no MCP SDK knows, and numbers in forms no serializer writes, comes back the same.
    /// </summary>
    public static async Task AssertFutureShapeComesThroughAsync(RawSession direct, RawSession through)
    {
        var call = new JsonObject { ["name"] = "future-shape", ["arguments"] = new JsonObject() };

        var (expected, actual) = await RequestBothAsync(direct, through, "tools/call", call);

        // The upstream did send what no SDK knows: the comparison is not between two ordinary results.
        Assert.Contains("""{"type":"hologram","frames":[1,2.50,1E+2,-0,12345678901234567890123],"loop":null}""", expected.ResultJson);
        Assert.Contains(""","futureMember":{"since":"2099-01-01","flags":[true,false,null]},""", expected.ResultJson);
        Assert.Equal(expected.ResultJson, actual.ResultJson);
    }

    /// <summary>
    /// Sends the same request on both sessions, one after the other, and checks that each was answered
    /// with HTTP 200 before anything reads what the answer says.
    /// </summary>
    public static async Task<(RawResponse Direct, RawResponse Through)> RequestBothAsync(
        RawSession direct, RawSession through, string method, JsonObject? parameters, Func<JsonObject, JsonNode>? answer = null)
    {
        var expected = await AnsweredAsync(direct, method, parameters?.DeepClone().AsObject(), answer);
        var actual = await AnsweredAsync(through, method, parameters?.DeepClone().AsObject(), answer);
        return (expected, actual);
    }

    /// <summary>
    /// The same result, member for member, or the same error. A result may name the upstream session it
    /// ran in, or the second it was made at, which differ by nature between two calls; nothing else may differ.
    /// </summary>
    public static void AssertSame(string what, RawResponse expected, RawResponse actual)
    {
        Assert.True(expected.ResultJson is not null || expected.Error is not null, $"{what}: {expected.Text}");
        Assert.Equal(WithoutSessionIdsOrTimes(expected.ResultJson), WithoutSessionIdsOrTimes(actual.ResultJson));
        Assert.Equal(expected.Error?.ToJsonString(), actual.Error?.ToJsonString());
    }

    private static async Task<RawResponse> AnsweredAsync(RawSession session, string method, JsonObject? parameters, Func<JsonObject, JsonNode>? answer)
    {
        var response = await session.RequestAsync(method, parameters, answer);
        Assert.True(response.Status == 200, $"{method} was answered with HTTP {response.Status}: {response.Text}");
        return response;
    }

    private static string? WithoutSessionIdsOrTimes(string? json) =>
        json is null ? null : ClockTime().Replace(SessionId().Replace(json, "<session id>"), "<time>");

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + "…";

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex SessionId();

    [GeneratedRegex(@"\d{1,2}:\d{2}:\d{2}\s?[AP]M")]
    private static partial Regex ClockTime();
}
