using Gatehouse.EndToEnd.Tests.Cluster;
using Gatehouse.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Gatehouse.EndToEnd.Tests.Infrastructure.ToolResults;
using static Microsoft.Playwright.Assertions;

namespace Gatehouse.EndToEnd.Tests.Console;

/// <summary>
/// The pictures of the README's Console section, each page with something on it, written to <c>docs/console/</c>:
/// <c>dotnet test tests/Gatehouse.EndToEnd.Tests -c Release --filter Category=Screenshots</c>. The test command leaves this
/// category out (it rewrites files in the repository), so it is neither run nor counted there.
/// </summary>
[Trait("Category", Screenshots)]
[Collection(ApprovalCollection.Name)]
public sealed class ConsoleScreenshots(ApprovalFixture fixture, ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    private const string DeskPolicy = """
        { "version": "desk-2", "default": "allow", "risk_defaults": { "high": { "action": "approve" } },
          "tools": { "get-secret": { "action": "hide" },
                     "echo": { "limits": [ { "counter": "echoes", "window": "day", "max": 10, "scope": "grant" },
                                           { "counter": "echoes-hourly", "window": "hour", "max": 4, "scope": "grant" } ] } } }
        """;

    public const string Screenshots = "Screenshots";

    private static readonly string Folder = Path.Combine(Paths.RepositoryRoot, "docs", "console");

    private GatewayCluster Cluster => fixture.Cluster;

    private static Task ShootAsync(ConsolePage console, string name) =>
        console.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, $"{name}.png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });

    [Fact]
    public async Task Every_page_is_pictured()
    {
        Directory.CreateDirectory(Folder);
        await GatewayConfig.Admin.ExpectAsync(System.Net.HttpStatusCode.OK, HttpMethod.Put, Cluster.LiveUrls[0], "/admin/policies/desk", DeskPolicy);
        await using var clerk = await Agents.ConnectAsync(new Uri(Cluster.LiveUrls[0], "/mcp/desk"), Cluster.TokenOf("clerk"));
        await Eventually.HoldsAsync(async () => !(await clerk.CallToolAsync("echo", Args(("message", "hello")))).IsError.GetValueOrDefault(), "echo allowed under desk-2");
        await clerk.CallToolAsync("echo", Args(("message", "again")));
        await using var agent = await Agents.ConnectAsync(new Uri(Cluster.LiveUrls[0], "/mcp/bank"), Cluster.TokenOf("agent"));

        await using var console = await browser.OpenAsync(Cluster.LiveUrls[1], new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        await console.GoToAsync();
        await Expect(console.Heading("Sign in")).ToBeVisibleAsync();
        await ShootAsync(console, "sign-in");
        await console.SignInAsync();

        var held = agent.CallToolAsync("transfer", Args(("amount", 250), ("to", "acct-4711"), ("memo", "invoice 2024-117"))).AsTask();
        var card = console.Page.GetByRole(AriaRole.Article, new() { Name = "Held call: transfer on bank" }).Filter(new() { HasText = "acct-4711" });
        await Expect(card).ToBeVisibleAsync();
        await ShootAsync(console, "approvals");

        // The rug pull taken back is a change too: the tools page shows it side by side.
        await using (var direct = await Agents.ConnectAsync(fixture.DeskUpstreamEndpoint, token: null))
        {
            await direct.CallToolAsync("shapeshift", Args(("back", true)));
        }

        await clerk.ListToolsAsync();
        await console.NavigateAsync("Tools");
        await ShootAsync(console, "tools");

        await console.NavigateAsync("Policies");
        await console.Page.GetByLabel("Upstream").SelectOptionAsync("desk");
        var editor = console.Page.GetByLabel("Policy document of desk (JSON)");
        await Expect(editor).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("desk-2"));
        await editor.FillAsync((await editor.InputValueAsync()).Replace("\"max\": 10", "\"max\": -10", StringComparison.Ordinal).Replace("\"window\": \"hour\"", "\"window\": \"fortnight\"", StringComparison.Ordinal));
        await console.Button("Save policy").ClickAsync();
        await Expect(console.Page.GetByRole(AriaRole.List, new() { Name = "Faults" })).ToBeVisibleAsync();
        await console.Page.GetByLabel("Tool", new() { Exact = true }).FillAsync("echo");
        await console.Page.GetByLabel("Grant (optional)").FillAsync("clerk");
        await console.Button("Explain").ClickAsync();
        await Expect(console.Page.GetByText("Decision", new() { Exact = true })).ToBeVisibleAsync();
        await ShootAsync(console, "policies");

        await console.NavigateAsync("Grants");
        await console.Page.GetByLabel("Grant id").FillAsync("ci-pipeline");
        await console.Page.GetByRole(AriaRole.Group, new() { Name = "Upstreams it may use" }).GetByLabel("desk").CheckAsync();
        await console.Button("Create grant").ClickAsync();
        await Expect(console.Page.GetByLabel("Its bearer token")).ToBeVisibleAsync();
        await ShootAsync(console, "grants");

        await console.NavigateAsync("Audit");
        await Expect(console.Page.GetByRole(AriaRole.Table, new() { Name = "Audit entries" })).ToBeVisibleAsync();
        await ShootAsync(console, "audit");

        await console.NavigateAsync("Counters");
        await console.Page.GetByLabel("Grant", new() { Exact = true }).SelectOptionAsync("clerk");
        await Expect(console.Page.GetByRole(AriaRole.Meter).First).ToBeVisibleAsync();
        await ShootAsync(console, "counters");

        await console.NavigateAsync("Cluster");
        await Expect(console.Page.GetByRole(AriaRole.Table, new() { Name = "Silos" })).ToBeVisibleAsync();
        await ShootAsync(console, "cluster");

        await using (var phone = await browser.OpenAsync(Cluster.LiveUrls[2], new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            ColorScheme = ColorScheme.Dark,
            IsMobile = true,
            HasTouch = true,
        }))
        {
            await phone.SignInAsync("#/approvals");
            await Expect(phone.Page.GetByRole(AriaRole.Article, new() { Name = "Held call: transfer on bank" }).Filter(new() { HasText = "acct-4711" })).ToBeVisibleAsync();
            await ShootAsync(phone, "approvals-phone-dark");
        }

        await console.NavigateAsync("Approvals");
        await card.GetByRole(AriaRole.Button, new() { Name = "Deny transfer on bank" }).ClickAsync();
        await held;
        console.AssertNoScriptErrors();
    }
}
