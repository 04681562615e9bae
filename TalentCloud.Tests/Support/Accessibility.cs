using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace TalentCloud.Tests.Support;

/// <summary>
/// Runs axe-core (bundled by Deque.AxeCore.Playwright) on the page as it is now and fails on any serious or critical
/// violation, naming each rule, its help text and the offending elements.
/// </summary>
public static class Accessibility
{
    private static readonly string[] Blocking = ["serious", "critical"];

    public static async Task AssertNoSeriousViolationsAsync(IPage page, string context)
    {
        var result = await page.RunAxe();
        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        if (blocking.Count == 0)
        {
            return;
        }

        var lines = blocking.Select(v =>
            $"- {v.Id} ({v.Impact}): {v.Help}\n" + string.Join("\n", v.Nodes.Take(5).Select(n => $"    {n.Target}: {Shorten(n.Html)}")));
        Assert.Fail($"axe-core found {blocking.Count} serious or critical violation(s) on {context} ({page.Url}):\n{string.Join("\n", lines)}");
    }

    private const string ThemeCookie = "TalentCloud.Theme";

    /// <summary>
    /// Opens each address in the light and then the dark theme (the theme cookie, as the switch sets it), waits until an
    /// interactive page is live, checks that the theme applied, and runs <see cref="AssertNoSeriousViolationsAsync"/>.
    /// </summary>
    public static async Task AssertPagesInBothThemesAsync(IPage page, Uri baseAddress, IReadOnlyList<string> paths, string viewer)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var theme in new[] { "light", "dark" })
        {
            await page.Context.AddCookiesAsync([new Cookie { Name = ThemeCookie, Value = theme, Url = baseAddress.ToString() }]);
            foreach (var path in paths)
            {
                await page.GotoAsync(path);
                await WaitUntilLiveAsync(page, path);
                Assert.Equal(theme == "dark" ? "true" : "false", await page.GetByTestId("theme-toggle").GetAttributeAsync("aria-pressed"));
                await AssertNoSeriousViolationsAsync(page, $"{path} as {viewer}, {theme} theme");
            }
        }
    }

    /// <summary>Interactive pages are checked once their circuit runs; static account pages right away.</summary>
    private static async Task WaitUntilLiveAsync(IPage page, string path)
    {
        if (path.StartsWith("/Account/", StringComparison.Ordinal))
        {
            return;
        }

        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await page.WaitForTimeoutAsync(700);
    }

    private static string Shorten(string html) => html.Length > 160 ? html[..160] + "…" : html;
}
