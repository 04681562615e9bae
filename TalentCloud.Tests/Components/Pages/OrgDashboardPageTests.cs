using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentCloud.Core.Offers;
using TalentCloud.Core.Organizations;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;
using TalentCloud.Web.Components.Pages.Org.Dashboard;

namespace TalentCloud.Tests.Components.Pages;

/// <summary>The dashboard at <c>/org</c> per role: the approval queue, the subscription's status, and decisions acting through Core.</summary>
public sealed class OrgDashboardPageTests : ComponentTestBase
{
    private async Task<IRenderedComponent<OrgDashboardPage>> DashboardAsync(string email)
    {
        await SignInAsAsync(email);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/org");
        return Render<OrgDashboardPage>();
    }

    private async Task<Offer> RitasOfferAsync()
    {
        await using var db = Db.CreateDbContext();
        return await db.Offers.AsNoTracking().SingleAsync(o => o.Title == DemoWorldSeeder.RitaOfferTitle);
    }

    private static AngleSharp.Dom.IElement QueueRow(IRenderedComponent<OrgDashboardPage> cut) =>
        Assert.Single(cut.FindAll("[data-testid=approval-queue] tbody tr"));

    [Theory]
    [InlineData(DemoWorld.MariaEmail)]
    [InlineData(DemoWorld.RajEmail)]
    public async Task Owners_and_hiring_managers_see_ritas_draft_with_approve_and_reject(string email)
    {
        var cut = await DashboardAsync(email);

        var row = QueueRow(cut);
        Assert.Contains(DemoWorldSeeder.RitaOfferTitle, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("drafted by a recruiter", row.TextContent, StringComparison.Ordinal);
        Assert.NotNull(row.QuerySelector("button[aria-label='Approve the offer to Lee Chen']"));
        Assert.NotNull(row.QuerySelector("button[aria-label='Reject the offer to Lee Chen']"));
    }

    [Fact]
    public async Task Rita_sees_her_own_draft_waiting_and_may_only_withdraw_it()
    {
        var cut = await DashboardAsync(DemoWorld.RitaEmail);

        var row = QueueRow(cut);
        Assert.Null(row.QuerySelector("button[aria-label^='Approve']"));
        Assert.Null(row.QuerySelector("button[aria-label^='Reject']"));
        Assert.NotNull(row.QuerySelector("button[aria-label='Withdraw the offer to Lee Chen']"));
        Assert.Equal("Waiting for approval by owners and hiring managers.", row.QuerySelector("[data-testid=approval-notice]")!.TextContent.Trim());
        // A recruiter is offered no job posting and no team page.
        Assert.DoesNotContain("/org/jobs/new", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("/org/team", cut.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoWorld.HankEmail)]
    [InlineData(DemoWorld.CarlEmail)]
    public async Task Other_organisations_see_no_queue_and_nothing_of_acmes_draft(string email)
    {
        var cut = await DashboardAsync(email);

        Assert.Empty(cut.FindAll("[data-testid=approval-queue]"));
        Assert.DoesNotContain(DemoWorldSeeder.RitaOfferTitle, cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approving_asks_first_then_sends_the_offer_as_raj()
    {
        var host = RenderProviders();
        var cut = await DashboardAsync(DemoWorld.RajEmail);

        QueueRow(cut).QuerySelector("button[aria-label^='Approve']")!.Click();
        var dialog = host.WaitForElement("[role=dialog]");
        Assert.Contains("Lee Chen receives", dialog.TextContent, StringComparison.Ordinal);
        host.FindAll("[role=dialog] button").Single(b => b.TextContent.Trim() == "Approve and send").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=approval-queue]")));
        var offer = await RitasOfferAsync();
        Assert.Equal((OfferStatus.Open, (await ActorAsync(DemoWorld.RajEmail)).UserId), (offer.Status, offer.DecidedByUserId));
        Assert.Contains("Approved: Lee Chen has received the offer.", Snackbars());
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_and_cancelling_changes_nothing()
    {
        var host = RenderProviders();
        var cut = await DashboardAsync(DemoWorld.MariaEmail);

        QueueRow(cut).QuerySelector("button[aria-label^='Reject']")!.Click();
        host.WaitForElement("[role=dialog]");
        host.FindAll("[role=dialog] button").Single(b => b.TextContent.Trim() == "Reject offer").Click();
        host.WaitForAssertion(() => Assert.Contains("Give a reason", host.Find("[role=dialog] [role=alert]").TextContent, StringComparison.Ordinal));
        host.FindAll("[role=dialog] button").Single(b => b.TextContent.Trim() == "Cancel").Click();
        host.WaitForAssertion(() => Assert.Empty(host.FindAll("[role=dialog]")));
        Assert.Equal(OfferStatus.AwaitingApproval, (await RitasOfferAsync()).Status);

        QueueRow(cut).QuerySelector("button[aria-label^='Reject']")!.Click();
        host.WaitForElement("[role=dialog]");
        host.Find("[role=dialog] textarea").Input("Over this quarter's budget.");
        host.FindAll("[role=dialog] button").Single(b => b.TextContent.Trim() == "Reject offer").Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=approval-queue]")));
        var offer = await RitasOfferAsync();
        Assert.Equal((OfferStatus.Rejected, "Over this quarter's budget."), (offer.Status, offer.RejectionReason));
    }

    [Fact]
    public async Task The_subscription_shows_its_end_date_and_after_it_ends_why_nothing_new_starts()
    {
        var active = await DashboardAsync(DemoWorld.HankEmail);
        Assert.Contains("Active until 23 Nov 2027", active.Find("[data-testid=subscription-status]").TextContent, StringComparison.Ordinal);
        Assert.Empty(active.FindAll("[data-testid=subscription-notice]"));

        var globex = await OrganizationIdAsync(DemoWorld.Globex);
        Assert.True((await new SubscriptionService(Db, Db.Clock).EndAsync(await ActorAsync(DemoWorld.AdminEmail), globex)).Succeeded);
        var ended = Render<OrgDashboardPage>();

        Assert.Contains("Ended on 23 Nov 2026", ended.Find("[data-testid=subscription-status]").TextContent, StringComparison.Ordinal);
        Assert.Contains("is not active", ended.Find("[data-testid=subscription-notice]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Paused", Assert.Single(ended.FindAll("[data-testid=open-offer]")).TextContent, StringComparison.Ordinal);
        Assert.Contains(DemoWorld.GlobexDesign, ended.Find("[data-testid=cloud-figures]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recruiter_removed_while_her_dashboard_is_open_gets_the_not_found_page_on_her_next_click()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        var notFound = 0;
        navigation.OnNotFound += (_, _) => notFound++;
        var host = RenderProviders();
        var cut = await DashboardAsync(DemoWorld.RitaEmail);
        var rita = await ActorAsync(DemoWorld.RitaEmail);
        Assert.True((await new TeamService(Db, Db.Clock).RemoveAsync(await ActorAsync(DemoWorld.MariaEmail), rita.UserId)).Succeeded);

        QueueRow(cut).QuerySelector("button[aria-label^='Withdraw']")!.Click();
        host.WaitForElement("[role=dialog]");
        host.FindAll("[role=dialog] button").Single(b => b.TextContent.Trim() == "Withdraw offer").Click();

        cut.WaitForAssertion(() => Assert.Equal(1, notFound));
        Assert.Equal(OfferStatus.AwaitingApproval, (await RitasOfferAsync()).Status);
    }

    private async Task<int> OrganizationIdAsync(string name)
    {
        await using var db = Db.CreateDbContext();
        return await db.Organizations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }
}
