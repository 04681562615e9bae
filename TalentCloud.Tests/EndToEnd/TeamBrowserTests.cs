using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TalentCloud.Core.Data;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.EndToEnd;

/// <summary>
/// The Enterprise team and the subscription's life in a real browser: a colleague joins through the e-mail's link,
/// drafts an offer that waits for approval, and is removed; an ended subscription pauses and refuses, a renewal restores.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TeamBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Dana = "dana@acme.test";
    private const string DanasOffer = "Payments screens for the Acme app";

    static TeamBrowserTests() => Assertions.SetDefaultExpectTimeout(20_000);

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, email, DemoWorld.Password);
        return page;
    }

    private static Task InteractiveAsync(IPage page) => page.Locator("[data-interactive=true]").First.WaitForAsync();

    private static ILocator CloudsPanel(IPage page) => page.GetByRole(AriaRole.Complementary, new() { Name = "Talent Clouds" });

    /// <summary>Opens a dialog once the page's circuit is live (a click before that would go nowhere).</summary>
    private static async Task<ILocator> OpenDialogAsync(ILocator button)
    {
        await InteractiveAsync(button.Page);
        await button.ClickAsync();
        var dialog = button.Page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        return dialog;
    }

    /// <summary>
    /// The join link of the newest e-mail to an address, read from the outbox as its recipient would read the e-mail. The
    /// link is absolute on the configured public address; the browser follows its path on the test server.
    /// </summary>
    private async Task<string> JoinLinkFromOutboxAsync(string address)
    {
        var link = await OutboxLinks.LatestAsync(browser.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>(), address, "/Account/JoinTeam");
        Assert.StartsWith(TalentCloudAppFactory.PublicBaseUrl, link.AbsoluteUri, StringComparison.Ordinal);
        return link.PathAndQuery;
    }

    [Fact]
    public async Task A_recruiter_joins_through_the_link_drafts_an_offer_that_waits_for_approval_and_loses_access_when_removed()
    {
        // maria invites dana as a recruiter.
        var maria = await SignedInAsync(DemoWorld.MariaEmail);
        await maria.GotoAsync("/org/team");
        await InteractiveAsync(maria);
        await maria.GetByLabel("E-mail address").FillAsync(Dana);
        await BrowserFixture.ChooseAsync(maria.GetByRole(AriaRole.Combobox), "Recruiter");
        await maria.GetByTestId("send-team-invitation").ClickAsync();
        await Assertions.Expect(BrowserFixture.Snackbar(maria, $"Invitation sent to {Dana}.")).ToBeVisibleAsync();

        // dana registers through the e-mail's link and lands on Acme's dashboard.
        var dana = await browser.NewPageAsync();
        await dana.GotoAsync(await JoinLinkFromOutboxAsync(Dana));
        await Assertions.Expect(dana.GetByTestId("join-summary")).ToContainTextAsync("to join Acme Corp as a recruiter");
        await dana.GetByLabel("Your name").FillAsync("Dana Reed");
        await dana.GetByLabel("Password", new() { Exact = true }).FillAsync("a long enough password");
        await dana.GetByLabel("Confirm password").FillAsync("a long enough password");
        await dana.GetByRole(AriaRole.Button, new() { Name = "Create account and join", Exact = true }).ClickAsync();
        await dana.WaitForURLAsync(url => url.EndsWith("/org", StringComparison.Ordinal));
        await Assertions.Expect(dana.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Acme Corp");

        // She sees Acme's cloud on fiona's profile and gets the own-cloud boost in search.
        await dana.GotoAsync(DemoVisibility.Fiona);
        await Assertions.Expect(CloudsPanel(dana)).ToContainTextAsync(DemoWorld.AcmeMobile);
        await dana.GotoAsync("/search?q=mobile");
        var tiles = dana.Locator("li.search-tile");
        await Assertions.Expect(tiles.First).ToContainTextAsync("In your cloud: " + DemoWorld.AcmeMobile);
        var boosted = await tiles.EvaluateAllAsync<bool[]>("els => els.map(e => e.textContent.includes('In your cloud:'))");
        Assert.Contains(false, boosted);
        Assert.Equal(boosted.OrderByDescending(b => b), boosted);

        // She drafts an offer to omar; it waits for approval.
        await dana.GotoAsync($"/org/offers/new?profile={DemoWorld.OmarHandle}");
        await InteractiveAsync(dana);
        await Assertions.Expect(dana.GetByTestId("approval-note")).ToContainTextAsync("wait for approval");
        await dana.GetByLabel("Title").FillAsync(DanasOffer);
        await dana.GetByTestId("send-offer").ClickAsync();
        await dana.WaitForURLAsync(new Regex(@"/offers/\d+$"));
        var offerUrl = new Uri(dana.Url).AbsolutePath;
        await Assertions.Expect(dana.GetByTestId("offer-status")).ToHaveTextAsync("Awaiting approval");

        // omar sees nothing of it.
        var omar = await SignedInAsync(DemoWorld.OmarEmail);
        await omar.GotoAsync("/my/talent-clouds");
        await Assertions.Expect(omar.GetByText("Offers", new() { Exact = true })).ToBeVisibleAsync();
        Assert.DoesNotContain(DanasOffer, await omar.ContentAsync(), StringComparison.Ordinal);
        await omar.GotoAsync(offerUrl);
        await Assertions.Expect(omar.GetByText("Page not found")).ToBeVisibleAsync();
        Assert.DoesNotContain(DanasOffer, await omar.ContentAsync(), StringComparison.Ordinal);

        // raj approves it from his dashboard; now omar sees it.
        var raj = await SignedInAsync(DemoWorld.RajEmail);
        await raj.GotoAsync("/org");
        var dialog = await OpenDialogAsync(raj.GetByRole(AriaRole.Button, new() { Name = "Approve the offer to Omar Haddad", Exact = true }));
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Approve and send", Exact = true }).ClickAsync();
        await Assertions.Expect(BrowserFixture.Snackbar(raj, "Omar Haddad has received the offer")).ToBeVisibleAsync();
        await omar.GotoAsync("/my/talent-clouds");
        await Assertions.Expect(omar.GetByTestId("my-offer").Filter(new() { HasText = DanasOffer })).ToBeVisibleAsync();
        await omar.GotoAsync(offerUrl);
        await Assertions.Expect(omar.GetByRole(AriaRole.Heading, new() { Name = DanasOffer })).ToBeVisibleAsync();

        // dana keeps /org open; maria removes her.
        await dana.GotoAsync("/org");
        await InteractiveAsync(dana);
        await maria.ReloadAsync();
        await InteractiveAsync(maria);
        dialog = await OpenDialogAsync(maria.GetByRole(AriaRole.Button, new() { Name = "Remove Dana Reed from the team", Exact = true }));
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Remove from team", Exact = true }).ClickAsync();
        await Assertions.Expect(BrowserFixture.Snackbar(maria, "Dana Reed was removed from the team.")).ToBeVisibleAsync();

        // Her next action on the open page (opening Acme's clouds from it) answers "not found"; fiona's profile no longer
        // names any cloud to her.
        await dana.GetByRole(AriaRole.Link, new() { Name = "Clouds and members" }).ClickAsync();
        await Assertions.Expect(dana.GetByText("Page not found")).ToBeVisibleAsync();
        Assert.DoesNotContain(DemoWorld.AcmeMobile, await dana.ContentAsync(), StringComparison.Ordinal);
        await dana.GotoAsync(DemoVisibility.Fiona);
        await Assertions.Expect(dana.GetByRole(AriaRole.Heading, new() { Name = "Fiona Park" })).ToBeVisibleAsync();
        await Assertions.Expect(CloudsPanel(dana)).ToHaveCountAsync(0);
        var html = await dana.ContentAsync();
        foreach (var cloud in DemoWorld.AllCloudNames)
        {
            Assert.DoesNotContain(cloud, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_ended_subscription_refuses_pauses_and_drops_the_badge_and_a_renewal_restores_everything()
    {
        var admin = await SignedInAsync(DemoWorld.AdminEmail);
        var hank = await SignedInAsync(DemoWorld.HankEmail);
        var lee = await SignedInAsync(DemoWorld.LeeEmail);
        var services = browser.App.Services;
        var conversation = (await MessagingAppData.Conversations(services).StartAsync(await MessagingAppData.ActorAsync(services, DemoWorld.HankEmail),
            await OmarProfileIdAsync())).Value;

        // hank has omar's profile open, its invite button live, when the admin ends Globex's subscription.
        await hank.GotoAsync(DemoVisibility.Omar);
        await InteractiveAsync(hank);
        await admin.GotoAsync("/admin/organizations");
        var dialog = await OpenDialogAsync(admin.GetByRole(AriaRole.Button, new() { Name = "End the Enterprise subscription of Globex", Exact = true }));
        await dialog.GetByRole(AriaRole.Button, new() { Name = "End subscription", Exact = true }).ClickAsync();
        await Assertions.Expect(BrowserFixture.Snackbar(admin, "Globex's Enterprise subscription has ended.")).ToBeVisibleAsync();

        await AssertEndedAsync(hank, lee, conversation);

        // The admin renews it with an end date a year on.
        await admin.ReloadAsync();
        dialog = await OpenDialogAsync(admin.GetByRole(AriaRole.Button, new() { Name = "Start an Enterprise subscription for Globex", Exact = true }));
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Start subscription", Exact = true }).ClickAsync();
        await Assertions.Expect(BrowserFixture.Snackbar(admin, "Globex now has an Enterprise subscription.")).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByTestId("subscription").Filter(new() { HasText = "Active until" })).ToHaveCountAsync(2);

        await AssertActiveAsync(hank, lee, conversation);
    }

    private async Task AssertEndedAsync(IPage hank, IPage lee, int conversation)
    {
        // hank's invitation from the page he kept open is refused with the reason; the page, opened afresh, says why and
        // offers neither invitation nor cloud job.
        var invite = await OpenDialogAsync(hank.GetByRole(AriaRole.Button, new() { Name = "Invite to cloud", Exact = true }));
        await invite.GetByRole(AriaRole.Button, new() { Name = "Send invitation", Exact = true }).ClickAsync();
        await Assertions.Expect(invite).ToContainTextAsync("new invitations to its Talent Clouds cannot be sent");
        await BrowserFixture.EscapeAsync(invite);
        await hank.GotoAsync(DemoVisibility.Omar);
        await Assertions.Expect(hank.GetByTestId("hiring-notice")).ToContainTextAsync("Globex's Enterprise subscription is not active");
        await Assertions.Expect(hank.GetByRole(AriaRole.Button, new() { Name = "Invite to cloud", Exact = true })).ToHaveCountAsync(0);
        await hank.GotoAsync("/org/jobs/new");
        await Assertions.Expect(hank.GetByTestId("posting-notice")).ToContainTextAsync("jobs cannot be posted to its Talent Clouds");
        await Assertions.Expect(hank.GetByRole(AriaRole.Combobox, new() { Name = "Audience" })).ToHaveCountAsync(0);

        // lee's open Globex offer is paused and cannot be accepted.
        await lee.GotoAsync("/my/talent-clouds");
        await Assertions.Expect(lee.GetByTestId("my-offer").Filter(new() { HasText = DemoWorldSeeder.LeeOfferTitle }).GetByTestId("my-offer-status"))
            .ToHaveTextAsync("Paused");
        await lee.GotoAsync((await lee.GetByRole(AriaRole.Link, new() { Name = DemoWorldSeeder.LeeOfferTitle }).GetAttributeAsync("href"))!);
        await Assertions.Expect(lee.GetByTestId("offer-paused")).ToContainTextAsync("cannot be accepted");
        await Assertions.Expect(lee.GetByTestId("accept-offer")).ToBeDisabledAsync();
        await Assertions.Expect(lee.GetByRole(AriaRole.Button, new() { Name = "Accept agreement", Exact = true })).ToHaveCountAsync(0);

        // Globex's jobs lose the badge; a phone number from hank to omar is refused.
        await lee.GotoAsync("/jobs?q=industrial");
        await Assertions.Expect(GlobexJobBadge(lee)).ToHaveCountAsync(0);
        await SendAsync(hank, conversation, "Call me on +1 415 555 0100 this week.");
        await Assertions.Expect(hank.GetByTestId("send-error")).ToContainTextAsync("a phone number");
    }

    private async Task AssertActiveAsync(IPage hank, IPage lee, int conversation)
    {
        // hank invites omar to Globex's cloud and posts a job only its members see.
        await hank.GotoAsync(DemoVisibility.Omar);
        await Assertions.Expect(hank.GetByTestId("hiring-notice")).ToHaveCountAsync(0);
        var invite = await OpenDialogAsync(hank.GetByRole(AriaRole.Button, new() { Name = "Invite to cloud", Exact = true }));
        await invite.GetByRole(AriaRole.Button, new() { Name = "Send invitation", Exact = true }).ClickAsync();
        await Assertions.Expect(BrowserFixture.Snackbar(hank, "Invitation sent to Omar Haddad.")).ToBeVisibleAsync();
        await hank.GotoAsync("/org/jobs/new");
        await BrowserFixture.WaitForCircuitAsync(hank);
        await BrowserFixture.ChooseAsync(hank.GetByRole(AriaRole.Combobox, new() { Name = "Audience" }), $"Members of {DemoWorld.GlobexDesign} (Talent Cloud job)");
        await Assertions.Expect(hank.GetByRole(AriaRole.Radio, new() { Name = "Only my Talent Cloud" })).ToBeCheckedAsync();
        await hank.GetByLabel("Title").FillAsync("Design review after the renewal");
        await hank.GetByLabel("Description").FillAsync("Review the new onboarding screens with our design team.");
        await hank.GetByLabel("Required skills").FillAsync("UX");
        await hank.GetByLabel("Most you pay per hour (USD)").FillAsync("70");
        await hank.GetByRole(AriaRole.Button, new() { Name = "Post job", Exact = true }).ClickAsync();
        await Assertions.Expect(hank.GetByTestId("job-cloud")).ToContainTextAsync(DemoWorld.GlobexDesign);

        await lee.GotoAsync("/my/talent-clouds");
        await lee.GotoAsync((await lee.GetByRole(AriaRole.Link, new() { Name = DemoWorldSeeder.LeeOfferTitle }).GetAttributeAsync("href"))!);
        await InteractiveAsync(lee);
        await Assertions.Expect(lee.GetByTestId("offer-paused")).ToHaveCountAsync(0);
        await lee.GetByRole(AriaRole.Button, new() { Name = "Accept agreement", Exact = true }).ClickAsync();
        await Assertions.Expect(lee.GetByTestId("task").Filter(new() { HasText = "Globex contractor agreement" }).GetByTestId("task-status"))
            .ToContainTextAsync("Accepted by Lee Chen");

        await lee.GotoAsync("/jobs?q=industrial");
        await Assertions.Expect(GlobexJobBadge(lee)).ToHaveCountAsync(1);
        await SendAsync(hank, conversation, "Call me on +1 415 555 0100 this week.");
        await Assertions.Expect(hank.GetByRole(AriaRole.List, new() { Name = "Messages" })).ToContainTextAsync("+1 415 555 0100");
    }

    private static ILocator GlobexJobBadge(IPage page) =>
        page.Locator("article.job-card", new() { HasText = DemoWorld.GlobexUxJob }).GetByRole(AriaRole.Img, new() { Name = "Enterprise client" });

    private static async Task SendAsync(IPage page, int conversation, string text)
    {
        await page.GotoAsync($"/messages/{conversation}");
        await Assertions.Expect(page.Locator("section.conversation[data-live=true]")).ToBeVisibleAsync();
        await page.GetByLabel("Your message").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
    }

    private async Task<int> OmarProfileIdAsync()
    {
        await using var db = await browser.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Profiles.Where(p => p.Handle == DemoWorld.OmarHandle).Select(p => p.Id).SingleAsync();
    }
}
