using Microsoft.Playwright;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.EndToEnd;

/// <summary>Fiona applies in a real browser: free to a cloud job, by the tier to a public job, refused when short.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ProposalBrowserTests : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture browser;

    public ProposalBrowserTests(BrowserFixture browser)
    {
        this.browser = browser;
        // Updates arrive over the circuit; on a busy 2-core machine that can take longer than Playwright's 5-second default.
        Assertions.SetDefaultExpectTimeout(30_000);
    }

    private async Task<IPage> NewPageAsync()
    {
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        return page;
    }

    private static ILocator Balance(IPage page) => page.GetByTestId("connects-balance-value");

    private static async Task OpenJobAsync(IPage page, string listPath, string title)
    {
        await page.GotoAsync(listPath);
        // The job must be listed; its page is then opened by its address. (A click that lands while the circuit is
        // still starting can be swallowed by the navigation hand-over, which made this step flaky on a busy machine.)
        var link = page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true });
        await Assertions.Expect(link).ToBeVisibleAsync();
        await page.GotoAsync(await link.GetAttributeAsync("href") ?? throw new InvalidOperationException("The job link has no address."));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
    }

    private static async Task ApplyAsync(IPage page, string coverLetter, string bid)
    {
        // The form is enabled once the page is interactive over the circuit.
        await page.GetByLabel("Cover letter").FillAsync(coverLetter);
        await page.GetByLabel(new System.Text.RegularExpressions.Regex("^Your (hourly rate|bid)")).FillAsync(bid);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send proposal" }).ClickAsync();
    }

    [Fact]
    public async Task Fiona_applies_free_to_a_cloud_job_pays_the_tier_for_a_public_job_and_is_refused_when_short()
    {
        var page = await NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoWorld.FionaEmail, DemoWorld.Password);
        await page.GotoAsync("/jobs");
        await Assertions.Expect(Balance(page)).ToHaveTextAsync("10");

        // 1. A job of her Acme cloud: the form says 0 Connects before she sends, and the balance does not move.
        await OpenJobAsync(page, "/my/talent-clouds/jobs", DemoWorld.AcmeKotlinCloudJob);
        await Assertions.Expect(page.GetByTestId("proposal-cost")).ToContainTextAsync("This proposal costs 0 Connects");
        await ApplyAsync(page, "I ship Kotlin apps with offline sync every month.", "95");
        await Assertions.Expect(page.GetByTestId("my-proposal-status")).ToHaveTextAsync("Submitted");
        await Assertions.Expect(Balance(page)).ToHaveTextAsync("10");
        await page.ReloadAsync();
        await Assertions.Expect(Balance(page)).ToHaveTextAsync("10");

        // 2. A public job with an hourly budget of $90: the top tier, 6 Connects.
        await OpenJobAsync(page, "/jobs?q=iOS", DemoWorld.AcmeIosJob);
        await Assertions.Expect(page.GetByTestId("proposal-cost")).ToContainTextAsync("This proposal costs 6 Connects");
        await ApplyAsync(page, "SwiftUI checkout flows are my speciality.", "90");
        await Assertions.Expect(page.GetByTestId("my-proposal-status")).ToHaveTextAsync("Submitted");
        await Assertions.Expect(Balance(page)).ToHaveTextAsync("4");
        await page.ReloadAsync();
        await Assertions.Expect(Balance(page)).ToHaveTextAsync("4");

        // 3. Another 6-Connect job with 4 left: refused with a message, nothing charged, no proposal.
        await OpenJobAsync(page, "/jobs?q=turbine", DemoWorld.GlobexUxJob);
        await Assertions.Expect(page.GetByTestId("proposal-cost")).ToContainTextAsync("This proposal costs 6 Connects");
        await ApplyAsync(page, "I redesigned alarm screens for a power grid operator.", "7500");
        await Assertions.Expect(page.GetByTestId("proposal-errors")).ToContainTextAsync("Not enough Connects: this proposal costs 6 Connects and you have 4");
        await Assertions.Expect(page.GetByTestId("my-proposal-status")).ToHaveCountAsync(0);
        await Assertions.Expect(Balance(page)).ToHaveTextAsync("4");
        await page.ReloadAsync();
        await Assertions.Expect(Balance(page)).ToHaveTextAsync("4");
        await Assertions.Expect(page.GetByTestId("my-proposal-status")).ToHaveCountAsync(0);

        // Her proposals page lists the two that went through.
        await page.GotoAsync("/my/proposals");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = DemoWorld.AcmeKotlinCloudJob })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = DemoWorld.AcmeIosJob })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = DemoWorld.GlobexUxJob })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_client_posting_a_phone_number_is_told_the_rule_and_nothing_is_posted()
    {
        var page = await NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoWorld.CarlEmail, DemoWorld.Password);
        await page.GotoAsync("/org/jobs/new");
        await Assertions.Expect(page.Locator("fieldset.audience-fields")).ToHaveCountAsync(0); // no clouds without Enterprise
        await page.GetByLabel("Title").FillAsync("Database tuning");
        await page.GetByLabel("Description").FillAsync("Tune our reports. Call me on +1 415 555 0100 to discuss.");
        await page.GetByLabel("Required skills").FillAsync("SQL, PostgreSQL");
        await page.GetByLabel("Most you pay per hour (USD)").FillAsync("60");
        await page.GetByRole(AriaRole.Button, new() { Name = "Post job" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("post-job-errors")).ToContainTextAsync("No contact details on public pages");
        await Assertions.Expect(page.GetByTestId("post-job-errors")).ToContainTextAsync("a phone number");
        Assert.EndsWith("/org/jobs/new", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cloud_first_job_posted_by_acme_reaches_its_members_and_nobody_else_until_it_opens()
    {
        const string title = "On-call mobile release engineer";

        // Fiona keeps her notification centre open while maria posts: the item must arrive without a reload.
        var fionaCentre = await NewPageAsync();
        await BrowserFixture.SignInAsync(fionaCentre, DemoWorld.FionaEmail, DemoWorld.Password);
        await fionaCentre.GotoAsync("/notifications");
        await BrowserFixture.WaitForCircuitAsync(fionaCentre);

        var maria = await NewPageAsync();
        await BrowserFixture.SignInAsync(maria, DemoWorld.MariaEmail, DemoWorld.Password);
        await maria.GotoAsync("/org/jobs/new");
        await BrowserFixture.WaitForCircuitAsync(maria);
        await BrowserFixture.ChooseAsync(maria.GetByRole(AriaRole.Combobox, new() { Name = "Audience" }), $"Members of {DemoWorld.AcmeMobile} (Talent Cloud job)");
        await maria.GetByRole(AriaRole.Radio, new() { Name = "My Talent Cloud first, then public" }).CheckAsync();
        await maria.GetByLabel("Public after (days)").FillAsync("3");
        await maria.GetByLabel("Title").FillAsync(title);
        await maria.GetByLabel("Description").FillAsync("Own the release train of our mobile apps for a month.");
        await maria.GetByLabel("Required skills").FillAsync("Mobile, CI");
        await maria.GetByLabel("Most you pay per hour (USD)").FillAsync("85");
        await maria.GetByRole(AriaRole.Button, new() { Name = "Post job" }).ClickAsync();
        await Assertions.Expect(maria.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(maria.GetByTestId("job-cloud")).ToContainTextAsync(DemoWorld.AcmeMobile);
        await Assertions.Expect(maria.GetByTestId("job-audience")).ToContainTextAsync($"Members of {DemoWorld.AcmeMobile} first; open to everyone from");
        var jobPath = new Uri(maria.Url).AbsolutePath;

        var live = fionaCentre.Locator("[data-testid=notification]", new() { HasText = title });
        await Assertions.Expect(live).ToBeVisibleAsync();
        await Assertions.Expect(live).ToHaveAttributeAsync("data-state", "unread");

        var fiona = await NewPageAsync();
        await BrowserFixture.SignInAsync(fiona, DemoWorld.FionaEmail, DemoWorld.Password);
        await fiona.GotoAsync("/my/talent-clouds/jobs");
        await Assertions.Expect(fiona.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();

        var omar = await NewPageAsync();
        await BrowserFixture.SignInAsync(omar, DemoWorld.OmarEmail, DemoWorld.Password);
        var response = await omar.GotoAsync(jobPath);
        Assert.Equal(404, response!.Status);
        await omar.GotoAsync("/jobs?q=release");
        Assert.DoesNotContain(title, await omar.ContentAsync(), StringComparison.Ordinal);

        // The demo world's cloud-first job has opened: omar finds it among public jobs and pays the normal tier, with no
        // word of the cloud; fiona, a member, sees it came to her cloud first and still applies for free.
        await omar.GotoAsync("/jobs?q=offline");
        await omar.GetByRole(AriaRole.Link, new() { Name = DemoWorld.AcmeOpenedCloudFirstJob, Exact = true }).ClickAsync();
        await Assertions.Expect(omar.GetByRole(AriaRole.Heading, new() { Name = DemoWorld.AcmeOpenedCloudFirstJob, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(omar.GetByTestId("proposal-cost")).ToContainTextAsync("This proposal costs 2 Connects");
        await Assertions.Expect(omar.GetByTestId("cloud-first")).ToHaveCountAsync(0);
        Assert.DoesNotContain(DemoWorld.AcmeMobile, await omar.ContentAsync(), StringComparison.Ordinal);

        await fiona.GotoAsync("/jobs?q=offline");
        var card = fiona.Locator("article.job-card", new() { HasText = DemoWorld.AcmeOpenedCloudFirstJob });
        await Assertions.Expect(card.GetByTestId("cloud-first")).ToHaveTextAsync("Posted to your Talent Cloud first");
        await card.GetByRole(AriaRole.Link, new() { Name = DemoWorld.AcmeOpenedCloudFirstJob, Exact = true }).ClickAsync();
        await Assertions.Expect(fiona.GetByTestId("proposal-cost")).ToContainTextAsync("This proposal costs 0 Connects");
    }
}
