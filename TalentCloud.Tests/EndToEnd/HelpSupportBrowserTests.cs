using Microsoft.Playwright;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.EndToEnd;

/// <summary>The help centre by audience and a support request from lee that the admin answers, as each would do it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HelpSupportBrowserTests : IClassFixture<BrowserFixture>
{
    private const string Question = "My proposal to the Airflow job shows the wrong rate. Can you check it?";

    private readonly BrowserFixture browser;

    public HelpSupportBrowserTests(BrowserFixture browser)
    {
        this.browser = browser;
        Assertions.SetDefaultExpectTimeout(30_000);
    }

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        await BrowserFixture.SignInAsync(page, email, DemoWorld.Password);
        return page;
    }

    [Fact]
    public async Task Articles_filter_by_audience_and_lees_support_request_is_answered_by_the_admin()
    {
        // Lee starts on the articles for freelancers and switches to the clients' ones.
        var lee = await SignedInAsync(DemoWorld.LeeEmail);
        await lee.GotoAsync("/help");
        var filter = lee.GetByRole(AriaRole.Navigation, new() { Name = "Articles for" });
        await Assertions.Expect(filter.Locator("[aria-current=page]")).ToContainTextAsync("Freelancers");
        var articles = lee.GetByRole(AriaRole.List, new() { Name = "Articles" });
        await Assertions.Expect(articles).ToContainTextAsync("Types of business entity");
        await Assertions.Expect(articles).Not.ToContainTextAsync("Hiring from a proposal");
        await filter.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Clients") }).ClickAsync();
        await Assertions.Expect(articles).ToContainTextAsync("Hiring from a proposal");
        await Assertions.Expect(articles).Not.ToContainTextAsync("Types of business entity");

        // From an article to the support form; the request is sent and listed.
        await lee.GotoAsync("/help/connects-and-proposals");
        await lee.GotoAsync((await lee.GetByRole(AriaRole.Link, new() { Name = "Contact support" }).GetAttributeAsync("href"))!);
        await BrowserFixture.WaitForCircuitAsync(lee);
        await Assertions.Expect(lee.Locator("form[aria-label='Support request']")).ToContainTextAsync("Connects and proposals");
        await BrowserFixture.ChooseAsync(lee.GetByRole(AriaRole.Combobox), "Jobs and proposals");
        await lee.GetByLabel("Your question").FillAsync(Question);
        await lee.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        await Assertions.Expect(BrowserFixture.Snackbar(lee, "Your request was sent")).ToBeVisibleAsync();
        var mine = lee.Locator("[data-request-id]", new() { HasText = Question });
        await Assertions.Expect(mine.GetByTestId("support-status")).ToHaveTextAsync("Waiting for support");

        // The admin finds it in the queue beside the removal queue and replies.
        var admin = await SignedInAsync(DemoWorld.AdminEmail);
        await admin.GotoAsync("/admin/removals");
        // A click while the page's circuit is still starting can be lost on a busy machine: the link is followed once it is live.
        await BrowserFixture.WaitForCircuitAsync(admin);
        await admin.GetByRole(AriaRole.Navigation, new() { Name = "Administration" }).GetByRole(AriaRole.Link, new() { Name = "Support requests" }).ClickAsync();
        await admin.WaitForURLAsync("**/admin/support");
        await BrowserFixture.WaitForCircuitAsync(admin);
        var request = admin.Locator("[data-request-id]", new() { HasText = Question });
        await Assertions.Expect(request).ToContainTextAsync("From Lee Chen (lee@talent.test)");
        await Accessibility.AssertNoSeriousViolationsAsync(admin, "the support queue");
        var dialog = admin.GetByRole(AriaRole.Dialog, new() { Name = "Reply to Lee Chen" });
        await BrowserFixture.OpenDialogAsync(request.GetByRole(AriaRole.Button, new() { Name = "Reply to Lee Chen" }), dialog);

        await dialog.GetByLabel("Your reply").FillAsync("Fixed: the rate now shows $2,800.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        await Assertions.Expect(request).ToHaveCountAsync(0);

        // Lee is notified and reads the reply under her requests.
        await lee.GotoAsync("/notifications");
        await Assertions.Expect(lee.Locator("[data-testid=notification]", new() { HasText = "Support replied to your request" })).ToBeVisibleAsync();
        await lee.GotoAsync("/support");
        await Assertions.Expect(mine).ToContainTextAsync("Fixed: the rate now shows $2,800.");
        await Assertions.Expect(mine.GetByTestId("support-status")).ToHaveTextAsync("Answered");
    }
}
