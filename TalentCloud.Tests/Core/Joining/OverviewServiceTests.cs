using TalentCloud.Core.Memberships;
using TalentCloud.Core.Offers;
using TalentCloud.Core.Organizations;
using TalentCloud.Core.Seeding;

namespace TalentCloud.Tests.Core.Joining;

/// <summary>My Talent Clouds and the client dashboard: what each role is shown.</summary>
public sealed class OverviewServiceTests : JoiningWorld
{
    private MyTalentCloudsService MyClouds => new(Db, Db.Clock);

    private OrgDashboardService Dashboards => new(Db, Clouds, Db.Clock);

    [Fact]
    public async Task Lee_sees_both_memberships_with_how_they_were_joined_and_the_open_offer()
    {
        var view = await MyClouds.GetAsync(await Lee);

        Assert.Equal([DemoWorld.AcmeData, DemoWorld.AcmeMobile], view!.Memberships.Select(m => m.CloudName));
        Assert.Equal(MembershipStatus.PendingApproval, view.Memberships[1].Status);
        Assert.Equal("Invitation from Maria Lopez (Acme Corp)", view.Memberships[0].HowJoined);
        var offer = Assert.Single(view.Offers);
        Assert.Equal((DemoWorldSeeder.LeeOfferTitle, "Globex", OfferStatus.Open), (offer.Title, offer.OrganizationName, offer.Status));
        Assert.Empty(view.Invitations);
    }

    [Fact]
    public async Task Omars_invitation_lists_the_criteria_and_what_he_misses()
    {
        var invitation = Assert.Single((await MyClouds.GetAsync(await Omar))!.Invitations);

        Assert.Equal((DemoWorld.AcmeData, "Acme Corp", "Maria Lopez"), (invitation.CloudName, invitation.OrganizationName, invitation.InvitedBy));
        Assert.Equal(2, invitation.Criteria.Count);
        Assert.Equal(2, invitation.UnmetNow.Count);
    }

    [Fact]
    public async Task An_expired_invitation_is_no_longer_listed()
    {
        Db.Clock.Advance(TimeSpan.FromDays(29));
        Assert.Empty((await MyClouds.GetAsync(await Omar))!.Invitations);
    }

    [Fact]
    public async Task Clients_have_no_talent_page()
    {
        Assert.Null(await MyClouds.GetAsync(await Maria));
        Assert.Null(await MyClouds.GetAsync(await Carl));
    }

    [Fact]
    public async Task Contract_placement_reads_as_a_contract_with_the_organisation()
    {
        var offer = await LeesOfferAsync();
        var lee = await Lee;
        foreach (var task in offer.Tasks)
        {
            if (task.Kind == OnboardingTaskKind.Agreement)
            {
                await Offers.CompleteTaskAsync(lee, task.Id);
            }
            else
            {
                await Offers.GiveConsentAsync(lee, task.Id);
                await Offers.RecordCheckResultAsync(await Hank, task.Id, passed: true);
            }
        }

        await Offers.AcceptAsync(lee, offer.Id);

        var globex = (await MyClouds.GetAsync(lee))!.Memberships.Single(m => m.CloudName == DemoWorld.GlobexDesign);
        Assert.Equal(MembershipStatus.Active, globex.Status);
        Assert.StartsWith("Contract with Globex, offered by Hank Scorpio", globex.HowJoined, StringComparison.Ordinal);
        Assert.Contains(DemoWorldSeeder.LeeOfferTitle, Assert.Single(globex.Contracts), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enterprise_dashboard_counts_per_cloud_and_lists_activity()
    {
        await Invitations.AcceptAsync(await Omar, await OmarsSeededInvitationAsync());

        var dashboard = await Dashboards.GetAsync(await Raj);

        Assert.True(dashboard!.IsEnterprise);
        var data = dashboard.Clouds.Single(c => c.Name == DemoWorld.AcmeData);
        Assert.Equal(1, data.PendingCount);
        Assert.Equal(0, data.OutstandingInvitations);
        Assert.Contains(dashboard.Activity, a => a.Action == "invitation.accepted" && a.Subject.Contains("Omar Haddad", StringComparison.Ordinal));
        Assert.DoesNotContain(dashboard.Clouds, c => c.Name == DemoWorld.GlobexDesign);
    }

    [Fact]
    public async Task Globex_dashboard_lists_its_open_offer_and_none_of_acmes_activity()
    {
        await Invitations.AcceptAsync(await Omar, await OmarsSeededInvitationAsync());

        var dashboard = await Dashboards.GetAsync(await Hank);

        Assert.Equal(DemoWorldSeeder.LeeOfferTitle, Assert.Single(dashboard!.Offers).Title);
        Assert.Empty(dashboard.Activity);
    }

    [Fact]
    public async Task Ordinary_client_dashboard_has_no_cloud_content_and_talent_has_none()
    {
        var dashboard = await Dashboards.GetAsync(await Carl);

        Assert.False(dashboard!.IsEnterprise);
        Assert.Empty(dashboard.Clouds);
        Assert.Empty(dashboard.Invitations);
        Assert.Empty(dashboard.Offers);
        Assert.Empty(dashboard.Activity);
        Assert.Null(await Dashboards.GetAsync(await Lee));
    }
}
