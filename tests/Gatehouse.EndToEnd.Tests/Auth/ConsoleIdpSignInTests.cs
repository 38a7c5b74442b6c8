using Gatehouse.EndToEnd.Tests.Console;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gatehouse.EndToEnd.Tests.Auth;

/// <summary>
/// Operators sign in to the console through the identity provider in Chromium (authorization code with PKCE, the
/// provider's own login page); only a user matching <c>Gatehouse:AdminMatch</c> gets a session.
/// </summary>
public sealed partial class ConsoleIdpSignInTests(OAuthFixture fixture, ConsoleBrowser browser) : IClassFixture<OAuthFixture>, IClassFixture<ConsoleBrowser>
{
    [Fact]
    public async Task An_operator_signs_in_through_the_identity_provider_and_uses_the_console()
    {
        await using var console = await browser.OpenAsync(fixture.Gateway.BaseUrl);

        await SignInAtProviderAsync(console, OAuthFixture.OperatorUser);

        await Expect(console.Heading("Approvals")).ToBeVisibleAsync();
        await Expect(console.Page.GetByText($"Signed in as {OAuthFixture.OperatorUser}")).ToBeVisibleAsync();
        await console.NavigateAsync("Grants");
        await Expect(console.Page.GetByRole(AriaRole.Table).GetByText("static-agent").First).ToBeVisibleAsync();
        var session = await console.Page.EvaluateAsync<string>("async () => (await (await fetch('/console/session')).json()).method");
        Assert.Equal("oidc:local", session);
        console.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_user_of_the_provider_who_is_not_an_operator_is_sent_back_with_the_reason_and_no_session()
    {
        await using var console = await browser.OpenAsync(fixture.Gateway.BaseUrl);

        await SignInAtProviderAsync(console, "visitor");

        await Expect(console.Heading("Sign in")).ToBeVisibleAsync();
        await Expect(console.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("visitor signed in at the identity provider, but is not an operator here");
        Assert.DoesNotContain(await console.Page.Context.CookiesAsync(), cookie => cookie.Name == "gatehouse_console");
        console.AssertNoScriptErrors();
    }

    /// <summary>
    /// From the console's sign-in page to the provider's login (any password), its consent, and back. Waits only for the
    /// page's URL to be the console's, polled as an assertion: the page's load event was once never reported after the
    /// redirect chain, and <c>WaitForURLAsync</c> waits for a load state when the URL already matches, so it is not used.
    /// What the test needs to see is awaited by the assertions that follow.
    /// </summary>
    private static async Task SignInAtProviderAsync(ConsolePage console, string user)
    {
        await console.GoToAsync();
        await Expect(console.Heading("Sign in")).ToBeVisibleAsync();
        await console.Page.GetByRole(AriaRole.Link, new() { Name = "Sign in with local" }).ClickAsync();
        await console.Page.Locator("input[name=login]").FillAsync(user);
        await console.Page.Locator("input[name=password]").FillAsync("any password");
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Sign-in" }).ClickAsync();
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(console.Page).ToHaveURLAsync(BackAtConsole());
    }

    /// <summary>A console page, not the provider's callback into it (<c>/console/oidc/…</c>).</summary>
    [System.Text.RegularExpressions.GeneratedRegex("^(?!.*/oidc/).*/console/")]
    private static partial System.Text.RegularExpressions.Regex BackAtConsole();
}
