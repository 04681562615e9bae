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

    private static string Shorten(string html) => html.Length > 160 ? html[..160] + "…" : html;
}
