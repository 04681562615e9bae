using TalentCloud.Core.Invitations;
using TalentCloud.Core.Memberships;
using TalentCloud.Core.Notifications;
using TalentCloud.Core.Profiles;
using TalentCloud.Core.Seeding;

namespace TalentCloud.Tests.Core.Joining;

public sealed class InvitationServiceTests : JoiningWorld
{
    [Fact]
    public async Task Omar_accepting_the_seeded_invitation_becomes_pending_with_the_unmet_criteria()
    {
        var result = await Invitations.AcceptAsync(await Omar, await OmarsSeededInvitationAsync());

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.Equal(MembershipStatus.PendingApproval, result.Value!.Status);
        Assert.Equal(2, result.Value.UnmetCriteria.Count);
        Assert.Contains(result.Value.UnmetCriteria, u => u.Contains("SQL", StringComparison.Ordinal));
        Assert.Contains(result.Value.UnmetCriteria, u => u.Contains("Jordan", StringComparison.Ordinal));
        var membership = await MembershipAsync(DemoWorld.AcmeData, DemoWorld.OmarHandle);
        Assert.Equal(MembershipStatus.PendingApproval, membership!.Status);
        Assert.Equal(JoinMethod.Invitation, membership.JoinedVia);
        Assert.Equal(1, await CountAsync(c => c.AuditEntries.Where(e => e.Action == "invitation.accepted")));
    }

    [Fact]
    public async Task Meeting_every_criterion_without_manual_approval_makes_the_member_active()
    {
        await SetProfileAsync(DemoWorld.OmarHandle, p =>
            p.Update(ProfileSettings.Of(p) with { Country = "DE", Skills = [.. ProfileSettings.Of(p).Skills, "sql"] }));

        var result = await Invitations.AcceptAsync(await Omar, await OmarsSeededInvitationAsync());

        Assert.Equal(MembershipStatus.Active, result.Value!.Status);
        Assert.Empty(result.Value.UnmetCriteria);
        Assert.NotNull((await MembershipAsync(DemoWorld.AcmeData, DemoWorld.OmarHandle))!.ActivatedAt);
    }

    [Fact]
    public async Task Manual_approval_keeps_even_a_qualified_member_pending()
    {
        var cloudId = await CloudIdAsync(DemoWorld.AcmeMobile);
        await Clouds.SetCriteriaAsync(await Maria, cloudId, TalentCloud.Core.Clouds.CloudCriteria.None with { RequiresManualApproval = true });
        var invitation = await Invitations.InviteAsync(await Raj, cloudId, await ProfileIdAsync(DemoWorld.OmarHandle), null);

        var result = await Invitations.AcceptAsync(await Omar, invitation.Value);

        Assert.Equal(MembershipStatus.PendingApproval, result.Value!.Status);
        Assert.Empty(result.Value.UnmetCriteria);
        Assert.True(result.Value.NeedsManualApproval);
    }

    [Fact]
    public async Task Invitation_notifies_the_invitee_and_is_audited()
    {
        var result = await Invitations.InviteAsync(await Maria, await CloudIdAsync(DemoWorld.AcmeMobile), await ProfileIdAsync(DemoWorld.OmarHandle), "  Join us  ");

        Assert.True(result.Succeeded);
        var omar = await Omar;
        Assert.Equal(1, await CountAsync(c => c.Notifications.Where(n => n.UserId == omar.UserId && n.Kind == NotificationKind.InvitationReceived)));
        Assert.Equal(1, await CountAsync(c => c.AuditEntries.Where(e => e.Action == "invitation.sent")));
        Assert.Equal(1, await CountAsync(c => c.Invitations.Where(i => i.Id == result.Value && i.Note == "Join us")));
    }

    [Fact]
    public async Task A_second_pending_invitation_to_the_same_cloud_is_refused()
    {
        var result = await Invitations.InviteAsync(await Raj, await CloudIdAsync(DemoWorld.AcmeData), await ProfileIdAsync(DemoWorld.OmarHandle), null);

        Assert.False(result.Succeeded);
        Assert.Contains("already has a pending invitation", result.Errors[0], StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(c => c.Invitations));
    }

    [Fact]
    public async Task An_expired_invitation_cannot_be_answered_and_makes_room_for_a_new_one()
    {
        var seeded = await OmarsSeededInvitationAsync();
        Db.Clock.Advance(TimeSpan.FromDays(29)); // seeded two days before "now": 31 days old

        var accept = await Invitations.AcceptAsync(await Omar, seeded);

        Assert.False(accept.Succeeded);
        Assert.Contains("expired", accept.Errors[0], StringComparison.Ordinal);
        Assert.Null(await MembershipAsync(DemoWorld.AcmeData, DemoWorld.OmarHandle));

        var again = await Invitations.InviteAsync(await Maria, await CloudIdAsync(DemoWorld.AcmeData), await ProfileIdAsync(DemoWorld.OmarHandle), null);
        Assert.True(again.Succeeded, string.Join(" ", again.Errors));
        Assert.Equal(1, await CountAsync(c => c.Invitations.Where(i => i.Status == InvitationStatus.Expired)));
    }

    [Fact]
    public async Task An_invitation_lives_exactly_thirty_days()
    {
        var result = await Invitations.InviteAsync(await Maria, await CloudIdAsync(DemoWorld.AcmeMobile), await ProfileIdAsync(DemoWorld.OmarHandle), null);
        Db.Clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromMinutes(1));

        Assert.True((await Invitations.AcceptAsync(await Omar, result.Value)).Succeeded);
    }

    [Fact]
    public async Task Existing_members_cannot_be_invited()
    {
        var result = await Invitations.InviteAsync(await Maria, await CloudIdAsync(DemoWorld.AcmeData), await ProfileIdAsync(DemoWorld.LeeHandle), null);
        var pending = await Invitations.InviteAsync(await Maria, await CloudIdAsync(DemoWorld.AcmeMobile), await ProfileIdAsync(DemoWorld.LeeHandle), null);

        Assert.Contains("already a member", result.Errors[0], StringComparison.Ordinal);
        Assert.Contains("already a member", pending.Errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nobody_outside_the_owning_organisation_can_invite()
    {
        var omarId = await ProfileIdAsync(DemoWorld.OmarHandle);
        var acmeMobile = await CloudIdAsync(DemoWorld.AcmeMobile);

        Assert.False((await Invitations.InviteAsync(await Hank, acmeMobile, omarId, null)).Succeeded);
        Assert.False((await Invitations.InviteAsync(await Carl, acmeMobile, omarId, null)).Succeeded);
        Assert.False((await Invitations.InviteAsync(await Fiona, acmeMobile, omarId, null)).Succeeded);
        Assert.Equal(1, await CountAsync(c => c.Invitations));
    }

    [Fact]
    public async Task Only_the_invitee_can_answer()
    {
        var seeded = await OmarsSeededInvitationAsync();

        var byLee = await Invitations.AcceptAsync(await Lee, seeded);
        var byMaria = await Invitations.DeclineAsync(await Maria, seeded);

        Assert.Equal("That invitation does not exist.", byLee.Errors[0]);
        Assert.Equal("That invitation does not exist.", byMaria.Errors[0]);
        Assert.Equal(1, await CountAsync(c => c.Invitations.Where(i => i.Status == InvitationStatus.Pending)));
    }

    [Fact]
    public async Task An_answered_invitation_cannot_be_answered_again()
    {
        var seeded = await OmarsSeededInvitationAsync();
        var omar = await Omar;
        Assert.True((await Invitations.DeclineAsync(omar, seeded)).Succeeded);

        var accept = await Invitations.AcceptAsync(omar, seeded);

        Assert.Contains("already been answered", accept.Errors[0], StringComparison.Ordinal);
        Assert.Null(await MembershipAsync(DemoWorld.AcmeData, DemoWorld.OmarHandle));
    }

    [Fact]
    public async Task Concurrent_double_accept_creates_one_membership()
    {
        var seeded = await OmarsSeededInvitationAsync();
        var omar = await Omar;

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Invitations.AcceptAsync(omar, seeded))));

        Assert.Single(results, r => r.Succeeded);
        var omarId = await ProfileIdAsync(DemoWorld.OmarHandle);
        Assert.Equal(1, await CountAsync(c => c.CloudMemberships.Where(m => m.ProfileId == omarId)));
    }

    [Fact]
    public async Task Over_long_note_is_refused_with_the_limit()
    {
        var result = await Invitations.InviteAsync(await Maria, await CloudIdAsync(DemoWorld.AcmeMobile), await ProfileIdAsync(DemoWorld.OmarHandle),
            new string('x', Invitation.NoteMaxLength + 1));

        Assert.Contains("at most 1,000 characters", result.Errors[0], StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(c => c.Invitations));
    }

    [Fact]
    public async Task Invitable_clouds_leave_out_memberships_and_pending_invitations()
    {
        var omar = await ProfileIdAsync(DemoWorld.OmarHandle);
        var actions = await Invitations.GetHiringActionsAsync(await Maria, omar);
        Assert.Equal([DemoWorld.AcmeMobile], actions.Clouds.Select(c => c.Name));
        Assert.True(actions.CanOffer);
        Assert.Null(actions.Notice);
        Assert.False((await Invitations.GetHiringActionsAsync(await Carl, omar)).IsVisible);
        Assert.False((await Invitations.GetHiringActionsAsync(await Lee, omar)).IsVisible);
    }
}
