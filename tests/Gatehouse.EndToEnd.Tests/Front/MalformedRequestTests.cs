using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Gatehouse.EndToEnd.Tests.Infrastructure;

namespace Gatehouse.EndToEnd.Tests.Front;

/// <summary>Bad input gets a clear error and reaches no upstream.</summary>
[Collection(CoreGatewayCollection.Name)]
public sealed class MalformedRequestTests(CoreGatewayFixture fixture)
{
    private async Task<HttpResponseMessage> PostAsync(string body, string contentType = "application/json")
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, fixture.Gateway.EndpointOf("test")) { Content = new StringContent(body, Encoding.UTF8, contentType) };

        // The server may refuse a body before it is sent; waiting for its go-ahead lets the client read that answer.
        request.Headers.ExpectContinue = true;
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Gateway.TokenOf("alpha"));
        return await http.SendAsync(request);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"jsonrpc":"2.0","id":1}""")]
    [InlineData("42")]
    public async Task A_body_that_is_not_a_json_rpc_message_gets_a_400(string body)
    {
        using var response = await PostAsync(body);

        Assert.Contains("JSON-RPC", await response.EnsureStatusAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_batch_is_refused_as_the_2025_06_18_revision_requires()
    {
        var before = await InvocationCounts.ReadAsync(fixture.TestUpstreamEndpoint);

        using var response = await PostAsync(
            """[{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"b","version":"1"}}},{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"echo","arguments":{"message":"x"}}}]""");

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        var after = await InvocationCounts.ReadAsync(fixture.TestUpstreamEndpoint);
        Assert.Equal(before.Of("echo"), after.Of("echo"));
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_refused()
    {
        var huge = """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"message":" """ + new string('x', 5 * 1024 * 1024) + "\"}}}";

        using var response = await PostAsync(huge);

        await response.EnsureStatusAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_foreign_origin_is_refused_before_anything_else()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, fixture.Gateway.EndpointOf("test")) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.Add("Origin", "http://evil.example.com");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Gateway.TokenOf("alpha"));

        using var response = await http.SendAsync(request);

        await response.EnsureStatusAsync(HttpStatusCode.Forbidden);
    }
}
