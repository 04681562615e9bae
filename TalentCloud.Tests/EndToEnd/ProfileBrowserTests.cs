using Microsoft.Playwright;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.EndToEnd;

/// <summary>Profiles in a real browser over the Blazor circuit.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ProfileBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Hiring_manager_sees_only_their_organisations_cloud_on_the_profile()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoWorld.MariaEmail, DemoWorld.Password);
        await page.GotoAsync(DemoVisibility.Fiona);

        var panel = page.GetByRole(AriaRole.Complementary, new() { Name = "Talent Clouds" });
        await Assertions.Expect(panel).ToContainTextAsync(DemoWorld.AcmeMobile);
        await Assertions.Expect(panel).Not.ToContainTextAsync(DemoWorld.GlobexDesign);
        Assert.DoesNotContain(DemoWorld.GlobexDesign, await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_freelancer_sees_only_the_masked_label()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoWorld.OmarEmail, DemoWorld.Password);
        await page.GotoAsync(DemoVisibility.Fiona);

        var panel = page.GetByRole(AriaRole.Complementary, new() { Name = "Talent Clouds" });
        await Assertions.Expect(panel).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\s*Talent Clouds\s*Talent Cloud\s*$"));
        var content = await page.ContentAsync();
        Assert.DoesNotContain(DemoWorld.AcmeMobile, content, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoWorld.GlobexDesign, content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_visitor_sees_no_memberships_panel()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(DemoVisibility.Fiona);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Fiona Park" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Complementary, new() { Name = "Talent Clouds" })).ToHaveCountAsync(0);
        Assert.DoesNotContain("Talent Cloud", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Switching_profile_tabs_works_over_the_circuit()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(DemoVisibility.Fiona);
        var skills = page.GetByRole(AriaRole.List, new() { Name = "Skills" });
        await Assertions.Expect(skills).ToHaveCountAsync(0);

        // The Skills tab's content is rendered by the server only after the click travels over the circuit.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await skills.CountAsync() == 0 && DateTime.UtcNow < deadline)
        {
            await page.GetByRole(AriaRole.Tab, new() { Name = "Skills" }).ClickAsync();
            await page.WaitForTimeoutAsync(300);
        }

        await Assertions.Expect(skills).ToContainTextAsync("Swift");
    }
}
