using Microsoft.Playwright;

namespace TalentCloud.Tests.Support;

/// <summary>The demo app on a real Kestrel port with a headless Chromium; see <see cref="BrowserFixture{TApp}"/>.</summary>
public sealed class BrowserFixture : BrowserFixture<TalentCloudAppFactory>
{
    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("TALENTCLOUD_E2E"), "required", StringComparison.OrdinalIgnoreCase);

    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
    }

    /// <summary>Records every Content-Security-Policy violation in the pages this context opens from now on.</summary>
    public static Task RecordCspViolationsAsync(IPage page) => page.Context.AddInitScriptAsync(
        "window.__cspViolations = [];"
        + "document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));");

    /// <summary>The violations the current document recorded (see <see cref="RecordCspViolationsAsync"/>).</summary>
    public static async Task<string[]> CspViolationsAsync(IPage page) => await page.EvaluateAsync<string[]>("() => window.__cspViolations");

    /// <summary>
    /// Waits until a signed-in page is live: the top bar's bell renders on the server first, and Blazor has started its
    /// circuit; then gives the interactive render <paramref name="settleMilliseconds"/> to replace the prerendered one.
    /// </summary>
    public static async Task WaitForCircuitAsync(IPage page, int settleMilliseconds = 500)
    {
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.querySelector('[data-testid=notification-bell]') !== null");
        await page.WaitForTimeoutAsync(settleMilliseconds);
    }

    /// <summary>
    /// Picks an option of a MudSelect (a combobox whose list opens in a popover). Clicks until the list shows, since a
    /// prerendered select does nothing until the page's circuit is connected.
    /// </summary>
    public static async Task ChooseAsync(ILocator combobox, string option)
    {
        var page = combobox.Page;
        var item = page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true });
        for (var attempt = 0; attempt < 20 && !await item.IsVisibleAsync(); attempt++)
        {
            await combobox.ClickAsync();
            await page.WaitForTimeoutAsync(300);
        }

        await item.ClickAsync();
        await Assertions.Expect(combobox).ToContainTextAsync(option);
    }

    /// <summary>
    /// Clicks <paramref name="button"/> until <paramref name="dialog"/> shows (a click on a prerendered button before the
    /// circuit is connected does nothing), waiting a few seconds after each click so that a slow dialog is not opened twice.
    /// </summary>
    public static async Task OpenDialogAsync(ILocator button, ILocator dialog)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            await button.ClickAsync();
            try
            {
                await dialog.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 3_000 });
                return;
            }
            catch (TimeoutException)
            {
                // Not live yet: click again.
            }
        }

        await Assertions.Expect(dialog).ToBeVisibleAsync();
    }

    /// <summary>
    /// Presses Escape until the dialog has closed: MudBlazor starts listening for the key a moment after the dialog
    /// shows, so a press that comes too early does nothing. The key is heard inside the dialog: when focus has not
    /// moved into it after a few presses (it sometimes stays on the page behind), a click on the dialog's edge puts
    /// it there, as a user would.
    /// </summary>
    public static async Task EscapeAsync(ILocator dialog)
    {
        for (var attempt = 0; attempt < 20 && await dialog.CountAsync() > 0; attempt++)
        {
            if (attempt == 3)
            {
                await dialog.ClickAsync(new() { Position = new() { X = 4, Y = 4 } });
            }

            await dialog.Page.Keyboard.PressAsync("Escape");
            await dialog.Page.WaitForTimeoutAsync(300);
        }

        await Assertions.Expect(dialog).ToHaveCountAsync(0);
    }

    /// <summary>The snackbar (an action's outcome) that holds this text.</summary>
    public static ILocator Snackbar(IPage page, string text) => page.Locator(".mud-snackbar", new() { HasText = text });
}

/// <summary>
/// An app (<typeparamref name="TApp"/>) on a real Kestrel port plus a headless Chromium driven by Playwright. Without
/// a Chromium the browser tests are skipped with that reason, unless TALENTCLOUD_E2E=required (as in CI), when they
/// fail instead.
/// </summary>
public class BrowserFixture<TApp> : IAsyncLifetime
    where TApp : TalentCloudAppFactory, new()
{
    private static readonly string[] ChromiumPaths = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    private IPlaywright? playwright;

    public TApp App { get; } = new();

    public IBrowser? Browser { get; private set; }

    public Uri BaseAddress { get; private set; } = null!;

    public string? MissingReason { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var executable = ChromiumPath();
        if (executable is null)
        {
            MissingReason = NoChromium;
            return;
        }

        BaseAddress = App.StartKestrel();
        (playwright, Browser) = await LaunchAsync(executable);
    }

    /// <summary>A fresh browser context (its own cookies) with a page; skips or fails when no browser is available.</summary>
    public Task<IPage> NewPageAsync() => NewPageAsync(Browser, BaseAddress, MissingReason);

    internal const string NoChromium = "No Chromium found (install Debian's 'chromium' package or set TALENTCLOUD_CHROMIUM).";

    /// <summary>The Chromium to drive: <c>TALENTCLOUD_CHROMIUM</c>, or Debian's; null when there is none.</summary>
    internal static string? ChromiumPath()
    {
        var executable = Environment.GetEnvironmentVariable("TALENTCLOUD_CHROMIUM") is { Length: > 0 } configured
            ? configured
            : ChromiumPaths.FirstOrDefault(File.Exists);
        return executable is not null && File.Exists(executable) ? executable : null;
    }

    internal static async Task<(IPlaywright, IBrowser)> LaunchAsync(string executable)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return (playwright, browser);
    }

    /// <summary>A page in a fresh context (its own cookies) on <paramref name="baseAddress"/>; skips or fails without a browser.</summary>
    internal static async Task<IPage> NewPageAsync(IBrowser? browser, Uri baseAddress, string? missingReason)
    {
        if (browser is null)
        {
            if (BrowserFixture.Required)
            {
                Assert.Fail($"Browser tests are required but cannot run: {missingReason}");
            }

            Assert.Skip(missingReason ?? "No browser.");
        }

        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString() });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        await App.DisposeAsync();
    }
}
