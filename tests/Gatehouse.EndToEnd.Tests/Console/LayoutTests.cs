using Gatehouse.EndToEnd.Tests.Cluster;
using Gatehouse.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gatehouse.EndToEnd.Tests.Console;

/// <summary>What people expect of any page: a phone screen, the system's dark setting, a keyboard.</summary>
[Collection(ApprovalCollection.Name)]
public sealed class LayoutTests(ApprovalFixture fixture, ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    private static readonly string[] Pages = ["Approvals", "Tools", "Policies", "Grants", "Audit", "Counters", "Cluster"];

    [Fact]
    public async Task Every_page_fits_a_phone_screen_in_dark_mode_without_scrolling_sideways()
    {
        await using var console = await browser.OpenAsync(fixture.Cluster.LiveUrls[0], new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            ColorScheme = ColorScheme.Dark,
            IsMobile = true,
            HasTouch = true,
        });
        await console.SignInAsync();

        var background = await console.Page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
        Assert.Equal("rgb(18, 20, 24)", background);
        foreach (var name in Pages)
        {
            await console.NavigateAsync(name);
            var overflow = await console.Page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{name} is {overflow} px wider than a 360 px screen");
        }

        console.AssertNoScriptErrors();
    }

    [Fact]
    public async Task The_keyboard_signs_in_moves_between_pages_and_skips_to_the_content_with_focus_on_what_changed()
    {
        await using var console = await browser.OpenAsync(fixture.Cluster.LiveUrls[1]);
        await console.GoToAsync();
        await Expect(console.Heading("Sign in")).ToBeVisibleAsync();
        await Expect(console.Page.GetByLabel("Admin token")).ToBeFocusedAsync();

        await console.Page.Keyboard.TypeAsync(GatewayConfig.AdminToken);
        await console.Page.Keyboard.PressAsync("Enter");
        await Expect(console.Heading("Approvals")).ToBeFocusedAsync();
        await console.Page.Keyboard.PressAsync("Shift+Tab");
        await Expect(console.Button("Sign out")).ToBeFocusedAsync();

        var tools = console.Page.GetByRole(AriaRole.Link, new() { Name = "Tools", Exact = true });
        await tools.FocusAsync();
        await console.Page.Keyboard.PressAsync("Enter");
        await Expect(console.Heading("Tools")).ToBeFocusedAsync();
        await Expect(tools).ToHaveAttributeAsync("aria-current", "page");

        var skip = console.Page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" });
        await skip.FocusAsync();
        await Expect(skip).ToBeInViewportAsync();
        await console.Page.Keyboard.PressAsync("Enter");
        await Expect(console.Page.GetByRole(AriaRole.Main)).ToBeFocusedAsync();
        await Expect(console.Heading("Tools")).ToBeVisibleAsync();
        console.AssertNoScriptErrors();
    }
}
