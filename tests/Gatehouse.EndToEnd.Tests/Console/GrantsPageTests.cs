using System.Net;
using Gatehouse.EndToEnd.Tests.Cluster;
using Gatehouse.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gatehouse.EndToEnd.Tests.Console;

/// <summary>The grants page: a grant created there works at once with the token shown once; revoked there, it stops.</summary>
[Collection(ApprovalCollection.Name)]
public sealed class GrantsPageTests(ApprovalFixture fixture, ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    private static readonly HttpClient Http = new() { Timeout = ConsoleBrowser.Ceiling };

    /// <summary>The status of an <c>initialize</c> on <c>/mcp/desk</c> of <paramref name="replica"/> with <paramref name="token"/>.</summary>
    private static async Task<HttpStatusCode> InitializeStatusAsync(Uri replica, string token)
    {
        using var request = RawMcp.Post(new Uri(replica, "/mcp/desk"), token,
            """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""", null);
        using var response = await Http.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task A_grant_created_on_the_console_shows_its_token_once_works_on_every_replica_and_revoked_there_is_refused()
    {
        var id = $"browser-{Guid.NewGuid():N}"[..20];
        await using var console = await browser.OpenAsync(fixture.Cluster.LiveUrls[0]);
        await console.SignInAsync("#/grants");
        await Expect(console.Heading("Grants")).ToBeVisibleAsync();

        await console.Page.GetByLabel("Grant id").FillAsync(id);
        await console.Page.GetByRole(AriaRole.Group, new() { Name = "Upstreams it may use" }).GetByLabel("desk").CheckAsync();
        await console.Button("Create grant").ClickAsync();
        await Expect(console.Page.GetByRole(AriaRole.Heading, new() { Name = $"Grant {id} created" })).ToBeVisibleAsync();
        var token = await console.Page.GetByLabel("Its bearer token").InputValueAsync();
        var row = console.Page.GetByRole(AriaRole.Row).Filter(new() { Has = console.Page.GetByRole(AriaRole.Rowheader, new() { Name = id, Exact = true }) });
        await Expect(row).ToContainTextAsync("active");

        Assert.Matches("^[A-Za-z0-9_-]{20,}$", token);
        // Replicas follow the grants (twice a second): the new one reaches each of them on that schedule.
        await Eventually.HoldsAsync(
            async () => (await Task.WhenAll(fixture.Cluster.LiveUrls.Select(replica => InitializeStatusAsync(replica, token)))).All(status => status == HttpStatusCode.OK),
            $"grant {id} accepted (200) on every replica");

        // Shown once: the page read again has no token on it.
        await console.Page.ReloadAsync();
        await Expect(console.Heading("Grants")).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("active");
        await Expect(console.Page.GetByLabel("Its bearer token")).ToHaveCountAsync(0);

        console.Page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = $"Revoke grant {id}" }).ClickAsync();
        await Expect(row).ToContainTextAsync("revoked");
        await Eventually.HoldsAsync(
            async () => (await Task.WhenAll(fixture.Cluster.LiveUrls.Select(replica => InitializeStatusAsync(replica, token)))).All(status => status == HttpStatusCode.Unauthorized),
            $"grant {id} refused (401) on every replica");
        console.AssertNoScriptErrors();
    }
}
