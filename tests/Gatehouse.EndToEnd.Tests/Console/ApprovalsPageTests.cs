using Gatehouse.EndToEnd.Tests.Cluster;
using Gatehouse.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using ModelContextProtocol.Client;
using static Gatehouse.EndToEnd.Tests.Infrastructure.ToolResults;
using static Microsoft.Playwright.Assertions;

namespace Gatehouse.EndToEnd.Tests.Console;

/// <summary>
/// The live approvals page: a call held on one replica appears on another replica's open page (pushed, no reload)
/// and a click there decides it.
/// </summary>
[Collection(ApprovalCollection.Name)]
public sealed class ApprovalsPageTests(ApprovalFixture fixture, ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    private GatewayCluster Cluster => fixture.Cluster;

    private Task<McpClient> AgentOnAsync(int replica) =>
        Agents.ConnectAsync(new Uri(Cluster.LiveUrls[replica], "/mcp/bank"), Cluster.TokenOf("agent"));

    /// <summary>The card of the held <c>transfer</c> to <paramref name="account"/> (other held calls may be listed too).</summary>
    private static ILocator HeldTransfer(ConsolePage console, string account) =>
        console.Page.GetByRole(AriaRole.Article, new() { Name = "Held call: transfer on bank" }).Filter(new() { HasText = account });

    [Fact]
    public async Task A_call_held_on_replica_A_is_approved_on_replica_Bs_console_page_and_the_agent_gets_the_upstreams_result()
    {
        await using var console = await browser.OpenAsync(Cluster.LiveUrls[1]);
        await console.SignInAsync("#/approvals");
        await Expect(console.Page.GetByText("Live: updates as calls are held and decided.")).ToBeVisibleAsync();
        await using var agent = await AgentOnAsync(0);

        var held = agent.CallToolAsync("transfer", Args(("amount", 42), ("to", "acct-browser-approve"))).AsTask();
        var card = HeldTransfer(console, "acct-browser-approve");
        await Expect(card).ToBeVisibleAsync();
        await Expect(card).ToContainTextAsync("/tools/transfer/action");
        await Expect(card.GetByRole(AriaRole.Definition).Filter(new() { HasText = "agent" })).ToHaveCountAsync(1);
        await card.GetByRole(AriaRole.Button, new() { Name = "Approve transfer on bank" }).ClickAsync();
        var result = await held;

        Assert.Equal("transferred 42 to acct-browser-approve", result.Text());
        await Expect(card).ToHaveCountAsync(0);
        var decided = console.Page.GetByRole(AriaRole.Table, new() { Name = "Recently decided approvals" });
        // Approved, then consumed by the call it let through; decided by an operator (not the agent's user, not a timeout).
        await Expect(decided.GetByRole(AriaRole.Row).Filter(new() { HasText = "consumed" }).Filter(new() { HasText = "operator" }).First).ToBeVisibleAsync();
        console.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_call_denied_on_the_console_page_is_refused_to_the_agent_and_never_reaches_the_upstream()
    {
        await using var console = await browser.OpenAsync(Cluster.LiveUrls[2]);
        await console.SignInAsync("#/approvals");
        await Expect(console.Page.GetByText("Live: updates as calls are held and decided.")).ToBeVisibleAsync();
        await using var agent = await AgentOnAsync(1);
        var before = await InvocationCounts.ReadAsync(fixture.UpstreamEndpoint);

        var held = agent.CallToolAsync("transfer", Args(("amount", 7), ("to", "acct-browser-deny"))).AsTask();
        var card = HeldTransfer(console, "acct-browser-deny");
        await card.GetByLabel("Note").FillAsync("acct-browser-deny is not on the payee list");
        await card.GetByRole(AriaRole.Button, new() { Name = "Deny transfer on bank" }).ClickAsync();
        var result = await held;

        Assert.Equal("approval_denied", (string?)result.Decision()?["action"]);
        Assert.Contains("(by the operator): acct-browser-deny is not on the payee list", result.Text(), StringComparison.Ordinal);
        await Expect(card).ToHaveCountAsync(0);
        var decided = console.Page.GetByRole(AriaRole.Table, new() { Name = "Recently decided approvals" });
        await Expect(decided.GetByRole(AriaRole.Row).Filter(new() { HasText = "acct-browser-deny is not on the payee list" })).ToContainTextAsync("denied");
        Assert.Equal(before.Of("transfer"), (await InvocationCounts.ReadAsync(fixture.UpstreamEndpoint)).Of("transfer"));
        console.AssertNoScriptErrors();
    }
}
