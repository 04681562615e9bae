using TalentCloud.Core.Audit;
using TalentCloud.Core.DataExport;
using TalentCloud.Core.Offers;
using TalentCloud.Core.Organizations;
using TalentCloud.Core.Seeding;

namespace TalentCloud.Tests.Core.Teams;

/// <summary>Offer approvals: recruiters' offers and offers above a threshold wait for an owner or hiring manager who is not the author.</summary>
public sealed class OfferApprovalTests : TeamWorld
{
    [Fact]
    public async Task A_recruiters_offer_is_invisible_to_the_freelancer_until_it_is_approved()
    {
        var omar = await Omar;
        var id = await DraftOfferAsync(await Rita, "Payments screens");

        Assert.Null(await Offers.GetAsync(omar, id));
        Assert.DoesNotContain((await MyClouds.GetAsync(omar))!.Offers, o => o.Id == id);
        Assert.True((await Offers.AcceptAsync(omar, id)).IsNotFound);
        Assert.True((await Offers.DeclineAsync(omar, id)).IsNotFound);
        Assert.DoesNotContain("Payments screens", await ExportAsync(DemoWorld.OmarEmail), StringComparison.Ordinal);
        Assert.Equal(0, await NotificationCountAsync(DemoWorld.OmarEmail, "Offer from Acme Corp"));
        // The approvers hear that a draft waits; the author does not notify herself.
        Assert.Equal(1, await NotificationCountAsync(DemoWorld.MariaEmail, "Offer waiting for approval: Payments screens"));
        Assert.Equal(1, await NotificationCountAsync(DemoWorld.RajEmail, "Offer waiting for approval: Payments screens"));
        Assert.Equal(0, await NotificationCountAsync(DemoWorld.RitaEmail, "Offer waiting for approval"));

        Assert.True((await Approvals.ApproveAsync(await Raj, id)).Succeeded);

        var view = await Offers.GetAsync(omar, id);
        Assert.NotNull(view);
        Assert.Equal((OfferStatus.Open, "Rita Gomez"), (view.Status, view.SentBy));
        Assert.Null(view.ApprovalReason); // the organisation's internals are not the freelancer's business
        Assert.Contains((await MyClouds.GetAsync(omar))!.Offers, o => o.Id == id);
        Assert.Equal(1, await NotificationCountAsync(DemoWorld.OmarEmail, "Offer from Acme Corp: Payments screens"));
        Assert.Equal(1, await NotificationCountAsync(DemoWorld.RitaEmail, "Your offer was approved: Payments screens"));
        Assert.Equal(1, await AuditCountAsync(AuditActions.OfferSubmittedForApproval));
        Assert.Equal(1, await AuditCountAsync(AuditActions.OfferApproved));
    }

    [Fact]
    public async Task The_organisation_side_sees_why_a_draft_waits_and_who_may_decide()
    {
        var offer = await RitasOfferAsync();

        var asRita = await Offers.GetAsync(await Rita, offer.Id);
        var asRaj = await Offers.GetAsync(await Raj, offer.Id);

        Assert.Equal("drafted by a recruiter", asRaj!.ApprovalReason);
        Assert.Equal((true, true, null), (asRaj.CanApprove, asRaj.CanReject, asRaj.ApprovalNotice));
        Assert.Equal((false, false), (asRita!.CanApprove, asRita.CanReject));
        Assert.Equal("Waiting for approval by owners and hiring managers.", asRita.ApprovalNotice);
        Assert.True(asRita.CanWithdraw); // her own draft
        Assert.False(asRita.CanAccept);
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_which_the_author_is_told_and_the_freelancer_never_sees_the_offer()
    {
        var offer = await RitasOfferAsync();
        var maria = await Maria;

        Assert.Equal(["Give a reason for the rejection; the author is told it."], (await Approvals.RejectAsync(maria, offer.Id, "  ")).Errors);
        Assert.Contains("at most 1,000 characters", Assert.Single((await Approvals.RejectAsync(maria, offer.Id, new string('r', 1001))).Errors),
            StringComparison.Ordinal);
        Assert.True((await Approvals.RejectAsync(maria, offer.Id, "Rate is above this quarter's budget.")).Succeeded);

        var rejected = await Offers.GetAsync(await Rita, offer.Id);
        Assert.Equal((OfferStatus.Rejected, "Maria Lopez", "Rate is above this quarter's budget."),
            (rejected!.Status, rejected.DecidedBy, rejected.RejectionReason));
        Assert.Null(await Offers.GetAsync(await Lee, offer.Id));
        Assert.Equal(1, await NotificationCountAsync(DemoWorld.RitaEmail, "Your offer was not approved"));
        Assert.Equal(0, await NotificationCountAsync(DemoWorld.LeeEmail, $"Offer from Acme Corp: {DemoWorldSeeder.RitaOfferTitle}"));
        Assert.Equal(1, await AuditCountAsync(AuditActions.OfferRejected));
        Assert.Contains("already rejected by Maria Lopez", Assert.Single((await Approvals.ApproveAsync(await Raj, offer.Id)).Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_author_never_approves_their_own_offer()
    {
        var maria = await Maria;
        Assert.True((await Team.SetOfferApprovalRulesAsync(maria, 100, null)).Succeeded);
        var id = await DraftOfferAsync(maria, "Senior architect", PayKind.Hourly, 150);

        var own = await Approvals.ApproveAsync(maria, id);

        Assert.Equal([OfferApprovals.OwnDraft], own.Errors);
        Assert.Equal(OfferStatus.AwaitingApproval, (await OfferAsync("Senior architect")).Status);
        Assert.True((await Approvals.ApproveAsync(await Raj, id)).Succeeded);
    }

    [Theory]
    [InlineData(PayKind.Hourly, 100, OfferStatus.Open)]
    [InlineData(PayKind.Hourly, 101, OfferStatus.AwaitingApproval)]
    [InlineData(PayKind.FixedPrice, 10_000, OfferStatus.Open)]
    [InlineData(PayKind.FixedPrice, 10_001, OfferStatus.AwaitingApproval)]
    public async Task Offers_above_a_threshold_need_approval_whoever_sends_them(PayKind kind, int amount, OfferStatus expected)
    {
        Assert.True((await Team.SetOfferApprovalRulesAsync(await Maria, 100, 10_000)).Succeeded);

        await DraftOfferAsync(await Raj, "Threshold check", kind, amount);

        var offer = await OfferAsync("Threshold check");
        Assert.Equal(expected, offer.Status);
        Assert.Equal(expected == OfferStatus.Open ? null : kind == PayKind.Hourly ? "above the $100/hr approval threshold" : "above the $10,000 approval threshold",
            offer.ApprovalReason);
    }

    [Fact]
    public async Task Without_thresholds_owners_and_hiring_managers_send_any_amount_at_once()
    {
        await DraftOfferAsync(await Raj, "Big fixed job", PayKind.FixedPrice, Offer.MaxAmount);

        Assert.Equal(OfferStatus.Open, (await OfferAsync("Big fixed job")).Status);
    }

    [Fact]
    public async Task A_double_click_approves_once()
    {
        var offer = await RitasOfferAsync();
        var raj = await Raj;

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Approvals.ApproveAsync(raj, offer.Id))));

        Assert.Equal(1, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(["This offer was already approved by Raj Patel."], r.Errors));
        Assert.Equal(1, await AuditCountAsync(AuditActions.OfferApproved));
        Assert.Equal(1, await NotificationCountAsync(DemoWorld.LeeEmail, $"Offer from Acme Corp: {DemoWorldSeeder.RitaOfferTitle}"));
    }

    [Fact]
    public async Task Recruiters_withdraw_their_own_drafts_only_and_a_withdrawn_draft_never_reaches_the_freelancer()
    {
        var ritaDraft = await RitasOfferAsync();
        var rajOffer = await DraftOfferAsync(await Raj, "Raj's offer");

        var foreign = await Offers.WithdrawAsync(await Rita, rajOffer);
        var own = await Offers.WithdrawAsync(await Rita, ritaDraft.Id);

        Assert.Equal(["Recruiters can withdraw only the offers they drafted."], foreign.Errors);
        Assert.True(own.Succeeded);
        Assert.Equal(OfferStatus.Withdrawn, (await RitasOfferAsync()).Status);
        Assert.Null(await Offers.GetAsync(await Lee, ritaDraft.Id));
        Assert.Equal(0, await NotificationCountAsync(DemoWorld.LeeEmail, "An offer was withdrawn"));
        Assert.Contains("already withdrawn", Assert.Single((await Approvals.ApproveAsync(await Maria, ritaDraft.Id)).Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_queue_shows_approvers_every_draft_and_recruiters_their_own()
    {
        var dana = await JoinAcmeAsync("dana@acme.test", "Dana Reed", OrganizationRole.Recruiter);
        var danaDraft = await DraftOfferAsync(dana, "Dana's draft");
        var ritaDraft = (await RitasOfferAsync()).Id;

        var asRaj = await Approvals.ListAsync(await Raj);
        var asRita = await Approvals.ListAsync(await Rita);
        var asHank = await Approvals.ListAsync(await Hank);

        Assert.Equal([ritaDraft, danaDraft], asRaj!.Items.Select(i => i.Id)); // oldest first
        Assert.All(asRaj.Items, i => Assert.True(i.CanApprove && i.CanReject && i.CanWithdraw));
        var ritas = Assert.Single(asRita!.Items);
        Assert.Equal((ritaDraft, false, false, true), (ritas.Id, ritas.CanApprove, ritas.CanReject, ritas.CanWithdraw));
        Assert.Equal(("Rita Gomez", "drafted by a recruiter", "$70/hr", "Lee Chen", DemoWorld.AcmeData),
            (ritas.Author, ritas.Reason, ritas.PayText, ritas.ProfileName, ritas.CloudName));
        Assert.Empty(asHank!.Items);
        Assert.Null(await Approvals.ListAsync(await Omar));
        Assert.True((await Approvals.ApproveAsync(await Hank, ritaDraft)).IsNotFound);
    }

    [Fact]
    public async Task A_lapsed_subscription_stops_approvals_with_the_reason()
    {
        var offer = await RitasOfferAsync();
        Assert.True((await Subscriptions.EndAsync(await Admin, await OrganizationIdAsync(DemoWorld.Acme))).Succeeded);

        var approve = await Approvals.ApproveAsync(await Raj, offer.Id);
        var queued = Assert.Single((await Approvals.ListAsync(await Raj))!.Items);

        Assert.StartsWith("Acme Corp's Enterprise subscription is not active", Assert.Single(approve.Errors), StringComparison.Ordinal);
        Assert.Equal((false, true), (queued.CanApprove, queued.CanReject));
        Assert.Equal(approve.Errors[0], queued.Notice);
        Assert.Equal(OfferStatus.AwaitingApproval, (await RitasOfferAsync()).Status);
    }

    private async Task<string> ExportAsync(string email)
    {
        var export = new DataExportService(Db, Db.Clock);
        var data = await export.ExportAsync(await ActorAsync(email));
        return System.Text.Encoding.UTF8.GetString(DataExportService.ToJson(data!));
    }
}
