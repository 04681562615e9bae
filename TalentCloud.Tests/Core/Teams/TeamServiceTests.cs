using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Audit;
using TalentCloud.Core.Common;
using TalentCloud.Core.Jobs;
using TalentCloud.Core.Organizations;
using TalentCloud.Core.Profiles;
using TalentCloud.Core.Seeding;

namespace TalentCloud.Tests.Core.Teams;

/// <summary>The team page's rules: who may manage the team, invitations by e-mail, roles, removal and the last owner.</summary>
public sealed class TeamServiceTests : TeamWorld
{
    [Fact]
    public async Task An_owner_invites_a_colleague_and_the_e_mail_carries_a_working_link()
    {
        var result = await Team.InviteAsync(await Maria, "  dana@acme.test ", OrganizationRole.Recruiter);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        await using var context = Db.CreateDbContext();
        var invitation = await context.TeamInvitations.SingleAsync(i => i.Id == result.Value);
        Assert.Equal(("dana@acme.test", OrganizationRole.Recruiter, TeamInvitationStatus.Pending), (invitation.Email, invitation.Role, invitation.Status));
        Assert.Equal(Db.Clock.GetUtcNow() + TimeSpan.FromDays(14), invitation.ExpiresAt);
        var email = await context.OutboxEmails.SingleAsync(e => e.ToAddress == "dana@acme.test");
        Assert.Contains("Maria Lopez invited you to join Acme Corp", email.Subject, StringComparison.Ordinal);
        Assert.Contains("/Account/JoinTeam?token=", email.HtmlBody, StringComparison.Ordinal);
        // Only the token's hash is stored; the link's token hashes to it.
        var token = await TokenFromOutboxAsync("dana@acme.test");
        Assert.DoesNotContain(token, invitation.TokenHash, StringComparison.Ordinal);
        Assert.Equal(TeamInvitation.Hash(token), invitation.TokenHash);
        Assert.Equal(1, await AuditCountAsync(AuditActions.TeamInvitationSent));
    }

    [Theory]
    [InlineData("", TeamErrors.EmailRequired)]
    [InlineData("   ", TeamErrors.EmailRequired)]
    [InlineData("dana", TeamErrors.EmailInvalid)]
    [InlineData("dana@acme", TeamErrors.EmailInvalid)]
    [InlineData("Dana <dana@acme.test>", TeamErrors.EmailInvalid)]
    [InlineData("dana@acme.test, eve@acme.test", TeamErrors.EmailInvalid)]
    [InlineData("da na@acme.test", TeamErrors.EmailInvalid)]
    [InlineData("dana@acme.test.", TeamErrors.EmailInvalid)]
    public async Task Invalid_addresses_are_refused_with_a_message_and_nothing_is_sent(string email, string message)
    {
        var result = await Team.InviteAsync(await Maria, email, OrganizationRole.Recruiter);

        Assert.Equal([message], result.Errors);
        Assert.Equal(1, await CountAsync(c => c.TeamInvitations)); // the demo world's one
    }

    [Fact]
    public async Task An_address_over_256_characters_and_an_unknown_role_are_refused()
    {
        var tooLong = new string('a', 250) + "@acme.test";
        var result = await Team.InviteAsync(await Maria, tooLong, (OrganizationRole)42);

        Assert.Equal([TeamErrors.EmailTooLong, TeamErrors.ChooseRole], result.Errors);
        Assert.Contains("at most 256 characters", TeamErrors.EmailTooLong, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(c => c.TeamInvitations));
    }

    [Fact]
    public async Task An_address_of_another_organisation_is_refused_without_naming_it()
    {
        var result = await Team.InviteAsync(await Maria, DemoWorld.HankEmail.ToUpperInvariant(), OrganizationRole.HiringManager);

        var message = Assert.Single(result.Errors);
        Assert.Equal(TeamErrors.BelongsToAnotherOrganization, message);
        Assert.DoesNotContain(DemoWorld.Globex, message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await CountAsync(c => c.OutboxEmails.Where(e => EF.Functions.Like(e.ToAddress, DemoWorld.HankEmail))));
    }

    [Fact]
    public async Task Colleagues_already_on_the_team_or_already_invited_are_refused()
    {
        var maria = await Maria;
        Assert.Equal([TeamErrors.AlreadyOnTeam(DemoWorld.RajEmail)], (await Team.InviteAsync(maria, DemoWorld.RajEmail, OrganizationRole.Owner)).Errors);
        Assert.Equal([TeamErrors.AlreadyInvited(DemoWorldSeeder.PendingColleagueEmail)],
            (await Team.InviteAsync(maria, DemoWorldSeeder.PendingColleagueEmail, OrganizationRole.Recruiter)).Errors);
    }

    [Fact]
    public async Task An_expired_invitation_makes_room_for_a_new_one_and_its_link_stops_working()
    {
        var maria = await Maria;
        Assert.True((await Team.InviteAsync(maria, "dana@acme.test", OrganizationRole.Recruiter)).Succeeded);
        var oldToken = await TokenFromOutboxAsync("dana@acme.test");
        Db.Clock.Advance(TimeSpan.FromDays(14));

        var again = await Team.InviteAsync(maria, "dana@acme.test", OrganizationRole.HiringManager);

        Assert.True(again.Succeeded, string.Join(" ", again.Errors));
        await using var context = Db.CreateDbContext();
        var statuses = await context.TeamInvitations.Where(i => i.Email == "dana@acme.test").OrderBy(i => i.Id).Select(i => i.Status).ToListAsync();
        Assert.Equal([TeamInvitationStatus.Superseded, TeamInvitationStatus.Pending], statuses);
        Assert.NotEqual(oldToken, await TokenFromOutboxAsync("dana@acme.test"));
    }

    [Fact]
    public async Task Resending_sends_a_new_link_with_a_new_term_and_the_old_link_stops_working()
    {
        var maria = await Maria;
        var id = (await Team.InviteAsync(maria, "dana@acme.test", OrganizationRole.Recruiter)).Value;
        var first = await TokenFromOutboxAsync("dana@acme.test");
        Db.Clock.Advance(TimeSpan.FromDays(20)); // expired: resending still works and restarts the 14 days

        Assert.True((await Team.ResendAsync(maria, id)).Succeeded);

        var second = await TokenFromOutboxAsync("dana@acme.test");
        Assert.NotEqual(first, second);
        var listed = Assert.Single((await Team.ListInvitationsAsync(maria))!.Items, i => i.Id == id);
        Assert.Equal((false, 2, Db.Clock.GetUtcNow() + TimeSpan.FromDays(14)), (listed.IsExpired, listed.SendCount, listed.ExpiresAt));
        await using var context = Db.CreateDbContext();
        Assert.False(await context.TeamInvitations.AnyAsync(i => i.TokenHash == TeamInvitation.Hash(first)));
        Assert.Equal(1, await AuditCountAsync(AuditActions.TeamInvitationResent));
    }

    [Fact]
    public async Task A_withdrawn_invitation_leaves_the_list_and_cannot_be_resent()
    {
        var maria = await Maria;
        var id = (await Team.InviteAsync(maria, "dana@acme.test", OrganizationRole.Recruiter)).Value;

        Assert.True((await Team.WithdrawAsync(maria, id)).Succeeded);

        Assert.DoesNotContain((await Team.ListInvitationsAsync(maria))!.Items, i => i.Id == id);
        var resend = await Team.ResendAsync(maria, id);
        Assert.Contains("no longer pending (withdrawn)", Assert.Single(resend.Errors), StringComparison.Ordinal);
        Assert.Equal(1, await AuditCountAsync(AuditActions.TeamInvitationWithdrawn));
    }

    [Fact]
    public async Task Twenty_invitations_an_hour_then_a_clear_refusal_and_the_hour_after_it_works_again()
    {
        var maria = await Maria;
        for (var i = 0; i < TeamErrors.InvitationsPerHour; i++)
        {
            Assert.True((await Team.InviteAsync(maria, $"colleague{i}@acme.test", OrganizationRole.Recruiter)).Succeeded);
        }

        var refused = await Team.InviteAsync(maria, "one.more@acme.test", OrganizationRole.Recruiter);
        var resend = await Team.ResendAsync(maria, (await Team.ListInvitationsAsync(maria))!.Items[0].Id);

        Assert.Equal([TeamErrors.RateLimited], refused.Errors);
        Assert.Equal([TeamErrors.RateLimited], resend.Errors);
        Assert.Equal(0, await CountAsync(c => c.OutboxEmails.Where(e => e.ToAddress == "one.more@acme.test")));
        Db.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.True((await Team.InviteAsync(maria, "one.more@acme.test", OrganizationRole.Recruiter)).Succeeded);
    }

    [Theory]
    [InlineData(DemoWorld.RajEmail)]
    [InlineData(DemoWorld.RitaEmail)]
    [InlineData(DemoWorld.HankEmail)]
    [InlineData(DemoWorld.CarlEmail)]
    [InlineData(DemoWorld.FionaEmail)]
    [InlineData(DemoWorld.AdminEmail)]
    public async Task Everyone_but_the_owners_finds_no_team_page_and_no_acme_team_item(string email)
    {
        var actor = await ActorAsync(email);
        await using var context = Db.CreateDbContext();
        var acmeInvitation = await context.TeamInvitations.Select(i => i.Id).SingleAsync();
        var raj = await UserIdAsync(DemoWorld.RajEmail);

        Assert.NotEqual(DemoWorld.Acme, (await Team.GetAsync(actor))?.OrganizationName);
        Assert.True((await Team.WithdrawAsync(actor, acmeInvitation)).IsNotFound);
        Assert.True((await Team.ResendAsync(actor, acmeInvitation)).IsNotFound);
        Assert.True((await Team.RemoveAsync(actor, raj)).IsNotFound);
        Assert.True((await Team.ChangeRoleAsync(actor, raj, OrganizationRole.Recruiter)).IsNotFound);
        Assert.Equal(OrganizationRole.HiringManager, await RoleOfAsync(DemoWorld.RajEmail, DemoWorld.Acme));
        Assert.Equal(TeamInvitationStatus.Pending, await context.TeamInvitations.Where(i => i.Id == acmeInvitation).Select(i => i.Status).SingleAsync());
    }

    [Fact]
    public async Task Non_owners_get_no_team_view_at_all()
    {
        Assert.Null(await Team.GetAsync(await Raj));
        Assert.Null(await Team.ListMembersAsync(await Rita));
        Assert.Null(await Team.ListInvitationsAsync(await Fiona));
        Assert.True((await Team.InviteAsync(await Rita, "x@acme.test", OrganizationRole.Recruiter)).IsNotFound);
    }

    [Fact]
    public async Task Hanks_team_page_shows_globex_only()
    {
        var view = await Team.GetAsync(await Hank);
        var members = await Team.ListMembersAsync(await Hank);

        Assert.Equal((DemoWorld.Globex, 1, 0), (view!.OrganizationName, view.MemberCount, view.PendingInvitations));
        Assert.Equal(["Hank Scorpio"], members!.Items.Select(m => m.Name));
        Assert.Empty((await Team.ListInvitationsAsync(await Hank))!.Items);
    }

    [Fact]
    public async Task The_members_list_puts_owners_first_and_protects_the_last_owner()
    {
        var maria = await Maria;
        var page = await Team.ListMembersAsync(maria);

        Assert.Equal(["Maria Lopez", "Raj Patel", "Rita Gomez"], page!.Items.Select(m => m.Name));
        Assert.Equal([OrganizationRole.Owner, OrganizationRole.HiringManager, OrganizationRole.Recruiter], page.Items.Select(m => m.Role));
        var self = page.Items[0];
        Assert.True(self.IsYou);
        Assert.False(self.CanRemove);
        Assert.False(self.CanChangeRole);
        Assert.All(page.Items.Skip(1), m => Assert.True(m.CanRemove && m.CanChangeRole));
    }

    [Fact]
    public async Task Members_are_paged_and_out_of_range_pages_are_clamped()
    {
        var page = await Team.ListMembersAsync(await Maria, page: 99, pageSize: 2);

        Assert.Equal((3, 2, 2, 2), (page!.Total, page.Page, page.PageSize, page.PageCount));
        Assert.Equal(["Rita Gomez"], page.Items.Select(m => m.Name));
    }

    [Fact]
    public async Task Changing_a_role_applies_to_the_colleagues_next_action()
    {
        var pending = (await MembershipAsync(DemoWorld.AcmeMobile, DemoWorld.LeeHandle))!.Id;

        Assert.True((await Team.ChangeRoleAsync(await Maria, await UserIdAsync(DemoWorld.RajEmail), OrganizationRole.Recruiter)).Succeeded);

        // raj's next action loads him as he is now: a recruiter.
        var rajNow = await Raj;
        Assert.Equal(OrganizationRole.Recruiter, rajNow.Organizations.Single().Value);
        var approve = await Clouds.ApproveAsync(rajNow, pending);
        Assert.Contains("Recruiters cannot approve or reject members", Assert.Single(approve.Errors), StringComparison.Ordinal);
        Assert.Equal(TalentCloud.Core.Memberships.MembershipStatus.PendingApproval, (await MembershipAsync(DemoWorld.AcmeMobile, DemoWorld.LeeHandle))!.Status);
        Assert.Equal(1, await NotificationCountAsync(DemoWorld.RajEmail, "Your role at Acme Corp changed"));
        Assert.Equal(1, await AuditCountAsync(AuditActions.TeamRoleChanged));
    }

    [Fact]
    public async Task The_last_owner_can_be_neither_demoted_nor_removed()
    {
        var maria = await Maria;
        var mariaId = await UserIdAsync(DemoWorld.MariaEmail);

        Assert.Equal([TeamErrors.LastOwner], (await Team.ChangeRoleAsync(maria, mariaId, OrganizationRole.HiringManager)).Errors);
        Assert.Equal([TeamErrors.LastOwner], (await Team.RemoveAsync(maria, mariaId)).Errors);
        Assert.Equal(OrganizationRole.Owner, await RoleOfAsync(DemoWorld.MariaEmail, DemoWorld.Acme));
    }

    [Fact]
    public async Task With_a_second_owner_an_owner_may_step_down_or_leave()
    {
        var maria = await Maria;
        Assert.True((await Team.ChangeRoleAsync(maria, await UserIdAsync(DemoWorld.RajEmail), OrganizationRole.Owner)).Succeeded);

        Assert.True((await Team.ChangeRoleAsync(maria, await UserIdAsync(DemoWorld.MariaEmail), OrganizationRole.HiringManager)).Succeeded);

        // maria is no longer an owner: her next team action finds nothing.
        Assert.True((await Team.RemoveAsync(maria, await UserIdAsync(DemoWorld.RajEmail))).IsNotFound);
        Assert.Null(await Team.GetAsync(await Maria));
        Assert.NotNull(await Team.GetAsync(await Raj));
    }

    [Fact]
    public async Task Two_owners_removing_each_other_at_the_same_moment_leave_one_owner()
    {
        var results = await RemoveAtOnceWithTwoOwnersAsync(crossed: true);

        // Whoever ran second had already been removed by the other: their action finds nothing.
        Assert.Equal(1, results.Count(r => r.Succeeded));
        Assert.True(results.Single(r => !r.Succeeded).IsNotFound);
        Assert.Equal(1, await OwnerCountAsync());
    }

    [Fact]
    public async Task Two_owners_leaving_at_the_same_moment_leave_one_owner()
    {
        var results = await RemoveAtOnceWithTwoOwnersAsync(crossed: false);

        Assert.Equal(1, results.Count(r => r.Succeeded));
        Assert.Equal([TeamErrors.LastOwner], results.Single(r => !r.Succeeded).Errors);
        Assert.Equal(1, await OwnerCountAsync());
    }

    [Fact]
    public async Task A_removed_colleague_loses_the_organisation_at_once_and_what_they_made_stays_with_their_name()
    {
        var dana = await JoinAcmeAsync("dana@acme.test", "Dana Reed", OrganizationRole.Recruiter);
        var offerId = await DraftOfferAsync(dana, "Payments screens", cloud: DemoWorld.AcmeMobile, profile: DemoWorld.OmarHandle);
        var fiona = await ProfileIdAsync(DemoWorld.FionaHandle);
        var conversation = (await Conversations.StartAsync(dana, fiona)).Value;
        var before = await Profiles.GetPublicProfileAsync(dana, ProfileKind.Freelancer, DemoWorld.FionaHandle);
        Assert.Contains(DemoWorld.AcmeMobile, before!.Memberships.CloudNames);

        Assert.True((await Team.RemoveAsync(await Maria, dana.UserId)).Succeeded);

        // Dana's next action, with the actor loaded for it, finds nothing of Acme.
        var danaNow = await ActorAsync("dana@acme.test");
        Assert.Empty(danaNow.Organizations);
        Assert.Null(await Dashboards.GetAsync(danaNow));
        Assert.Null(await Offers.GetAsync(danaNow, offerId));
        Assert.True((await Offers.WithdrawAsync(danaNow, offerId)).IsNotFound);
        Assert.Null(await Conversations.GetConversationAsync(danaNow, conversation));
        var after = await Profiles.GetPublicProfileAsync(danaNow, ProfileKind.Freelancer, DemoWorld.FionaHandle);
        Assert.Empty(after!.Memberships.CloudNames);
        Assert.False(after.Memberships.ShowsMaskedLabel);
        Assert.Equal(1, await NotificationCountAsync("dana@acme.test", "You are no longer part of Acme Corp"));

        // Her draft stays with Acme and still names her.
        var raj = await Raj;
        var kept = await Offers.GetAsync(raj, offerId);
        Assert.Equal("Dana Reed", kept!.SentBy);
        Assert.Equal("Dana Reed", Assert.Single((await Approvals.ListAsync(raj))!.Items, i => i.Id == offerId).Author);
        Assert.NotNull(await Conversations.GetConversationAsync(raj, conversation));
    }

    [Fact]
    public async Task A_job_posted_by_a_colleague_who_left_stays_open_and_names_them()
    {
        var jo = await JoinAcmeAsync("jo@acme.test", "Jo Park", OrganizationRole.HiringManager);
        var acme = await OrganizationIdAsync(DemoWorld.Acme);
        var posted = await Jobs.PostAsync(jo, new JobDraft(acme, null, "Release manager", "Run our app releases.", [],
            BudgetType.Hourly, 60, ExperienceLevel.Intermediate));
        Assert.True(posted.Succeeded, string.Join(" ", posted.Errors));

        Assert.True((await Team.RemoveAsync(await Maria, jo.UserId)).Succeeded);

        var list = await Jobs.ListOrganizationJobsAsync(await Maria, new JobQuery());
        var job = Assert.Single(list.Items, j => j.Id == posted.Value);
        Assert.Equal(("Jo Park", JobStatus.Open), (job.PostedBy, job.Status));
        Assert.Empty((await Jobs.ListOrganizationJobsAsync(await ActorAsync("jo@acme.test"), new JobQuery())).Items);
        Assert.True((await Jobs.CloseAsync(await ActorAsync("jo@acme.test"), posted.Value)).Errors.Count > 0);
    }

    [Fact]
    public async Task The_approval_thresholds_are_validated_and_saved()
    {
        var maria = await Maria;
        var bad = await Team.SetOfferApprovalRulesAsync(maria, 0, 2_000_000);
        Assert.Equal([TeamErrors.ThresholdOutOfRange("hourly rate"), TeamErrors.ThresholdOutOfRange("fixed price")], bad.Errors);

        Assert.True((await Team.SetOfferApprovalRulesAsync(maria, 100, 10_000)).Succeeded);
        Assert.Equal(new OfferApprovalRules(100, 10_000), (await Team.GetAsync(maria))!.ApprovalRules);
        Assert.True((await Team.SetOfferApprovalRulesAsync(await Raj, null, null)).IsNotFound);
        Assert.Equal(1, await AuditCountAsync(AuditActions.OfferApprovalRulesChanged));
    }

    /// <summary>Makes raj a second owner, then maria and raj each remove someone at the same moment: each other, or themselves.</summary>
    private async Task<Result[]> RemoveAtOnceWithTwoOwnersAsync(bool crossed)
    {
        Assert.True((await Team.ChangeRoleAsync(await Maria, await UserIdAsync(DemoWorld.RajEmail), OrganizationRole.Owner)).Succeeded);
        var (maria, raj) = (await Maria, await Raj);
        return await Task.WhenAll(
            Task.Run(() => Team.RemoveAsync(maria, crossed ? raj.UserId : maria.UserId)),
            Task.Run(() => Team.RemoveAsync(raj, crossed ? maria.UserId : raj.UserId)));
    }

    private async Task<int> OwnerCountAsync()
    {
        var acme = await OrganizationIdAsync(DemoWorld.Acme);
        return await CountAsync(c => c.OrganizationMembers.Where(m => m.OrganizationId == acme && m.Role == OrganizationRole.Owner));
    }
}
