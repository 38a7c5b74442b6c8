using System.Net;
using Gatehouse.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gatehouse.EndToEnd.Tests.Console;

/// <summary>The console of one replica in one browser context, with the steps every test takes.</summary>
internal sealed class ConsolePage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _scriptErrors = [];

    private ConsolePage(IBrowserContext context, IPage page, Uri replica)
    {
        _context = context;
        Page = page;
        Replica = replica;
        page.PageError += (_, error) => Record($"uncaught: {error}");
        page.Console += (_, message) =>
        {
            // A refused request is logged by the browser as "Failed to load resource": the tests read the answers
            // themselves (a 401 before sign-in is expected); what counts here is a script that broke.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                Record($"console: {message.Text}");
            }
        };
    }

    public IPage Page { get; }

    public Uri Replica { get; }

    /// <summary>Uncaught exceptions and console errors the page met so far.</summary>
    public IReadOnlyList<string> ScriptErrors
    {
        get
        {
            lock (_scriptErrors)
            {
                return [.. _scriptErrors];
            }
        }
    }

    public static async Task<ConsolePage> OpenAsync(IBrowserContext context, Uri replica)
    {
        var page = await context.NewPageAsync();
        return new ConsolePage(context, page, replica);
    }

    /// <summary>Loads <c>/console/</c> (with <paramref name="fragment"/>, e.g. <c>#/grants</c>); the response must be 200.</summary>
    public async Task GoToAsync(string fragment = "")
    {
        var response = await Page.GotoAsync(new Uri(Replica, "/console/" + fragment).ToString());
        Assert.NotNull(response);
        Assert.Equal((int)HttpStatusCode.OK, response.Status);
    }

    /// <summary>Signs in through the form with <paramref name="token"/> and waits for the first page.</summary>
    public async Task SignInAsync(string fragment = "", string token = GatewayConfig.AdminToken)
    {
        await GoToAsync(fragment);
        await Expect(Heading("Sign in")).ToBeVisibleAsync();
        await Page.GetByLabel("Admin token").FillAsync(token);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(Page.GetByText("Signed in as admin")).ToBeVisibleAsync();
    }

    /// <summary>The page's main heading (level 1).</summary>
    public ILocator Heading(string name) => Page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1, Exact = true });

    public ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>Goes to a page through the navigation bar, as an operator would, and waits for its heading.</summary>
    public async Task NavigateAsync(string name)
    {
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Console pages" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await Expect(Heading(name)).ToBeVisibleAsync();
    }

    /// <summary>Fails naming them if the page met any script error.</summary>
    public void AssertNoScriptErrors() => Assert.Empty(ScriptErrors);

    private void Record(string error)
    {
        lock (_scriptErrors)
        {
            _scriptErrors.Add(error);
        }
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
