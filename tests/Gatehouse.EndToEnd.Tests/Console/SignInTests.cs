using System.Net;
using Gatehouse.EndToEnd.Tests.Cluster;
using Gatehouse.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gatehouse.EndToEnd.Tests.Console;

/// <summary>Signing in and out of a replica's console in a real browser, and the anti-forgery token it needs.</summary>
[Collection(ApprovalCollection.Name)]
public sealed class SignInTests(ApprovalFixture fixture, ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    [Fact]
    public async Task A_wrong_token_is_refused_the_admin_token_opens_the_console_on_every_replica_and_signing_out_closes_it()
    {
        await using var console = await browser.OpenAsync(fixture.Cluster.LiveUrls[0]);

        await console.GoToAsync();
        await Expect(console.Heading("Sign in")).ToBeVisibleAsync();
        await Expect(console.Page.GetByRole(AriaRole.Navigation, new() { Name = "Console pages" })).ToBeHiddenAsync();
        await console.Page.GetByLabel("Admin token").FillAsync("not-the-admin-token");
        await console.Button("Sign in").ClickAsync();
        await Expect(console.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The admin token is wrong.");

        await console.Page.GetByLabel("Admin token").FillAsync(GatewayConfig.AdminToken);
        await console.Page.GetByLabel("Admin token").PressAsync("Enter");
        await Expect(console.Heading("Approvals")).ToBeVisibleAsync();
        await Expect(console.Page.GetByText("Signed in as admin")).ToBeVisibleAsync();
        await Expect(console.Page.GetByLabel("Admin token")).ToHaveCountAsync(0);

        // The cookie is good on another replica (same host, another port): no sign-in there.
        var other = await console.Page.GotoAsync(new Uri(fixture.Cluster.LiveUrls[2], "/console/#/cluster").ToString());
        Assert.Equal((int)HttpStatusCode.OK, other!.Status);
        await Expect(console.Heading("Cluster")).ToBeVisibleAsync();
        // Each replica's own report: the bank policy's version as it enforces it, and the upstream's health as it last found it.
        var reports = console.Page.GetByRole(AriaRole.Table, new() { Name = "Policy revision and upstream health on each replica" });
        await Expect(reports.GetByRole(AriaRole.Row).Filter(new() { HasText = "bank" }).First).ToContainTextAsync("@r");

        await console.Button("Sign out").ClickAsync();
        await Expect(console.Heading("Sign in")).ToBeVisibleAsync();
        await Expect(console.Page.GetByText("Signed out.")).ToBeVisibleAsync();
        await console.GoToAsync("#/grants");
        await Expect(console.Heading("Sign in")).ToBeVisibleAsync();
        Assert.DoesNotContain(await console.Page.Context.CookiesAsync(), cookie => cookie.Name == "gatehouse_console");
        console.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_change_sent_from_the_signed_in_browser_without_the_anti_forgery_token_is_refused()
    {
        await using var console = await browser.OpenAsync(fixture.Cluster.LiveUrls[1]);
        await console.SignInAsync();

        var status = await console.Page.EvaluateAsync<int>("""
            async () => (await fetch('/admin/grants', { method: 'POST', headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify({ id: 'forged', upstreams: ['bank'] }) })).status
            """);
        var grants = await GatewayConfig.Admin.GetAsync(fixture.Cluster.LiveUrls[0], "/admin/grants");

        Assert.Equal((int)HttpStatusCode.Forbidden, status);
        Assert.DoesNotContain(grants["grants"]!.AsArray(), grant => (string?)grant!["id"] == "forged");
        console.AssertNoScriptErrors();
    }
}
