using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gatehouse.EndToEnd.Tests.Infrastructure;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using static Gatehouse.EndToEnd.Tests.Infrastructure.ToolResults;

namespace Gatehouse.EndToEnd.Tests.Cluster;

/// <summary>Calls held for a human: decided through any replica, forwarded once.</summary>
[Collection(ApprovalCollection.Name)]
public sealed class ApprovalTests(ApprovalFixture fixture)
{
    private GatewayCluster Cluster => fixture.Cluster;

    private static AdminApi Admin => GatewayConfig.Admin;

    /// <summary>
    /// The pending approval of <paramref name="tool"/>, once <c>GET /admin/approvals</c> on the replica lists it.
    /// While the cluster reconfigures the admin API may answer 503 (with Retry-After): the wait goes on;
    /// any other status fails with its body.
    /// </summary>
    internal static async Task<JsonObject> PendingAsync(Uri replica, string tool)
    {
        var answer = await Eventually.ValueAsync(
            () => Admin.SendAsync(HttpMethod.Get, replica, "/admin/approvals"),
            answer => answer.Status == HttpStatusCode.OK && PendingOf(answer, tool) is not null,
            answer => $"no pending approval for {tool}; last answer {(int)answer.Status}: {answer.Text}");
        return PendingOf(answer, tool)!;
    }

    private static JsonObject? PendingOf(AdminAnswer answer, string tool)
    {
        if (answer.Status == HttpStatusCode.ServiceUnavailable)
        {
            Assert.Equal("application/problem+json", answer.ContentType);
            Assert.NotNull(answer.RetryAfter);
            return null;
        }

        return answer.Expect(HttpStatusCode.OK)!["approvals"]!.AsArray().FirstOrDefault(a => (string?)a!["tool"] == tool) as JsonObject;
    }

    private Task<McpClient> ConnectToAsync(int replica, McpClientOptions? options = null) =>
        Agents.ConnectAsync(new Uri(Cluster.LiveUrls[replica], "/mcp/bank"), Cluster.TokenOf("agent"), options: options);

    [Fact]
    public async Task A_held_call_approved_through_another_replica_runs_once_and_the_same_call_needs_a_new_approval()
    {
        var before = await InvocationCounts.ReadAsync(fixture.UpstreamEndpoint);
        await using var agent = await ConnectToAsync(0);
        var arguments = Args(("amount", 10), ("to", "acct-7"));

        var held = agent.CallToolAsync("transfer", arguments).AsTask();
        var pending = await PendingAsync(Cluster.LiveUrls[1], "transfer");
        await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, Cluster.LiveUrls[2], $"/admin/approvals/{pending["id"]}/approve");
        var result = await held;

        Assert.Equal("transferred 10 to acct-7", result.Text());
        Assert.Equal(10, (int)pending["arguments"]!["amount"]!);
        var after = await InvocationCounts.ReadAsync(fixture.UpstreamEndpoint);
        Assert.Equal(before.Of("transfer") + 1, after.Of("transfer"));

        // The same call again is held anew; denied, it never runs. A note too long is refused and decides nothing;
        // the note kept is told to the agent and shown with the decision on every replica.
        var again = agent.CallToolAsync("transfer", arguments).AsTask();
        var second = await PendingAsync(Cluster.LiveUrls[0], "transfer");
        var tooLong = await Admin.SendAsync(HttpMethod.Post, Cluster.LiveUrls[1], $"/admin/approvals/{second["id"]}/deny", JsonSerializer.Serialize(new { note = new string('x', 501) }));
        await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, Cluster.LiveUrls[1], $"/admin/approvals/{second["id"]}/deny", """{"note":"  sent twice today already  "}""");
        var refused = await again;

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        Assert.Contains("note: at most 500 characters, found 501", tooLong.Text, StringComparison.Ordinal);
        Assert.Equal((string?)pending["id"], (string?)second["id"]);
        Assert.Equal("approval_denied", (string?)refused.Decision()?["action"]);
        Assert.Equal("The call of 'transfer' was not approved (by the operator): sent twice today already", refused.Text());
        var decided = (await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Cluster.LiveUrls[2], "/admin/approvals/decided"))!["approvals"]!.AsArray()
            .Single(approval => (string?)approval!["id"] == (string?)second["id"])!;
        Assert.Equal("denied", (string?)decided["state"]);
        Assert.Equal("sent twice today already", (string?)decided["note"]);
        Assert.Equal(after.Of("transfer"), (await InvocationCounts.ReadAsync(fixture.UpstreamEndpoint)).Of("transfer"));
    }

    [Fact]
    public async Task A_call_held_on_one_replica_is_approved_through_another_replicas_console_and_the_agent_gets_the_result()
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false });
        var console = Cluster.LiveUrls[1];
        using var signIn = await http.PostAsync(new Uri(console, "/console/session"), new StringContent($$"""{"token":"{{GatewayConfig.AdminToken}}"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        var csrf = (string)JsonNode.Parse(await signIn.Content.ReadAsStringAsync())!["csrf"]!;
        await using var agent = await ConnectToAsync(0);

        var held = agent.CallToolAsync("transfer", Args(("amount", 31), ("to", "acct-console"))).AsTask();
        var pending = await PendingAsync(console, "transfer");
        Assert.Equal("/tools/transfer/action", (string?)pending["rule"]);
        using var withoutToken = new HttpRequestMessage(HttpMethod.Post, new Uri(Cluster.LiveUrls[2], $"/admin/approvals/{pending["id"]}/approve"));
        withoutToken.Headers.Add("Cookie", cookie);
        using var refused = await http.SendAsync(withoutToken);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var approve = new HttpRequestMessage(HttpMethod.Post, new Uri(console, $"/admin/approvals/{pending["id"]}/approve"));
        approve.Headers.Add("Cookie", cookie);
        approve.Headers.Add("X-Gatehouse-Csrf", csrf);
        using var approved = await http.SendAsync(approve);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var result = await held;

        Assert.Equal("transferred 31 to acct-console", result.Text());
    }

    [Fact]
    public async Task An_undecided_call_times_out()
    {
        await using var agent = await ConnectToAsync(1);

        var result = await agent.CallToolAsync("add", Args(("a", 1), ("b", 2)));

        Assert.True(result.IsError);
        Assert.Equal("approval_timeout", (string?)result.Decision()?["action"]);
        Assert.Equal("add", (string?)result.Decision()?["rule"]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Approval_by_the_user_asks_the_agents_own_human(bool approves)
    {
        var asked = 0;
        var options = new McpClientOptions
        {
            ProtocolVersion = "2025-11-25",
            Handlers = new McpClientHandlers
            {
                ElicitationHandler = (request, _) =>
                {
                    Interlocked.Increment(ref asked);
                    return ValueTask.FromResult(approves
                        ? new ElicitResult { Action = "accept", Content = new Dictionary<string, JsonElement> { ["approve"] = JsonSerializer.SerializeToElement(true) } }
                        : new ElicitResult { Action = "decline" });
                },
            },
        };
        await using var agent = await ConnectToAsync(2, options);

        var result = await agent.CallToolAsync("echo", Args(("message", approves ? "yes" : "no")));

        Assert.Equal(1, asked);
        if (approves)
        {
            Assert.Equal("echo: yes", result.Text());
        }
        else
        {
            Assert.Equal("approval_denied", (string?)result.Decision()?["action"]);
        }
    }

    [Fact]
    public async Task Approval_by_the_user_of_a_client_that_cannot_ask_is_refused_and_leaves_nothing_pending()
    {
        await using var agent = await ConnectToAsync(1);

        var result = await agent.CallToolAsync("echo", Args(("message", "nobody to ask")));
        var approvals = await Admin.GetAsync(Cluster.LiveUrls[0], "/admin/approvals");

        Assert.Equal("approval_denied", (string?)result.Decision()?["action"]);
        Assert.Contains("no elicitation", result.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("nobody to ask", approvals.ToJsonString(), StringComparison.Ordinal);
    }
}
