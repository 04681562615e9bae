using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentCloud.Core.Organizations;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;
using TalentCloud.Web.Components.Pages.Admin;
using TalentCloud.Web.Components.Pages.Offers;
using TalentCloud.Web.Components.Pages.Talent;

namespace TalentCloud.Tests.Components.Pages;

/// <summary>The admin's subscription controls, and what an ended subscription and the approval step look like on the offer pages.</summary>
public sealed class SubscriptionAndOfferPageTests : ComponentTestBase
{
    private async Task<IRenderedComponent<TPage>> OpenAsync<TPage>(string email, string address, Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null)
        where TPage : IComponent
    {
        await SignInAsAsync(email);
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        return Render(parameters ?? (_ => { }));
    }

    private async Task<Organization> OrganizationAsync(string name)
    {
        await using var db = Db.CreateDbContext();
        return await db.Organizations.AsNoTracking().SingleAsync(o => o.Name == name);
    }

    private async Task<int> OfferIdAsync(string title)
    {
        await using var db = Db.CreateDbContext();
        return await db.Offers.Where(o => o.Title == title).Select(o => o.Id).SingleAsync();
    }

    private async Task EndAsync(string organization) =>
        Assert.True((await new SubscriptionService(Db, Db.Clock).EndAsync(await ActorAsync(DemoWorld.AdminEmail), (await OrganizationAsync(organization)).Id)).Succeeded);

    [Fact]
    public async Task Ending_a_subscription_asks_first_cancel_keeps_it_and_confirm_ends_it_as_the_admin()
    {
        var host = RenderProviders();
        var cut = await OpenAsync<AdminOrganizationsPage>(DemoWorld.AdminEmail, "/admin/organizations");

        cut.Find("button[aria-label='End the Enterprise subscription of Globex']").Click();
        Assert.Contains("paused until a renewal", host.WaitForElement("[role=dialog]").TextContent, StringComparison.Ordinal);
        host.FindAll("[role=dialog] button").Single(b => b.TextContent.Trim() == "Cancel").Click();
        host.WaitForAssertion(() => Assert.Empty(host.FindAll("[role=dialog]")));
        Assert.True((await OrganizationAsync(DemoWorld.Globex)).HasEnterpriseSubscription);

        cut.Find("button[aria-label='End the Enterprise subscription of Globex']").Click();
        host.WaitForElement("[role=dialog]");
        host.FindAll("[role=dialog] button").Single(b => b.TextContent.Trim() == "End subscription").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("button[aria-label='Start an Enterprise subscription for Globex']")));
        var globex = await OrganizationAsync(DemoWorld.Globex);
        Assert.Equal((SubscriptionStatus.Ended, Db.Clock.GetUtcNow()), (globex.SubscriptionStatus, globex.EnterpriseEndsAt));
        Assert.Contains("Globex's Enterprise subscription has ended.", Snackbars());
    }

    [Fact]
    public async Task Extending_takes_the_chosen_end_date()
    {
        var host = RenderProviders();
        var cut = await OpenAsync<AdminOrganizationsPage>(DemoWorld.AdminEmail, "/admin/organizations");
        var before = (await OrganizationAsync(DemoWorld.Acme)).EnterpriseEndsAt!.Value;

        cut.Find("button[aria-label='Extend the Enterprise subscription of Acme Corp']").Click();
        host.WaitForElement("[role=dialog]");
        host.FindAll("[role=dialog] button").Single(b => b.TextContent.Trim() == "Extend subscription").Click();

        cut.WaitForAssertion(() => Assert.Contains("Acme Corp's subscription was extended.", Snackbars()));
        Assert.Equal(before.AddYears(1), (await OrganizationAsync(DemoWorld.Acme)).EnterpriseEndsAt);
    }

    [Theory]
    [InlineData(DemoWorld.MariaEmail)]
    [InlineData(DemoWorld.FionaEmail)]
    public async Task Nobody_but_an_admin_gets_the_organisations(string email)
    {
        var cut = await OpenAsync<AdminOrganizationsPage>(email, "/admin/organizations");

        Assert.Empty(cut.FindAll("h1"));
        Assert.DoesNotContain("Initech", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_globex_ends_lee_sees_its_offer_paused_everywhere_and_cannot_accept_or_work_on_it()
    {
        await EndAsync(DemoWorld.Globex);
        var id = await OfferIdAsync(DemoWorldSeeder.LeeOfferTitle);

        var list = await OpenAsync<MyTalentCloudsPage>(DemoWorld.LeeEmail, "/my/talent-clouds");
        Assert.Equal("Paused", list.Find("[data-testid=my-offer-status]").TextContent.Trim());

        var offer = Render<OfferPage>(p => p.Add(x => x.Id, id));
        Assert.Contains("Globex's Enterprise subscription is not active", offer.Find("[data-testid=offer-paused]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Paused", offer.Find("[data-testid=offer-status]").TextContent.Trim());
        Assert.True(offer.Find("[data-testid=accept-offer]").HasAttribute("disabled"));
        Assert.DoesNotContain("Accept agreement", offer.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Give consent", offer.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_acme_ends_omars_invitation_is_paused_without_an_accept_button()
    {
        await EndAsync(DemoWorld.Acme);

        var cut = await OpenAsync<MyTalentCloudsPage>(DemoWorld.OmarEmail, "/my/talent-clouds");

        var invitation = cut.Find("[data-testid=invitation]");
        Assert.NotNull(invitation.QuerySelector("[data-testid=invitation-paused]"));
        Assert.Contains("cannot be accepted for now", invitation.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Accept invitation", invitation.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoWorld.RajEmail, true)]
    [InlineData(DemoWorld.RitaEmail, false)]
    public async Task Ritas_draft_offers_the_approval_to_approvers_and_only_withdrawal_to_her(string email, bool approver)
    {
        var id = await OfferIdAsync(DemoWorldSeeder.RitaOfferTitle);

        var cut = await OpenAsync<OfferPage>(email, $"/offers/{id}", p => p.Add(x => x.Id, id));

        Assert.Equal("Awaiting approval", cut.Find("[data-testid=offer-status]").TextContent.Trim());
        var approval = cut.Find("[data-testid=offer-approval]");
        Assert.Contains("drafted by a recruiter", approval.TextContent, StringComparison.Ordinal);
        Assert.Equal(approver, approval.TextContent.Contains("Approve and send", StringComparison.Ordinal));
        Assert.Equal(approver, approval.TextContent.Contains("Reject", StringComparison.Ordinal));
        Assert.Equal(!approver, approval.QuerySelector("[data-testid=approval-notice]") is not null);
        Assert.Contains("Withdraw offer", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Accept offer", cut.Markup, StringComparison.Ordinal);
    }
}
