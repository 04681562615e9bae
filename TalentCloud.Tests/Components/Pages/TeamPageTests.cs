using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentCloud.Core.Organizations;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;
using TalentCloud.Web.Components.Pages.Org.Team;

namespace TalentCloud.Tests.Components.Pages;

/// <summary>The team page (<c>/org/team</c>) per role, and its actions acting as the signed-in owner through Core.</summary>
public sealed class TeamPageTests : ComponentTestBase
{
    private async Task<IRenderedComponent<OrgTeamPage>> TeamAsync(string email)
    {
        await SignInAsAsync(email);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/org/team");
        return Render<OrgTeamPage>();
    }

    private async Task<OrganizationRole?> RoleOfAsync(string email)
    {
        await using var db = Db.CreateDbContext();
        return await (from m in db.OrganizationMembers
                      join u in db.Users on m.UserId equals u.Id
                      where u.Email == email
                      select (OrganizationRole?)m.Role).SingleOrDefaultAsync();
    }

    [Theory]
    [InlineData(DemoWorld.RajEmail)]
    [InlineData(DemoWorld.RitaEmail)]
    [InlineData(DemoWorld.HankEmail)]
    [InlineData(DemoWorld.CarlEmail)]
    [InlineData(DemoWorld.FionaEmail)]
    [InlineData(DemoWorld.AdminEmail)]
    [InlineData(DemoVisibility.Visitor)]
    public async Task Nobody_but_acmes_owners_sees_acmes_team(string email)
    {
        var notFound = 0;
        Services.GetRequiredService<NavigationManager>().OnNotFound += (_, _) => notFound++;

        var cut = await TeamAsync(email);

        foreach (var absent in new[] { "Raj Patel", "Rita Gomez", DemoWorldSeeder.PendingColleagueEmail, DemoWorld.Acme })
        {
            Assert.DoesNotContain(absent, cut.Markup, StringComparison.Ordinal);
        }

        // Hank and carl own Globex and Initech: each gets his own organisation's team page; everyone else the not-found page.
        var owner = email is DemoWorld.HankEmail or DemoWorld.CarlEmail;
        Assert.Equal(owner ? 0 : 1, notFound);
        Assert.Equal(owner ? 1 : 0, cut.FindAll("h1").Count);
    }

    [Fact]
    public async Task Maria_sees_the_people_the_pending_invitation_and_the_forms()
    {
        var cut = await TeamAsync(DemoWorld.MariaEmail);

        var people = cut.FindAll("[aria-label=People] tbody tr");
        Assert.Equal(["Maria Lopez (you)", "Raj Patel", "Rita Gomez"], people.Select(r => r.QuerySelector("td")!.TextContent.Trim()));
        Assert.Equal(["owner", "hiring manager", "recruiter"], cut.FindAll("[data-testid=member-role]").Select(c => c.TextContent.Trim()));
        // The last owner can be neither removed nor re-roled; the others can.
        Assert.Null(people[0].QuerySelector("button[aria-label^='Remove']"));
        Assert.NotNull(people[1].QuerySelector("button[aria-label='Remove Raj Patel from the team']"));
        var invitation = Assert.Single(cut.FindAll("[aria-label='Pending invitations'] tbody tr"));
        Assert.Contains(DemoWorldSeeder.PendingColleagueEmail, invitation.TextContent, StringComparison.Ordinal);
        Assert.NotNull(invitation.QuerySelector($"button[aria-label='Resend the invitation to {DemoWorldSeeder.PendingColleagueEmail}']"));
        Assert.NotNull(cut.Find("#invite-email"));
        Assert.NotNull(cut.Find("#approval-hourly"));
        Assert.Contains("Acme Corp: 3 people, 1 pending invitation.", cut.Find("[data-testid=team-summary]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inviting_through_the_form_sends_as_maria_and_lists_the_invitation()
    {
        var cut = await TeamAsync(DemoWorld.MariaEmail);

        cut.Find("#invite-email").Input("dana@acme.test");
        cut.Find("[data-testid=send-team-invitation]").Click();

        cut.WaitForAssertion(() => Assert.Contains("dana@acme.test", cut.Find("[aria-label='Pending invitations']").TextContent, StringComparison.Ordinal));
        await using var db = Db.CreateDbContext();
        var sent = await db.TeamInvitations.SingleAsync(i => i.Email == "dana@acme.test");
        Assert.Equal((OrganizationRole.Recruiter, (await ActorAsync(DemoWorld.MariaEmail)).UserId), (sent.Role, sent.InvitedByUserId));
        Assert.Contains("Invitation sent to dana@acme.test.", Snackbars());
        Assert.Equal("", cut.Find("#invite-email").GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task A_refused_invitation_shows_why_beside_the_form_and_keeps_the_address()
    {
        var cut = await TeamAsync(DemoWorld.MariaEmail);

        cut.Find("#invite-email").Input(DemoWorld.HankEmail);
        cut.Find("[data-testid=send-team-invitation]").Click();

        cut.WaitForAssertion(() => Assert.Contains(TeamErrors.BelongsToAnotherOrganization, cut.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        Assert.Equal(DemoWorld.HankEmail, cut.Find("#invite-email").GetAttribute("value"));
        await using var db = Db.CreateDbContext();
        Assert.False(await db.TeamInvitations.AnyAsync(i => i.Email == DemoWorld.HankEmail));
    }

    [Fact]
    public async Task Removing_a_colleague_asks_first_and_cancelling_keeps_them()
    {
        var host = RenderProviders();
        var cut = await TeamAsync(DemoWorld.MariaEmail);

        cut.Find("button[aria-label='Remove Raj Patel from the team']").Click();
        var dialog = host.WaitForElement("[role=dialog]");
        Assert.Contains("What they created", dialog.TextContent, StringComparison.Ordinal);
        host.FindAll("[role=dialog] button").Single(b => b.TextContent.Trim() == "Cancel").Click();

        host.WaitForAssertion(() => Assert.Empty(host.FindAll("[role=dialog]")));
        Assert.Equal(OrganizationRole.HiringManager, await RoleOfAsync(DemoWorld.RajEmail));
    }

    [Fact]
    public async Task Confirming_removes_the_colleague_as_maria_and_the_list_updates()
    {
        var host = RenderProviders();
        var cut = await TeamAsync(DemoWorld.MariaEmail);

        cut.Find("button[aria-label='Remove Rita Gomez from the team']").Click();
        host.WaitForElement("[role=dialog]");
        host.FindAll("[role=dialog] button").Single(b => b.TextContent.Trim() == "Remove from team").Click();

        cut.WaitForAssertion(() => Assert.DoesNotContain("Rita Gomez", cut.Find("[aria-label=People]").TextContent, StringComparison.Ordinal));
        Assert.Null(await RoleOfAsync(DemoWorld.RitaEmail));
        Assert.Contains("Rita Gomez was removed from the team.", Snackbars());
    }

    [Fact]
    public async Task Withdrawing_an_invitation_confirms_and_stops_its_link()
    {
        var host = RenderProviders();
        var cut = await TeamAsync(DemoWorld.MariaEmail);

        cut.Find($"button[aria-label='Withdraw the invitation to {DemoWorldSeeder.PendingColleagueEmail}']").Click();
        host.WaitForElement("[role=dialog]");
        host.FindAll("[role=dialog] button").Single(b => b.TextContent.Trim() == "Withdraw invitation").Click();

        cut.WaitForAssertion(() => Assert.Contains("No invitations are waiting for an answer.", cut.Markup, StringComparison.Ordinal));
        await using var db = Db.CreateDbContext();
        Assert.Equal(TeamInvitationStatus.Withdrawn, (await db.TeamInvitations.SingleAsync()).Status);
    }

    [Fact]
    public async Task Saving_thresholds_stores_them_as_maria_and_an_empty_field_means_none()
    {
        var cut = await TeamAsync(DemoWorld.MariaEmail);

        cut.Find("#approval-hourly").Change("120");
        cut.Find("#approval-fixed").Change("15000");
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Save thresholds").Click();
        cut.WaitForAssertion(() => Assert.Contains("Offer approval thresholds saved.", Snackbars()));
        Assert.Equal((120, 15_000), await ThresholdsAsync());

        cut.Find("#approval-fixed").Change("");
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Save thresholds").Click();
        // The same success message is not shown twice in a row; the database says whether it saved.
        cut.WaitForAssertion(() => Assert.Equal((120, (int?)null), ThresholdsAsync().GetAwaiter().GetResult()));
    }

    private async Task<(int?, int?)> ThresholdsAsync()
    {
        await using var db = Db.CreateDbContext();
        var acme = await db.Organizations.SingleAsync(o => o.Name == DemoWorld.Acme);
        return (acme.OfferApprovalHourlyAbove, acme.OfferApprovalFixedAbove);
    }

    [Fact]
    public async Task An_owner_who_lost_the_role_a_moment_ago_gets_the_not_found_page_on_the_next_click()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        var notFound = 0;
        navigation.OnNotFound += (_, _) => notFound++;
        var host = RenderProviders();
        var cut = await TeamAsync(DemoWorld.MariaEmail);
        // Meanwhile raj becomes an owner and makes maria a recruiter.
        var team = new TeamService(Db, Db.Clock);
        Assert.True((await team.ChangeRoleAsync(await ActorAsync(DemoWorld.MariaEmail), (await ActorAsync(DemoWorld.RajEmail)).UserId, OrganizationRole.Owner)).Succeeded);
        Assert.True((await team.ChangeRoleAsync(await ActorAsync(DemoWorld.RajEmail), (await ActorAsync(DemoWorld.MariaEmail)).UserId, OrganizationRole.Recruiter)).Succeeded);

        cut.Find("button[aria-label='Remove Rita Gomez from the team']").Click();
        host.WaitForElement("[role=dialog]");
        host.FindAll("[role=dialog] button").Single(b => b.TextContent.Trim() == "Remove from team").Click();

        cut.WaitForAssertion(() => Assert.Equal(1, notFound));
        Assert.Equal(OrganizationRole.Recruiter, await RoleOfAsync(DemoWorld.RitaEmail));
    }
}
