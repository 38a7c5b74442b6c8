using System.Text.RegularExpressions;
using Gatehouse.EndToEnd.Tests.Cluster;
using Gatehouse.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using ModelContextProtocol.Client;
using static Gatehouse.EndToEnd.Tests.Infrastructure.ToolResults;
using static Microsoft.Playwright.Assertions;

namespace Gatehouse.EndToEnd.Tests.Console;

/// <summary>The policies page of <c>desk</c>: an invalid edit is refused at its fault's path; a valid one is enforced everywhere.</summary>
[Collection(ApprovalCollection.Name)]
public sealed class PoliciesPageTests(ApprovalFixture fixture, ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    private GatewayCluster Cluster => fixture.Cluster;

    private async Task<string> PolicyJsonAsync() => (await GatewayConfig.Admin.GetAsync(Cluster.LiveUrls[0], "/admin/policies/desk")).ToJsonString();

    private static async Task<string?> EchoOutcomeAsync(McpClient agent, string message)
    {
        var result = await agent.CallToolAsync("echo", Args(("message", message)));
        return result.IsError == true ? (string?)result.Decision()?["action"] : result.Text();
    }

    [Fact]
    public async Task An_invalid_edit_shows_each_faults_path_and_the_policy_in_force_stays()
    {
        var before = await PolicyJsonAsync();
        await using var console = await browser.OpenAsync(Cluster.LiveUrls[1]);
        await console.SignInAsync("#/policies/desk");
        var editor = console.Page.GetByLabel("Policy document of desk (JSON)");
        await Expect(editor).ToHaveValueAsync(new Regex("\"version\""));

        await editor.FillAsync("""
            { "version": "broken", "default": "allow",
              "tools": { "echo": { "limits": [ { "counter": "echoes", "window": "day", "max": -1, "scope": "grant" } ] } } }
            """);
        await console.Button("Save policy").ClickAsync();
        var faults = console.Page.GetByRole(AriaRole.List, new() { Name = "Faults" });
        await Expect(faults.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "tools.echo.limits[0].max" })).ToBeVisibleAsync();
        await Expect(console.Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "the policy in force stays" })).ToBeVisibleAsync();

        Assert.Equal(before, await PolicyJsonAsync());
        console.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_valid_edit_saved_on_the_console_is_enforced_on_every_replica()
    {
        await using var console = await browser.OpenAsync(Cluster.LiveUrls[2]);
        await console.SignInAsync("#/policies/desk");
        var agents = new List<McpClient>();
        foreach (var replica in Cluster.LiveUrls)
        {
            agents.Add(await Agents.ConnectAsync(new Uri(replica, "/mcp/desk"), Cluster.TokenOf("clerk")));
        }

        try
        {
            var editor = console.Page.GetByLabel("Policy document of desk (JSON)");
            await Expect(editor).ToHaveValueAsync(new Regex("\"version\""));
            var version = $"browser-{Guid.NewGuid():N}"[..16];
            await editor.FillAsync($$"""
                { "version": "{{version}}", "default": "allow",
                  "tools": { "echo": { "action": "deny", "reason": "closed from the console" } } }
                """);
            await console.Button("Save policy").ClickAsync();
            // The version in force is the document's with its revision: "browser-…@r2".
            await Expect(console.Page.GetByText($"version “{version}@r")).ToBeVisibleAsync();

            await Eventually.HoldsAsync(
                async () => (await Task.WhenAll(agents.Select(agent => EchoOutcomeAsync(agent, "hello")))).All(outcome => outcome == "deny"),
                "echo denied on every replica");
            Assert.StartsWith($"{version}@r", (string?)(await GatewayConfig.Admin.GetAsync(Cluster.LiveUrls[0], "/admin/policies/desk"))["version"], StringComparison.Ordinal);
            console.AssertNoScriptErrors();
        }
        finally
        {
            foreach (var agent in agents)
            {
                await agent.DisposeAsync();
            }
        }
    }
}
