using Microsoft.Playwright;

namespace Gatehouse.EndToEnd.Tests.Console;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright (which downloads no browser here), one per test class with a
/// fresh profile (Playwright gives each launch a new temporary user data dir); each test opens its own context, so
/// no cookie passes from one test to the next.
/// </summary>
public sealed class ConsoleBrowser : IAsyncLifetime
{
    /// <summary>The package's binary (<c>/usr/bin/chromium</c> is a shell script that adds flags around it).</summary>
    public const string ChromiumPath = "/usr/lib/chromium/chromium";

    /// <summary>Only catches a hang: a page on a busy two-core machine can take seconds to answer.</summary>
    public static readonly TimeSpan Ceiling = TimeSpan.FromSeconds(60);

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout((float)Ceiling.TotalMilliseconds);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Timeout = (float)Ceiling.TotalMilliseconds,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A new page in a context of its own (no cookies), which records every script error it meets.</summary>
    internal async Task<ConsolePage> OpenAsync(Uri replica, BrowserNewContextOptions? options = null)
    {
        var context = await _browser!.NewContextAsync(options);
        context.SetDefaultTimeout((float)Ceiling.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)Ceiling.TotalMilliseconds);
        return await ConsolePage.OpenAsync(context, replica);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
