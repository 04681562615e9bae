using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TalentCloud.Core.Data;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.EndToEnd;

/// <summary>
/// axe-core on the hiring pages (search, clouds, a cloud's members, the organisation's jobs) and the admin tools
/// (audit log, outbox, Connects grants) per role, in the light and the dark theme with the live circuit running, and
/// once with the rejection dialog open. Any serious or critical violation fails.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HiringAndAdminToolsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string AcmeMobileCloud = "{acme-mobile}";

    /// <summary>Each page once, as the role that sees the most of it (raj: the cloud page with a dialog open, below).</summary>
    public static TheoryData<string, string[]> PagesByViewer => new()
    {
        { DemoWorld.MariaEmail, ["/search?q=mobile", AcmeMobileCloud, "/org/jobs"] },
        { DemoWorld.HankEmail, ["/search?q=mobile&mine=1", "/org/clouds"] },
        { DemoWorld.CarlEmail, ["/search?q=mobile"] },
        { DemoWorld.AdminEmail, ["/admin/audit", "/admin/outbox", "/admin/connects"] },
    };

    private async Task<string> AddressAsync(string path)
    {
        if (!path.StartsWith(AcmeMobileCloud, StringComparison.Ordinal))
        {
            return path;
        }

        await using var scope = browser.App.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var id = await db.Clouds.Where(c => c.Name == DemoWorld.AcmeMobile).Select(c => c.Id).SingleAsync();
        return $"/org/clouds/{id}{path[AcmeMobileCloud.Length..]}";
    }

    [Theory]
    [MemberData(nameof(PagesByViewer))]
    public async Task Hiring_and_admin_pages_have_no_serious_violations_in_either_theme(string viewer, string[] paths)
    {
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        await BrowserFixture.SignInAsync(page, viewer, DemoWorld.Password);
        foreach (var theme in new[] { "light", "dark" })
        {
            await page.Context.AddCookiesAsync([new Cookie { Name = "TalentCloud.Theme", Value = theme, Url = browser.BaseAddress.ToString() }]);
            foreach (var path in paths)
            {
                var address = await AddressAsync(path);
                await page.GotoAsync(address);
                await BrowserFixture.WaitForCircuitAsync(page, settleMilliseconds: 700);
                await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
                await Assertions.Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
                await Accessibility.AssertNoSeriousViolationsAsync(page, $"{address} as {viewer}, {theme} theme");
            }
        }

        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_open_rejection_dialog_has_no_serious_violations_and_escape_changes_nothing()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoWorld.RajEmail, DemoWorld.Password);
        await page.GotoAsync(await AddressAsync(AcmeMobileCloud));
        await BrowserFixture.WaitForCircuitAsync(page);
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Reject Lee Chen?" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Reject Lee Chen" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Textbox).FillAsync("Not this time");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the member rejection dialog");

        await BrowserFixture.EscapeAsync(dialog);
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Lee Chen" })).ToContainTextAsync(new Regex("Pending approval"));
        await using var scope = browser.App.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == "membership.rejected"));
    }
}
