using TalentCloud.Core.Memberships;
using TalentCloud.Core.Offers;
using TalentCloud.Core.Seeding;

namespace TalentCloud.Tests.Core.Joining;

public sealed class OfferServiceTests : JoiningWorld
{
    private async Task<(int Offer, int Agreement, int Check)> SeededOfferAsync()
    {
        var offer = await LeesOfferAsync();
        return (offer.Id, offer.Tasks.Single(t => t.Kind == OnboardingTaskKind.Agreement).Id, offer.Tasks.Single(t => t.Kind == OnboardingTaskKind.BackgroundCheck).Id);
    }

    [Fact]
    public async Task Lee_cannot_accept_before_the_tasks_are_done_and_is_told_exactly_why()
    {
        var (offer, _, _) = await SeededOfferAsync();

        var view = await Offers.GetAsync(await Lee, offer);
        var accept = await Offers.AcceptAsync(await Lee, offer);

        Assert.False(view!.CanAccept);
        Assert.Equal(2, view.Blockers.Count);
        Assert.Contains("accept the agreement", view.Blockers[0], StringComparison.Ordinal);
        Assert.Contains("your consent", view.Blockers[1], StringComparison.Ordinal);
        Assert.False(accept.Succeeded);
        Assert.Equal(view.Blockers, accept.Errors);
        Assert.Equal(0, await CountAsync(c => c.Contracts));
    }

    [Fact]
    public async Task The_whole_onboarding_places_lee_active_in_the_target_cloud_with_a_contract()
    {
        var (offer, agreement, check) = await SeededOfferAsync();
        var lee = await Lee;

        Assert.True((await Offers.CompleteTaskAsync(lee, agreement)).Succeeded);
        Assert.True((await Offers.GiveConsentAsync(lee, check)).Succeeded);
        var waiting = await Offers.GetAsync(lee, offer);
        Assert.Equal(TaskParty.Enterprise, waiting!.Tasks[1].WaitingFor);
        Assert.Contains("waiting for Globex to record", Assert.Single(waiting.Blockers), StringComparison.Ordinal);
        Assert.True((await Offers.RecordCheckResultAsync(await Hank, check, passed: true)).Succeeded);

        var accepted = await Offers.AcceptAsync(lee, offer);

        Assert.True(accepted.Succeeded, string.Join(" ", accepted.Errors));
        var membership = await MembershipAsync(DemoWorld.GlobexDesign, DemoWorld.LeeHandle);
        Assert.Equal(MembershipStatus.Active, membership!.Status);
        Assert.Equal(JoinMethod.Contract, membership.JoinedVia);
        var view = await Offers.GetAsync(lee, offer);
        Assert.Equal(OfferStatus.Accepted, view!.Status);
        Assert.Equal(accepted.Value, view.ContractId);
        Assert.Contains("Accepted by Lee Chen", view.Tasks[0].Status, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(c => c.Contracts.Where(x => x.OfferId == offer)));
    }

    [Fact]
    public async Task Acceptance_bypasses_criteria_and_activates_a_pending_membership()
    {
        var maria = await Maria;
        var leeId = await ProfileIdAsync(DemoWorld.LeeHandle);
        var cloud = await CloudIdAsync(DemoWorld.AcmeMobile); // lee is pending there in the demo world
        var created = await Offers.CreateAsync(maria, new OfferInput(cloud, leeId, "Mobile analytics", "", PayKind.FixedPrice, 5000, []));

        var accepted = await Offers.AcceptAsync(await Lee, created.Value);

        Assert.True(accepted.Succeeded);
        Assert.Equal(MembershipStatus.Active, (await MembershipAsync(DemoWorld.AcmeMobile, DemoWorld.LeeHandle))!.Status);
        Assert.Equal(1, await CountAsync(c => c.CloudMemberships.Where(m => m.ProfileId == leeId && m.CloudId == cloud)));
    }

    [Fact]
    public async Task A_failed_background_check_blocks_acceptance()
    {
        var (offer, agreement, check) = await SeededOfferAsync();
        var lee = await Lee;
        await Offers.CompleteTaskAsync(lee, agreement);
        await Offers.GiveConsentAsync(lee, check);
        await Offers.RecordCheckResultAsync(await Hank, check, passed: false);

        var accept = await Offers.AcceptAsync(lee, offer);

        Assert.Contains("failed", Assert.Single(accept.Errors), StringComparison.Ordinal);
        Assert.Null(await MembershipAsync(DemoWorld.GlobexDesign, DemoWorld.LeeHandle));
        Assert.True((await Offers.DeclineAsync(lee, offer)).Succeeded);
    }

    [Fact]
    public async Task Consent_lapses_after_seven_days_without_a_result_and_can_be_given_again()
    {
        var (offer, _, check) = await SeededOfferAsync();
        var lee = await Lee;
        await Offers.GiveConsentAsync(lee, check);
        Db.Clock.Advance(TimeSpan.FromDays(7));

        var record = await Offers.RecordCheckResultAsync(await Hank, check, passed: true);
        var view = await Offers.GetAsync(lee, offer);

        Assert.Contains("lapsed", record.Errors[0], StringComparison.Ordinal);
        Assert.True(view!.Tasks[1].CanConsent);
        Assert.Contains("consent lapsed", view.Blockers[1], StringComparison.Ordinal);
        Assert.True((await Offers.GiveConsentAsync(lee, check)).Succeeded);
        Assert.True((await Offers.RecordCheckResultAsync(await Hank, check, passed: true)).Succeeded);
    }

    [Fact]
    public async Task Each_side_does_only_its_own_moves()
    {
        var (offer, agreement, check) = await SeededOfferAsync();

        Assert.Contains("Only the freelancer", (await Offers.CompleteTaskAsync(await Hank, agreement)).Errors[0], StringComparison.Ordinal);
        Assert.Contains("Only the freelancer", (await Offers.GiveConsentAsync(await Hank, check)).Errors[0], StringComparison.Ordinal);
        await Offers.GiveConsentAsync(await Lee, check);
        Assert.Contains("Only the offering organisation", (await Offers.RecordCheckResultAsync(await Lee, check, true)).Errors[0], StringComparison.Ordinal);
        Assert.Equal(OfferService.NotFound, (await Offers.AcceptAsync(await Hank, offer)).Errors[0]);
        Assert.Contains("Only the offering organisation", (await Offers.WithdrawAsync(await Lee, offer)).Errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outsiders_see_nothing_of_an_offer_and_cannot_touch_it()
    {
        var (offer, agreement, check) = await SeededOfferAsync();

        foreach (var outsider in new[] { await Maria, await Omar, await Carl })
        {
            Assert.Null(await Offers.GetAsync(outsider, offer));
            Assert.Equal(OfferService.NotFound, (await Offers.AcceptAsync(outsider, offer)).Errors[0]);
            Assert.Equal("That task does not exist.", (await Offers.CompleteTaskAsync(outsider, agreement)).Errors[0]);
            Assert.Equal("That task does not exist.", (await Offers.RecordCheckResultAsync(outsider, check, false)).Errors[0]);
        }

        Assert.Equal(0, await CountAsync(c => c.AuditEntries.Where(e => e.Action.StartsWith("offer."))));
    }

    [Fact]
    public async Task A_withdrawn_offer_can_no_longer_be_worked_on_or_accepted()
    {
        var (offer, agreement, _) = await SeededOfferAsync();
        Assert.True((await Offers.WithdrawAsync(await Hank, offer)).Succeeded);

        Assert.Contains("withdrawn", (await Offers.CompleteTaskAsync(await Lee, agreement)).Errors[0], StringComparison.Ordinal);
        Assert.Contains("withdrawn", (await Offers.AcceptAsync(await Lee, offer)).Errors[0], StringComparison.Ordinal);
        Assert.Contains("withdrawn", (await Offers.DeclineAsync(await Lee, offer)).Errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_accepted_offer_cannot_be_withdrawn()
    {
        var created = await Offers.CreateAsync(await Hank,
            new OfferInput(await CloudIdAsync(DemoWorld.GlobexDesign), await ProfileIdAsync(DemoWorld.OmarHandle), "API work", "", PayKind.Hourly, 60, []));
        Assert.True((await Offers.AcceptAsync(await Omar, created.Value)).Succeeded);

        Assert.Contains("already accepted", (await Offers.WithdrawAsync(await Hank, created.Value)).Errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_double_accept_creates_one_contract_and_one_membership()
    {
        var omarId = await ProfileIdAsync(DemoWorld.OmarHandle);
        var created = await Offers.CreateAsync(await Hank,
            new OfferInput(await CloudIdAsync(DemoWorld.GlobexDesign), omarId, "API work", "", PayKind.Hourly, 60, []));
        var omar = await Omar;

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => Offers.AcceptAsync(omar, created.Value))));

        Assert.Single(results, r => r.Succeeded);
        Assert.Equal(1, await CountAsync(c => c.Contracts.Where(x => x.ProfileId == omarId)));
        Assert.Equal(1, await CountAsync(c => c.CloudMemberships.Where(m => m.ProfileId == omarId)));
    }

    [Fact]
    public async Task Concurrent_accepts_by_a_pending_member_create_one_contract_and_activate_once()
    {
        // Lee is pending in Acme Pro Mobile Developers: no new membership row can stop a second accept here.
        var leeId = await ProfileIdAsync(DemoWorld.LeeHandle);
        var created = await Offers.CreateAsync(await Maria,
            new OfferInput(await CloudIdAsync(DemoWorld.AcmeMobile), leeId, "Android release", "", PayKind.FixedPrice, 4000, []));
        var lee = await Lee;

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => Offers.AcceptAsync(lee, created.Value))));

        Assert.Single(results, r => r.Succeeded);
        Assert.Equal(1, await CountAsync(c => c.Contracts.Where(x => x.OfferId == created.Value)));
        Assert.Equal(MembershipStatus.Active, (await MembershipAsync(DemoWorld.AcmeMobile, DemoWorld.LeeHandle))!.Status);
        Assert.Equal(1, await CountAsync(c => c.AuditEntries.Where(e => e.Action == "offer.accepted")));
    }

    [Fact]
    public async Task An_offer_accept_racing_an_invitation_accept_to_the_same_cloud_leaves_one_active_membership()
    {
        // Omar holds Acme's invitation to Acme Data Guild (whose criteria he misses); Acme also offers him work there.
        var omarId = await ProfileIdAsync(DemoWorld.OmarHandle);
        var dataGuild = await CloudIdAsync(DemoWorld.AcmeData);
        var invitation = await OmarsSeededInvitationAsync();
        var offer = await Offers.CreateAsync(await Maria, new OfferInput(dataGuild, omarId, "Warehouse migration", "", PayKind.Hourly, 70, []));
        var omar = await Omar;

        var accepts = await Task.WhenAll(
            Task.Run(async () => (await Invitations.AcceptAsync(omar, invitation)).Succeeded),
            Task.Run(async () => (await Offers.AcceptAsync(omar, offer.Value)).Succeeded));

        // Whichever ran first, the offer places him: one membership, Active, by contract.
        Assert.True(accepts[1]);
        Assert.Equal(1, await CountAsync(c => c.CloudMemberships.Where(m => m.ProfileId == omarId && m.CloudId == dataGuild)));
        var membership = await MembershipAsync(DemoWorld.AcmeData, DemoWorld.OmarHandle);
        Assert.Equal(MembershipStatus.Active, membership!.Status);
        Assert.Equal(JoinMethod.Contract, membership.JoinedVia);
    }

    [Fact]
    public async Task Offers_are_validated_and_only_sent_into_own_clouds()
    {
        var omarId = await ProfileIdAsync(DemoWorld.OmarHandle);
        var globex = await CloudIdAsync(DemoWorld.GlobexDesign);
        var before = await CountAsync(c => c.Offers);

        var bad = await Offers.CreateAsync(await Hank, new OfferInput(globex, omarId, new string('t', 201), "", PayKind.Hourly, 0,
            [new OnboardingTaskInput(OnboardingTaskKind.Agreement, "Agreement", "")]));
        var foreign = await Offers.CreateAsync(await Maria, new OfferInput(globex, omarId, "Work", "", PayKind.Hourly, 50, []));

        Assert.Contains(bad.Errors, e => e.Contains("at most 200 characters", StringComparison.Ordinal));
        Assert.Contains(bad.Errors, e => e.Contains("between $1", StringComparison.Ordinal));
        Assert.Contains(bad.Errors, e => e.Contains("text to accept", StringComparison.Ordinal));
        Assert.False(foreign.Succeeded);
        Assert.Equal(before, await CountAsync(c => c.Offers));
    }

    [Fact]
    public async Task Sending_an_offer_notifies_the_freelancer()
    {
        var omar = await Omar;
        await Offers.CreateAsync(await Hank, new OfferInput(await CloudIdAsync(DemoWorld.GlobexDesign), await ProfileIdAsync(DemoWorld.OmarHandle),
            "API work", "", PayKind.Hourly, 60, []));

        Assert.Equal(1, await CountAsync(c => c.Notifications.Where(n => n.UserId == omar.UserId && n.Kind == TalentCloud.Core.Notifications.NotificationKind.OfferReceived)));
    }

    [Fact]
    public async Task A_check_result_is_kept_on_the_offer_and_never_written_to_the_audit_log()
    {
        var (offer, _, check) = await SeededOfferAsync();
        await Offers.GiveConsentAsync(await Lee, check);
        await Offers.RecordCheckResultAsync(await Hank, check, passed: false);

        Assert.Contains("Failed", (await Offers.GetAsync(await Lee, offer))!.Tasks[1].Status, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(c => c.AuditEntries.Where(e => e.Action.Contains("fail") || e.Outcome.Contains("Fail") || e.Outcome.Contains("Pass"))));
        Assert.Equal(1, await CountAsync(c => c.AuditEntries.Where(e => e.Action == "offer.check-result-recorded")));
    }
}
