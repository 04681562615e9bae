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
        // A signed-in viewer gets the profile live; a visitor gets it static, with both sections shown at once.
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoWorld.OmarEmail, DemoWorld.Password);
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

    [Fact]
    public async Task A_visitor_reads_about_and_skills_without_tabs()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(DemoVisibility.Fiona);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Skills", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Skills" })).ToContainTextAsync("Swift");
        await Assertions.Expect(page.GetByRole(AriaRole.Tab)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task On_a_narrow_screen_a_visitor_opens_and_hides_the_navigation_without_a_live_connection()
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(400, 800);
        await page.GotoAsync("/jobs");
        var navigation = page.GetByRole(AriaRole.Complementary, new() { Name = "Main navigation" });
        await Assertions.Expect(navigation).ToBeHiddenAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Show navigation" }).ClickAsync();
        await Assertions.Expect(navigation).ToBeVisibleAsync();
        await Assertions.Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Help" })).ToBeVisibleAsync();

        await navigation.GetByRole(AriaRole.Link, new() { Name = "Hide navigation" }).ClickAsync();
        await Assertions.Expect(navigation).ToBeHiddenAsync();
    }
}
