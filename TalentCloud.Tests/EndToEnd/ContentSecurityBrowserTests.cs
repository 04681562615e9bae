using Microsoft.Playwright;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.EndToEnd;

/// <summary>The Content-Security-Policy in a real browser: the interactive pages and their UI components run without a single violation.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Interactive_pages_run_under_the_policy_without_violations()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.RecordCspViolationsAsync(page);
        var console = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)
                || message.Text.Contains("Refused to", StringComparison.Ordinal))
            {
                console.Add(message.Text);
            }
        };

        await BrowserFixture.SignInAsync(page, DemoWorld.MariaEmail, DemoWorld.Password);
        var violations = new List<string>();
        foreach (var path in new[] { "/", "/jobs", "/search?q=mobile", "/org/clouds", "/messages", "/notifications", "/org/jobs/new", "/help" })
        {
            var response = await page.GotoAsync(path);
            Assert.Contains("script-src 'self' 'nonce-", (await response!.AllHeadersAsync())["content-security-policy"], StringComparison.Ordinal);
            await BrowserFixture.WaitForCircuitAsync(page, settleMilliseconds: 800);
            await Assertions.Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
            violations.AddRange((await BrowserFixture.CspViolationsAsync(page)).Select(v => $"{path}: {v}"));
        }

        // The live circuit answers an interaction (a message sent over it appears in the conversation).
        await page.GotoAsync("/messages");
        await BrowserFixture.WaitForCircuitAsync(page);
        await page.GetByText("Fiona Park").First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/messages/", StringComparison.Ordinal));
        await BrowserFixture.WaitForCircuitAsync(page, settleMilliseconds: 800);
        await page.GetByLabel("Your message").FillAsync("Sent under the content security policy");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Sent under the content security policy")).ToHaveCountAsync(1);
        violations.AddRange((await BrowserFixture.CspViolationsAsync(page)).Select(v => $"after sending: {v}"));

        Assert.Empty(violations);
        Assert.Empty(console);

        // The recorder does see violations: an injected inline script is blocked and reported.
        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.__injected = true'; document.body.appendChild(s); }");
        await page.WaitForFunctionAsync("() => window.__cspViolations.length > 0");
        Assert.Null(await page.EvaluateAsync<bool?>("() => window.__injected"));
    }
}
