using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TalentCloud.Core.Data;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.EndToEnd;

/// <summary>
/// axe-core on the converted pages for each kind of viewer, in the light and the dark theme, with the live circuit
/// running (and once with a dialog open). Any serious or critical violation fails the test.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string, string[]> PagesByViewer => new()
    {
        { DemoVisibility.Visitor, ["/", "/jobs", "/jobs?page=2", DemoVisibility.Fiona, "/not-found", "/Account/Login", "/help", "/help/enterprise-communication-rules"] },
        { DemoWorld.FionaEmail, ["/", DemoVisibility.Fiona, DemoVisibility.Northwind, "/settings/profile", "/jobs", "/help", "/support"] },
        { DemoWorld.MariaEmail, ["/", DemoVisibility.Omar, DemoVisibility.Fiona, "/org", "/org/team", $"/org/offers/new?profile={DemoWorld.OmarHandle}", "/org/jobs/new"] },
        { DemoWorld.RitaEmail, ["/org"] },
        { DemoWorld.LeeEmail, ["/my/talent-clouds"] },
        { DemoWorld.AdminEmail, ["/", "/admin", "/admin/removals", "/admin/organizations", "/admin/support", DemoVisibility.Fiona] },
    };

    [Theory]
    [MemberData(nameof(PagesByViewer))]
    public async Task Converted_pages_have_no_serious_violations_in_either_theme(string viewer, string[] paths)
    {
        var page = await browser.NewPageAsync();
        if (viewer != DemoVisibility.Visitor)
        {
            await BrowserFixture.SignInAsync(page, viewer, DemoWorld.Password);
        }

        await Accessibility.AssertPagesInBothThemesAsync(page, browser.BaseAddress, paths, viewer);
    }

    [Fact]
    public async Task The_open_approval_dialog_has_no_serious_violations()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoWorld.AdminEmail, DemoWorld.Password);
        await page.GotoAsync("/admin/removals");
        await BrowserFixture.WaitForCircuitAsync(page);
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Reject this request?" });
        var reject = page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Reject removal of") });
        for (var attempt = 0; attempt < 20 && await dialog.CountAsync() == 0; attempt++)
        {
            await reject.ClickAsync();
            await page.WaitForTimeoutAsync(300);
        }

        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the reject dialog");
        await BrowserFixture.EscapeAsync(dialog);
    }

    [Theory]
    [InlineData(DemoWorld.LeeEmail)]
    [InlineData(DemoWorld.RajEmail)]
    public async Task Offer_pages_have_no_serious_violations_in_either_theme(string viewer)
    {
        await using var db = await browser.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var title = viewer == DemoWorld.LeeEmail ? DemoWorldSeeder.LeeOfferTitle : DemoWorldSeeder.RitaOfferTitle;
        var id = await db.Offers.Where(o => o.Title == title).Select(o => o.Id).SingleAsync();
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, viewer, DemoWorld.Password);

        await Accessibility.AssertPagesInBothThemesAsync(page, browser.BaseAddress, [$"/offers/{id}"], viewer);
    }
}
