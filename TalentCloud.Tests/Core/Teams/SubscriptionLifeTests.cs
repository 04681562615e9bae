using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Audit;
using TalentCloud.Core.Jobs;
using TalentCloud.Core.Memberships;
using TalentCloud.Core.Offers;
using TalentCloud.Core.Organizations;
using TalentCloud.Core.Profiles;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Core.Messaging;

namespace TalentCloud.Tests.Core.Teams;

/// <summary>
/// The Enterprise subscription's life: an admin starts it with an end date, extends or ends it; a background step ends it when
/// the date passes. While it is not active nothing new starts (each refusal says why), open invitations and offers are paused,
/// members stay, the badge and the contact-details exception stop at once; a renewal brings everything back.
/// </summary>
public sealed class SubscriptionLifeTests : TeamWorld
{
    private static readonly DateOnly NextYear = new(2027, 6, 30);

    [Fact]
    public async Task An_admin_starts_extends_and_ends_a_subscription_and_each_step_is_audited()
    {
        var admin = await Admin;
        var initech = await OrganizationIdAsync(DemoWorld.Initech);

        Assert.True((await Subscriptions.StartAsync(admin, initech, NextYear)).Succeeded);
        Assert.Equal((SubscriptionStatus.Active, SubscriptionService.ToInstant(NextYear)),
            ((await OrganizationAsync(DemoWorld.Initech)).SubscriptionStatus, (await OrganizationAsync(DemoWorld.Initech)).EnterpriseEndsAt));
        Assert.True((await Subscriptions.ExtendAsync(admin, initech, NextYear.AddMonths(6))).Succeeded);
        Assert.Equal(SubscriptionService.ToInstant(NextYear.AddMonths(6)), (await OrganizationAsync(DemoWorld.Initech)).EnterpriseEndsAt);
        Assert.True((await Subscriptions.EndAsync(admin, initech)).Succeeded);

        var ended = await OrganizationAsync(DemoWorld.Initech);
        Assert.Equal((SubscriptionStatus.Ended, Db.Clock.GetUtcNow()), (ended.SubscriptionStatus, ended.EnterpriseEndsAt));
        Assert.Equal("Ended on 23 Nov 2026", SubscriptionView.Of(ended).Text);
        Assert.Equal(1, await AuditCountAsync(AuditActions.SubscriptionStarted));
        Assert.Equal(1, await AuditCountAsync(AuditActions.SubscriptionExtended));
        Assert.Equal(1, await AuditCountAsync(AuditActions.SubscriptionEnded));
        Assert.Equal(1, await NotificationCountAsync(DemoWorld.CarlEmail, "Initech's Enterprise subscription has ended"));
    }

    [Fact]
    public async Task Bad_dates_and_wrong_steps_are_refused_and_change_nothing()
    {
        var admin = await Admin;
        var acme = await OrganizationIdAsync(DemoWorld.Acme);
        var initech = await OrganizationIdAsync(DemoWorld.Initech);
        var acmeEnd = (await OrganizationAsync(DemoWorld.Acme)).EnterpriseEndsAt!.Value;
        var today = DateOnly.FromDateTime(Db.Clock.GetUtcNow().UtcDateTime);

        Assert.Equal(["Choose an end date after today."], (await Subscriptions.StartAsync(admin, initech, today)).Errors);
        Assert.Equal(["Choose an end date at most 5 years ahead."], (await Subscriptions.StartAsync(admin, initech, today.AddYears(5).AddDays(1))).Errors);
        Assert.Contains("already has an active Enterprise subscription", Assert.Single((await Subscriptions.StartAsync(admin, acme, NextYear)).Errors),
            StringComparison.Ordinal);
        Assert.Contains("Choose an end date after the current one",
            Assert.Single((await Subscriptions.ExtendAsync(admin, acme, DateOnly.FromDateTime(acmeEnd.UtcDateTime))).Errors), StringComparison.Ordinal);
        Assert.Contains("no active Enterprise subscription to extend", Assert.Single((await Subscriptions.ExtendAsync(admin, initech, NextYear)).Errors),
            StringComparison.Ordinal);
        Assert.Contains("no active Enterprise subscription to end", Assert.Single((await Subscriptions.EndAsync(admin, initech)).Errors),
            StringComparison.Ordinal);
        Assert.True((await Subscriptions.EndAsync(admin, 9999)).IsNotFound);

        Assert.Equal(SubscriptionStatus.None, (await OrganizationAsync(DemoWorld.Initech)).SubscriptionStatus);
        Assert.Equal(acmeEnd, (await OrganizationAsync(DemoWorld.Acme)).EnterpriseEndsAt);
        Assert.Equal(0, await CountAsync(c => c.AuditEntries.Where(e => e.Action.StartsWith("organization.subscription"))));
    }

    [Theory]
    [InlineData(DemoWorld.MariaEmail)]
    [InlineData(DemoWorld.HankEmail)]
    [InlineData(DemoWorld.FionaEmail)]
    public async Task Only_admins_change_subscriptions(string email)
    {
        var actor = await ActorAsync(email);
        var acme = await OrganizationIdAsync(DemoWorld.Acme);
        var initech = await OrganizationIdAsync(DemoWorld.Initech);

        Assert.True((await Subscriptions.StartAsync(actor, initech, NextYear)).IsNotFound);
        Assert.True((await Subscriptions.ExtendAsync(actor, acme, NextYear.AddYears(1))).IsNotFound);
        Assert.True((await Subscriptions.EndAsync(actor, acme)).IsNotFound);
        Assert.Equal(SubscriptionStatus.Active, (await OrganizationAsync(DemoWorld.Acme)).SubscriptionStatus);
        Assert.Equal(SubscriptionStatus.None, (await OrganizationAsync(DemoWorld.Initech)).SubscriptionStatus);
    }

    [Fact]
    public async Task While_ended_nothing_new_starts_and_each_refusal_says_why()
    {
        var hank = await Hank;
        var globex = await OrganizationIdAsync(DemoWorld.Globex);
        var design = await CloudIdAsync(DemoWorld.GlobexDesign);
        var omar = await ProfileIdAsync(DemoWorld.OmarHandle);
        await EndGlobexAsync();

        var invite = await Invitations.InviteAsync(hank, design, omar, null);
        var offer = await Offers.CreateAsync(hank, new OfferInput(design, omar, "Icons", "", PayKind.FixedPrice, 500, []));
        var cloudJob = await Jobs.PostAsync(hank, new JobDraft(globex, design, "Icon set", "Twenty icons.", [], BudgetType.Fixed, 500, ExperienceLevel.Entry));
        var publicJob = await Jobs.PostAsync(hank, new JobDraft(globex, null, "Icon set", "Twenty icons.", [], BudgetType.Fixed, 500, ExperienceLevel.Entry));
        var actions = await Invitations.GetHiringActionsAsync(hank, omar);
        var posting = await Jobs.GetPostingOptionsAsync(hank);

        foreach (var (result, what) in new[] { (invite.Errors, SubscriptionErrors.NoNewInvitations), (offer.Errors, SubscriptionErrors.NoNewOffers),
            (cloudJob.Errors, SubscriptionErrors.NoCloudJobs) })
        {
            var message = Assert.Single(result);
            Assert.StartsWith("Globex's Enterprise subscription is not active (it ended on 23 Nov 2026)", message, StringComparison.Ordinal);
            Assert.Contains(what, message, StringComparison.Ordinal);
        }

        Assert.True(publicJob.Succeeded); // an ordinary client's rights stay
        Assert.Equal((false, false), (actions.CanInvite, actions.CanOffer));
        Assert.Contains("is not active", actions.Notice, StringComparison.Ordinal);
        Assert.Empty(posting!.Clouds);
        Assert.Contains(SubscriptionErrors.NoCloudJobs, posting.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task While_ended_member_approvals_are_refused_but_members_stay_and_the_own_people_still_see_their_clouds()
    {
        var admin = await Admin;
        Assert.True((await Subscriptions.EndAsync(admin, await OrganizationIdAsync(DemoWorld.Acme))).Succeeded);
        var raj = await Raj;
        var pending = (await MembershipAsync(DemoWorld.AcmeMobile, DemoWorld.LeeHandle))!.Id;

        var approve = await Clouds.ApproveAsync(raj, pending);
        var detail = await Clouds.GetAsync(raj, await CloudIdAsync(DemoWorld.AcmeMobile));
        var list = await Clouds.ListAsync(raj);

        Assert.Contains(SubscriptionErrors.NoMemberApprovals, Assert.Single(approve.Errors), StringComparison.Ordinal);
        Assert.Equal((false, true), (detail!.CanApproveMembers, detail.CanRejectMembers));
        Assert.Equal(approve.Errors[0], detail.MembersNotice);
        Assert.False(list!.CanCreate);
        Assert.Equal(SubscriptionStatus.Ended, list.Subscription.Status);
        Assert.Equal(MembershipStatus.Active, (await MembershipAsync(DemoWorld.AcmeMobile, DemoWorld.FionaHandle))!.Status);
        var fionaAsMaria = await Profiles.GetPublicProfileAsync(await Maria, ProfileKind.Freelancer, DemoWorld.FionaHandle);
        Assert.Equal([DemoWorld.AcmeMobile], fionaAsMaria!.Memberships.CloudNames);
        var fionaAsLee = await Profiles.GetPublicProfileAsync(await Lee, ProfileKind.Freelancer, DemoWorld.FionaHandle);
        Assert.True(fionaAsLee!.Memberships.ShowsMaskedLabel);
    }

    [Fact]
    public async Task Open_invitations_and_offers_are_paused_for_the_freelancer_and_resume_on_renewal()
    {
        var lee = await Lee;
        var omar = await Omar;
        var leesOffer = await OfferAsync(DemoWorldSeeder.LeeOfferTitle);
        var agreement = leesOffer.Tasks.Single(t => t.Kind == OnboardingTaskKind.Agreement).Id;
        var invitation = await OmarsSeededInvitationAsync();
        await EndGlobexAsync();
        Assert.True((await Subscriptions.EndAsync(await Admin, await OrganizationIdAsync(DemoWorld.Acme))).Succeeded);

        var paused = await Offers.GetAsync(lee, leesOffer.Id);
        var task = await Offers.CompleteTaskAsync(lee, agreement);
        var accept = await Offers.AcceptAsync(lee, leesOffer.Id);
        var myOffer = Assert.Single((await MyClouds.GetAsync(lee))!.Offers, o => o.Id == leesOffer.Id);
        var myInvitation = Assert.Single((await MyClouds.GetAsync(omar))!.Invitations);
        var acceptInvitation = await Invitations.AcceptAsync(omar, invitation);

        Assert.True(paused!.IsPaused);
        Assert.Equal(OfferStatus.Open, paused.Status);
        Assert.False(paused.CanAccept);
        Assert.All(paused.Tasks, t => Assert.False(t.CanComplete || t.CanConsent || t.CanRecordResult));
        Assert.Equal([SubscriptionErrors.OfferPaused(DemoWorld.Globex)], paused.Blockers);
        Assert.Equal([SubscriptionErrors.OfferPaused(DemoWorld.Globex)], task.Errors);
        Assert.Equal([SubscriptionErrors.OfferPaused(DemoWorld.Globex)], accept.Errors);
        Assert.Equal((true, "Paused"), (myOffer.IsPaused, myOffer.StatusText));
        Assert.Equal((true, false), (myInvitation.IsPaused, myInvitation.CanAccept));
        Assert.Equal([SubscriptionErrors.InvitationPaused(DemoWorld.Acme)], acceptInvitation.Errors);
        Assert.Equal(0, await CountAsync(c => c.Contracts));

        Db.Clock.Advance(TimeSpan.FromDays(10));
        Assert.True((await Subscriptions.StartAsync(await Admin, await OrganizationIdAsync(DemoWorld.Globex), NextYear)).Succeeded);
        Assert.True((await Subscriptions.StartAsync(await Admin, await OrganizationIdAsync(DemoWorld.Acme), NextYear)).Succeeded);

        var resumed = await Offers.GetAsync(lee, leesOffer.Id);
        Assert.False(resumed!.IsPaused);
        Assert.True((await Offers.CompleteTaskAsync(lee, agreement)).Succeeded);
        Assert.False((await MyClouds.GetAsync(omar))!.Invitations.Single().IsPaused);
        Assert.True((await Invitations.AcceptAsync(omar, invitation)).Succeeded);
    }

    [Fact]
    public async Task A_renewal_gives_a_paused_invitation_back_the_days_it_spent_paused()
    {
        var invitation = await OmarsSeededInvitationAsync();
        DateTimeOffset ExpiresAt(TalentCloud.Core.Data.AppDbContext c) => c.Invitations.Single(i => i.Id == invitation).ExpiresAt;
        DateTimeOffset before;
        await using (var context = Db.CreateDbContext())
        {
            before = ExpiresAt(context);
        }

        Assert.True((await Subscriptions.EndAsync(await Admin, await OrganizationIdAsync(DemoWorld.Acme))).Succeeded);
        Db.Clock.Advance(TimeSpan.FromDays(40)); // the 30-day invitation would have run out while paused
        Assert.True((await Subscriptions.StartAsync(await Admin, await OrganizationIdAsync(DemoWorld.Acme), NextYear)).Succeeded);

        await using var after = Db.CreateDbContext();
        Assert.Equal(before + TimeSpan.FromDays(40), ExpiresAt(after));
        Assert.Single((await MyClouds.GetAsync(await Omar))!.Invitations);
    }

    [Fact]
    public async Task The_enterprise_badge_disappears_at_once_and_comes_back_on_renewal()
    {
        var omar = await Omar;
        var job = await JobIdAsync(DemoWorld.GlobexUxJob);
        var conversation = (await Conversations.StartAsync(await Hank, await ProfileIdAsync(DemoWorld.OmarHandle))).Value;
        Assert.True((await Jobs.GetAsync(omar, job))!.ShowsEnterpriseBadge);

        await EndGlobexAsync();

        Assert.False((await Jobs.GetAsync(omar, job))!.ShowsEnterpriseBadge);
        Assert.DoesNotContain((await Jobs.SearchPublicAsync(omar, new JobQuery(Page: 1))).Items, j => j.OrganizationName == DemoWorld.Globex && j.ShowsEnterpriseBadge);
        Assert.False(Assert.Single((await Conversations.GetInboxAsync(omar)).Items, i => i.ConversationId == conversation).OtherSideIsEnterprise);

        Assert.True((await Subscriptions.StartAsync(await Admin, await OrganizationIdAsync(DemoWorld.Globex), NextYear)).Succeeded);
        Assert.True((await Jobs.GetAsync(omar, job))!.ShowsEnterpriseBadge);
    }

    [Fact]
    public async Task The_contact_details_exception_is_checked_when_a_message_is_sent()
    {
        var hank = await Hank;
        var conversation = (await Conversations.StartAsync(hank, await ProfileIdAsync(DemoWorld.OmarHandle))).Value;
        Assert.True((await Messages.SendAsync(hank, conversation, "Call me on +1 415 555 0100 to talk.")).Succeeded);

        await EndGlobexAsync();
        var refused = await Messages.SendAsync(hank, conversation, "Or on +1 415 555 0199 in the evening.");

        Assert.Contains("phone number", Assert.Single(refused.Errors), StringComparison.Ordinal);
        Assert.Equal(1, await MessagingTestWorld.MessageCountAsync(Db, conversation));
        Assert.True((await Subscriptions.StartAsync(await Admin, await OrganizationIdAsync(DemoWorld.Globex), NextYear)).Succeeded);
        Assert.True((await Messages.SendAsync(hank, conversation, "Or on +1 415 555 0199 in the evening.")).Succeeded);
    }

    [Fact]
    public async Task The_background_step_ends_subscriptions_when_their_date_passes_once()
    {
        var admin = await Admin;
        var initech = await OrganizationIdAsync(DemoWorld.Initech);
        Assert.True((await Subscriptions.StartAsync(admin, initech, new DateOnly(2026, 12, 1))).Succeeded);

        Db.Clock.Set(new DateTimeOffset(2026, 11, 30, 23, 59, 0, TimeSpan.Zero));
        Assert.Equal(0, await Subscriptions.EndExpiredAsync());
        Assert.Equal(SubscriptionStatus.Active, (await OrganizationAsync(DemoWorld.Initech)).SubscriptionStatus);

        Db.Clock.Set(new DateTimeOffset(2026, 12, 1, 0, 0, 30, TimeSpan.Zero));
        var ended = await Subscriptions.EndExpiredAsync();
        var again = await Subscriptions.EndExpiredAsync();

        Assert.Equal((1, 0), (ended, again)); // Acme's and Globex's run for a year
        var org = await OrganizationAsync(DemoWorld.Initech);
        Assert.Equal((SubscriptionStatus.Ended, new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)), (org.SubscriptionStatus, org.EnterpriseEndsAt));
        Assert.Equal(1, await AuditCountAsync(AuditActions.SubscriptionExpired));
        Assert.Equal(1, await NotificationCountAsync(DemoWorld.CarlEmail, "Initech's Enterprise subscription has ended"));
    }

    [Fact]
    public async Task The_dashboard_shows_the_status_and_end_date()
    {
        var active = await Dashboards.GetAsync(await Hank);
        Assert.Equal("Active until 23 Nov 2027", active!.Subscription.Text);
        Assert.True(active.Actions.CanInvite);
        Assert.Null(active.Actions.Notice);

        await EndGlobexAsync();
        var ended = await Dashboards.GetAsync(await Hank);

        Assert.Equal("Ended on 23 Nov 2026", ended!.Subscription.Text);
        Assert.True(ended.ShowsClouds);
        Assert.False(ended.IsEnterprise);
        Assert.Equal([DemoWorld.GlobexDesign], ended.Clouds.Select(c => c.Name));
        Assert.True(Assert.Single(ended.Offers).IsPaused);
        Assert.Equal((false, false), (ended.Actions.CanInvite, ended.Actions.CanOffer));
        Assert.Contains("is not active", ended.Actions.Notice, StringComparison.Ordinal);
        Assert.False((await Dashboards.GetAsync(await Carl))!.ShowsClouds);
    }

    private async Task EndGlobexAsync() =>
        Assert.True((await Subscriptions.EndAsync(await Admin, await OrganizationIdAsync(DemoWorld.Globex))).Succeeded);

    private async Task<int> JobIdAsync(string title)
    {
        await using var context = Db.CreateDbContext();
        return await context.Jobs.Where(j => j.Title == title).Select(j => j.Id).SingleAsync();
    }
}
