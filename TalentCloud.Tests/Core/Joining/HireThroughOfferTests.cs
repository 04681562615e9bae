using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Common;
using TalentCloud.Core.Jobs;
using TalentCloud.Core.Memberships;
using TalentCloud.Core.Offers;
using TalentCloud.Core.Organizations;
using TalentCloud.Core.Profiles;
using TalentCloud.Core.Proposals;
using TalentCloud.Core.Seeding;
using TalentCloud.Core.Visibility;

namespace TalentCloud.Tests.Core.Joining;

/// <summary>"Hire" on a proposal to an Enterprise organisation's job is the contract route into a cloud: an offer with the cloud's tasks.</summary>
public sealed class HireThroughOfferTests : JoiningWorld
{
    private ProposalService Proposals => new(Db, Db.Clock);

    private MyTalentCloudsService MyClouds => new(Db, Db.Clock);

    private async Task<int> ProposalIdAsync(string jobTitle, string handle)
    {
        await using var context = Db.CreateDbContext();
        return await (from p in context.Proposals
                      join j in context.Jobs on p.JobId equals j.Id
                      join pr in context.Profiles on p.ProfileId equals pr.Id
                      where j.Title == jobTitle && pr.Handle == handle
                      select p.Id).SingleAsync();
    }

    private Task<int> OmarsAcmeProposalAsync() => ProposalIdAsync(DemoWorld.AcmeLoyaltyApiJob, DemoWorld.OmarHandle);

    private async Task<int> SendAsync(Actor actor, int proposalId, string? cloud, int amount = 58)
    {
        var result = await Offers.CreateFromProposalAsync(actor,
            new ProposalOfferInput(proposalId, cloud is null ? null : await CloudIdAsync(cloud), DemoWorld.AcmeLoyaltyApiJob, "", amount));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        return result.Value;
    }

    private async Task CompleteAllTasksAsync(Actor freelancer, int offerId)
    {
        var view = await Offers.GetAsync(freelancer, offerId);
        foreach (var task in view!.Tasks)
        {
            Assert.True((await Offers.CompleteTaskAsync(freelancer, task.Id)).Succeeded);
        }
    }

    private async Task<ApplicantProposal> ApplicantAsync(Actor actor, int proposalId, string jobTitle)
    {
        await using var context = Db.CreateDbContext();
        var jobId = await context.Jobs.Where(j => j.Title == jobTitle).Select(j => j.Id).SingleAsync();
        return (await Proposals.ListForJobAsync(actor, jobId))!.Proposals.Single(p => p.Id == proposalId);
    }

    [Fact]
    public async Task The_draft_is_prefilled_from_the_proposal_and_offers_every_acme_cloud_or_none_for_a_public_job()
    {
        var draft = await Offers.GetDraftFromProposalAsync(await Maria, await OmarsAcmeProposalAsync());

        Assert.NotNull(draft);
        Assert.Equal((DemoWorld.AcmeLoyaltyApiJob, 58, PayKind.Hourly, "Omar Haddad"), (draft.Title, draft.Amount, draft.PayKind, draft.ProfileName));
        Assert.False(draft.CloudFixed);
        Assert.Equal([DemoWorld.AcmeData, DemoWorld.AcmeMobile, OfferService.NoCloudName], draft.Clouds.Select(c => c.Name));
        Assert.Null(draft.Clouds[^1].CloudId);
        Assert.Equal(["Acme data handling agreement", "Warehouse access policy"], draft.Clouds[0].Tasks.Select(t => t.Title));
        Assert.DoesNotContain(draft.Clouds, c => c.Name == DemoWorld.GlobexDesign);
    }

    [Fact]
    public async Task A_cloud_jobs_offer_can_only_go_to_that_cloud()
    {
        var proposal = await ProposalIdAsync(DemoWorld.AcmeKotlinCloudJob, DemoWorld.NorthwindHandle);
        var maria = await Maria;

        var draft = await Offers.GetDraftFromProposalAsync(maria, proposal);
        var elsewhere = await Offers.CreateFromProposalAsync(maria, new ProposalOfferInput(proposal, await CloudIdAsync(DemoWorld.AcmeData), "Kotlin", "", 120));
        var none = await Offers.CreateFromProposalAsync(maria, new ProposalOfferInput(proposal, null, "Kotlin", "", 120));

        Assert.True(draft!.CloudFixed);
        Assert.Equal([DemoWorld.AcmeMobile], draft.Clouds.Select(c => c.Name));
        Assert.Equal([ProposalErrors.CloudJobOfferCloud], elsewhere.Errors);
        Assert.Equal([ProposalErrors.CloudJobOfferCloud], none.Errors);
        Assert.Equal(0, await CountAsync(c => c.Offers.Where(o => o.ProposalId == proposal)));
    }

    [Fact]
    public async Task Maria_hires_omar_into_the_data_guild_though_he_meets_none_of_its_criteria()
    {
        var proposal = await OmarsAcmeProposalAsync();
        var omar = await Omar;
        var offerId = await SendAsync(await Maria, proposal, DemoWorld.AcmeData);

        var sent = await ApplicantAsync(await Raj, proposal, DemoWorld.AcmeLoyaltyApiJob);
        Assert.True(sent.OfferSent);
        Assert.Equal("Offer sent", sent.StatusText);
        Assert.Equal(offerId, sent.OfferId);
        Assert.False(sent.CanHire);
        Assert.False(sent.CanDecline);
        Assert.True(sent.HiresThroughOffer);
        Assert.Equal(1, await CountAsync(c => c.Notifications.Where(n => n.Link == $"/offers/{offerId}")));

        var view = await Offers.GetAsync(omar, offerId);
        Assert.Equal(["Acme data handling agreement", "Warehouse access policy"], view!.Tasks.Select(t => t.Title));
        Assert.Equal(DemoWorld.AcmeData, view.CloudName);
        Assert.Equal(DemoWorld.AcmeLoyaltyApiJob, view.JobTitle);
        Assert.False(view.CanAccept);
        Assert.False((await Offers.AcceptAsync(omar, offerId)).Succeeded);

        await CompleteAllTasksAsync(omar, offerId);
        var accepted = await Offers.AcceptAsync(omar, offerId);

        Assert.True(accepted.Succeeded, string.Join(" ", accepted.Errors));
        var membership = await MembershipAsync(DemoWorld.AcmeData, DemoWorld.OmarHandle);
        Assert.Equal((MembershipStatus.Active, JoinMethod.Contract), (membership!.Status, membership.JoinedVia));
        var hired = await ApplicantAsync(await Maria, proposal, DemoWorld.AcmeLoyaltyApiJob);
        Assert.Equal(ProposalStatus.Hired, hired.Status);
        Assert.False(hired.OfferSent);
        Assert.Equal(1, await CountAsync(c => c.Contracts.Where(k => k.OfferId == offerId)));

        var mine = (await MyClouds.GetAsync(omar))!.Memberships.Single(m => m.CloudName == DemoWorld.AcmeData);
        Assert.Equal($"Contract from Acme Corp, hired from your proposal to \"{DemoWorld.AcmeLoyaltyApiJob}\", offered by Maria Lopez", mine.HowJoined);

        var profiles = new ProfileService(Db);
        var seenByMaria = await profiles.GetPublicProfileAsync(await Maria, ProfileKind.Freelancer, DemoWorld.OmarHandle);
        var seenByLee = await profiles.GetPublicProfileAsync(await Lee, ProfileKind.Freelancer, DemoWorld.OmarHandle);
        var seenByCarl = await profiles.GetPublicProfileAsync(await Carl, ProfileKind.Freelancer, DemoWorld.OmarHandle);
        Assert.Equal([DemoWorld.AcmeData], seenByMaria!.Memberships.CloudNames);
        Assert.Equal((true, 0), (seenByLee!.Memberships.ShowsMaskedLabel, seenByLee.Memberships.CloudNames.Count));
        Assert.False(seenByCarl!.Memberships.IsVisible);
    }

    [Fact]
    public async Task An_offer_from_a_proposal_above_the_approval_threshold_waits_for_another_approver_unseen_by_the_freelancer()
    {
        Assert.True((await new TeamService(Db, Db.Clock).SetOfferApprovalRulesAsync(await Maria, 50, null)).Succeeded);
        var proposal = await OmarsAcmeProposalAsync();

        var offerId = await SendAsync(await Raj, proposal, DemoWorld.AcmeData, amount: 58);
        var applicant = await ApplicantAsync(await Raj, proposal, DemoWorld.AcmeLoyaltyApiJob);
        var second = await Offers.CreateFromProposalAsync(await Maria, new ProposalOfferInput(proposal, null, "Again", "", 40));

        Assert.Equal(OfferStatus.AwaitingApproval, (await Offers.GetAsync(await Raj, offerId))!.Status);
        Assert.Null(await Offers.GetAsync(await Omar, offerId));
        Assert.DoesNotContain((await MyClouds.GetAsync(await Omar))!.Offers, o => o.Id == offerId);
        Assert.True(applicant.OfferSent);
        Assert.False(applicant.CanHire);
        Assert.False(second.Succeeded);
        int jobId;
        await using (var context = Db.CreateDbContext())
        {
            jobId = await context.Jobs.Where(j => j.Title == DemoWorld.AcmeLoyaltyApiJob).Select(j => j.Id).SingleAsync();
        }

        Assert.Equal([JobErrors.OfferFromProposalWaiting], (await new JobService(Db, Db.Clock).CloseAsync(await Maria, jobId)).Errors);

        Assert.True((await new OfferApprovalService(Db, Db.Clock).ApproveAsync(await Maria, offerId)).Succeeded);
        var seen = await Offers.GetAsync(await Omar, offerId);
        Assert.NotNull(seen);
        Assert.Equal(OfferStatus.Open, seen.Status);
        Assert.Equal($"Hired from Omar Haddad's proposal to \"{DemoWorld.AcmeLoyaltyApiJob}\".", seen.OriginText);
    }

    [Fact]
    public async Task A_declined_offer_leaves_the_proposal_open_to_hire_again()
    {
        var proposal = await OmarsAcmeProposalAsync();
        var first = await SendAsync(await Maria, proposal, DemoWorld.AcmeData);

        Assert.True((await Offers.DeclineAsync(await Omar, first)).Succeeded);
        var open = await ApplicantAsync(await Maria, proposal, DemoWorld.AcmeLoyaltyApiJob);
        Assert.Equal((ProposalStatus.Submitted, false, true), (open.Status, open.OfferSent, open.CanHire));

        var second = await SendAsync(await Raj, proposal, null, amount: 62);
        Assert.NotEqual(first, second);
        Assert.True((await Offers.WithdrawAsync(await Maria, second)).Succeeded);
        Assert.True((await ApplicantAsync(await Maria, proposal, DemoWorld.AcmeLoyaltyApiJob)).CanHire);
    }

    [Fact]
    public async Task My_proposals_offers_no_withdraw_while_an_offer_from_the_proposal_waits()
    {
        var proposal = await OmarsAcmeProposalAsync();
        var omar = await Omar;
        async Task<MyProposalRow> RowAsync() => (await Proposals.ListMineAsync(omar)).Single(r => r.Id == proposal);
        Assert.True((await RowAsync()).CanWithdraw);

        var offerId = await SendAsync(await Maria, proposal, DemoWorld.AcmeData);
        var waiting = await RowAsync();
        Assert.Equal((offerId, ProposalStatus.Submitted, false), (waiting.OpenOfferId, waiting.Status, waiting.CanWithdraw));

        Assert.True((await Offers.DeclineAsync(omar, offerId)).Succeeded);
        var declined = await RowAsync();
        Assert.Equal((null, true), (declined.OpenOfferId, declined.CanWithdraw));
    }

    [Fact]
    public async Task Hiring_twice_from_one_proposal_is_refused()
    {
        var proposal = await OmarsAcmeProposalAsync();
        var maria = await Maria;
        var offerId = await SendAsync(maria, proposal, DemoWorld.AcmeMobile);

        var whileOpen = await Offers.CreateFromProposalAsync(await Raj, new ProposalOfferInput(proposal, null, "Again", "", 50));
        Assert.Equal([ProposalErrors.OfferAlreadySent("Omar Haddad")], whileOpen.Errors);

        await CompleteAllTasksAsync(await Omar, offerId);
        Assert.True((await Offers.AcceptAsync(await Omar, offerId)).Succeeded);
        var afterHire = await Offers.CreateFromProposalAsync(maria, new ProposalOfferInput(proposal, null, "Again", "", 50));
        Assert.Equal([ProposalErrors.AlreadyHired("Omar Haddad")], afterHire.Errors);
        Assert.Equal([ProposalErrors.AlreadyHired("Omar Haddad")], (await Proposals.HireAsync(maria, proposal)).Errors);
        Assert.Equal(1, await CountAsync(c => c.Offers.Where(o => o.ProposalId == proposal)));
        Assert.Equal(1, await CountAsync(c => c.Contracts));
    }

    [Fact]
    public async Task Offers_from_proposals_count_toward_the_per_user_offer_limit()
    {
        Db.Settings = Db.Settings with
        {
            ActionLimits = new ActionLimits(new Dictionary<LimitedAction, ActionLimit> { [LimitedAction.Offer] = new(1, TimeSpan.FromHours(1)) }),
        };
        var maria = await Maria;
        await SendAsync(maria, await OmarsAcmeProposalAsync(), DemoWorld.AcmeData);
        var kotlin = await ProposalIdAsync(DemoWorld.AcmeKotlinCloudJob, DemoWorld.NorthwindHandle);

        var limited = await Offers.CreateFromProposalAsync(maria, new ProposalOfferInput(kotlin, await CloudIdAsync(DemoWorld.AcmeMobile), "Kotlin", "", 120));

        Assert.StartsWith("You have sent offers too often: at most 1 in an hour.", Assert.Single(limited.Errors), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(c => c.Offers.Where(o => o.ProposalId == kotlin)));
    }

    [Fact]
    public async Task Two_hiring_managers_sending_at_once_make_one_offer()
    {
        var proposal = await OmarsAcmeProposalAsync();
        var maria = await Maria;
        var raj = await Raj;

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Offers.CreateFromProposalAsync(i % 2 == 0 ? maria : raj,
            new ProposalOfferInput(proposal, null, "Loyalty API", "", 58))));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal([ProposalErrors.OfferAlreadySent("Omar Haddad")], r.Errors));
        Assert.Equal(1, await CountAsync(c => c.Offers.Where(o => o.ProposalId == proposal)));
    }

    [Fact]
    public async Task A_concurrent_double_accept_makes_one_contract_and_one_membership()
    {
        var proposal = await OmarsAcmeProposalAsync();
        var offerId = await SendAsync(await Maria, proposal, DemoWorld.AcmeData);
        var omar = await Omar;
        await CompleteAllTasksAsync(omar, offerId);

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Offers.AcceptAsync(omar, offerId)));

        Assert.Single(results, r => r.Succeeded);
        var omarId = await ProfileIdAsync(DemoWorld.OmarHandle);
        var guild = await CloudIdAsync(DemoWorld.AcmeData);
        Assert.Equal(1, await CountAsync(c => c.Contracts.Where(k => k.ProfileId == omarId)));
        Assert.Equal(1, await CountAsync(c => c.CloudMemberships.Where(m => m.ProfileId == omarId && m.CloudId == guild)));
    }

    [Fact]
    public async Task An_offer_with_no_cloud_starts_a_contract_and_places_nobody()
    {
        var proposal = await OmarsAcmeProposalAsync();
        var offerId = await SendAsync(await Maria, proposal, null);
        var omar = await Omar;

        var view = await Offers.GetAsync(omar, offerId);
        Assert.Null(view!.CloudName);
        Assert.Empty(view.Tasks);
        Assert.Contains("places nobody in a Talent Cloud", view.PlacementText, StringComparison.Ordinal);
        Assert.True(view.CanAccept);

        Assert.True((await Offers.AcceptAsync(omar, offerId)).Succeeded);
        var omarId = await ProfileIdAsync(DemoWorld.OmarHandle);
        Assert.Equal(0, await CountAsync(c => c.CloudMemberships.Where(m => m.ProfileId == omarId)));
        Assert.Equal(1, await CountAsync(c => c.Contracts.Where(k => k.ProfileId == omarId && k.OfferId == offerId)));
        Assert.Contains((await MyClouds.GetAsync(omar))!.Offers, o => o.Id == offerId && o.CloudName is null && o.JobTitle == DemoWorld.AcmeLoyaltyApiJob);
    }

    [Fact]
    public async Task An_enterprise_hire_goes_through_an_offer_and_an_ordinary_client_hires_directly()
    {
        var acmeProposal = await OmarsAcmeProposalAsync();
        var direct = await Proposals.HireAsync(await Maria, acmeProposal);
        Assert.Equal([ProposalErrors.HireThroughOffer], direct.Errors);
        Assert.Equal(ProposalStatus.Submitted, (await ApplicantAsync(await Maria, acmeProposal, DemoWorld.AcmeLoyaltyApiJob)).Status);

        var initechProposal = await ProposalIdAsync(DemoWorld.InitechApiJob, DemoWorld.OmarHandle);
        var carl = await Carl;
        Assert.Null(await Offers.GetDraftFromProposalAsync(carl, initechProposal));
        Assert.Equal([ProposalErrors.HireDirectly],
            (await Offers.CreateFromProposalAsync(carl, new ProposalOfferInput(initechProposal, null, "API", "", 60))).Errors);
        Assert.False((await ApplicantAsync(carl, initechProposal, DemoWorld.InitechApiJob)).HiresThroughOffer);

        Assert.True((await Proposals.HireAsync(carl, initechProposal)).Succeeded);
        var omarId = await ProfileIdAsync(DemoWorld.OmarHandle);
        Assert.Equal(0, await CountAsync(c => c.Offers.Where(o => o.ProfileId == omarId)));
        Assert.Equal(0, await CountAsync(c => c.CloudMemberships.Where(m => m.ProfileId == omarId)));
        Assert.Equal(1, await CountAsync(c => c.Contracts.Where(k => k.ProfileId == omarId && k.OfferId == null)));
        Assert.Equal([ProposalErrors.AlreadyHired("Omar Haddad")], (await Proposals.HireAsync(carl, initechProposal)).Errors);
    }

    [Fact]
    public async Task Only_the_jobs_organisation_may_hire_and_only_into_its_own_clouds()
    {
        var proposal = await OmarsAcmeProposalAsync();
        var input = new ProposalOfferInput(proposal, null, "Loyalty API", "", 58);

        foreach (var outsider in new[] { await Hank, await Carl, await Omar, await Fiona, Actor.Visitor })
        {
            Assert.Null(await Offers.GetDraftFromProposalAsync(outsider, proposal));
            Assert.Equal([ProposalErrors.NotFound], (await Offers.CreateFromProposalAsync(outsider, input)).Errors);
        }

        var globexCloud = await Offers.CreateFromProposalAsync(await Maria, input with { CloudId = await CloudIdAsync(DemoWorld.GlobexDesign) });
        Assert.False(globexCloud.Succeeded);
        Assert.Equal(0, await CountAsync(c => c.Offers.Where(o => o.ProposalId == proposal)));
    }

    [Theory]
    [InlineData("", 58, "Give the offer a title.")]
    [InlineData("Loyalty API", 0, "The amount must be between $1 and $1,000,000.")]
    [InlineData("Loyalty API", 1_000_001, "The amount must be between $1 and $1,000,000.")]
    public async Task Bad_terms_are_refused_and_nothing_is_sent(string title, int amount, string error)
    {
        var proposal = await OmarsAcmeProposalAsync();

        var result = await Offers.CreateFromProposalAsync(await Maria, new ProposalOfferInput(proposal, null, title, "", amount));

        Assert.Equal([error], result.Errors);
        Assert.Equal(0, await CountAsync(c => c.Offers.Where(o => o.ProposalId == proposal)));
        Assert.Equal(0, await CountAsync(c => c.Notifications.Where(n => n.Title.StartsWith("Offer from"))));
    }

    [Fact]
    public async Task While_an_offer_waits_the_proposal_cannot_be_declined_withdrawn_or_its_job_closed()
    {
        var proposal = await OmarsAcmeProposalAsync();
        var maria = await Maria;
        await SendAsync(maria, proposal, DemoWorld.AcmeData);
        await using var context = Db.CreateDbContext();
        var jobId = await context.Jobs.Where(j => j.Title == DemoWorld.AcmeLoyaltyApiJob).Select(j => j.Id).SingleAsync();

        Assert.Equal([ProposalErrors.OfferWaiting], (await Proposals.DeclineAsync(maria, proposal)).Errors);
        Assert.Equal([ProposalErrors.OfferWaitingForYou], (await Proposals.WithdrawAsync(await Omar, proposal)).Errors);
        Assert.Equal([JobErrors.OfferFromProposalWaiting], (await new JobService(Db, Db.Clock).CloseAsync(maria, jobId)).Errors);
        Assert.Equal(ProposalStatus.Submitted, (await ApplicantAsync(maria, proposal, DemoWorld.AcmeLoyaltyApiJob)).Status);
    }
}
