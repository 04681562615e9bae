using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Data;
using TalentCloud.Core.Jobs;
using TalentCloud.Core.Offers;
using TalentCloud.Core.Proposals;
using TalentCloud.Core.Seeding;

namespace TalentCloud.Tests.Core.Joining;

/// <summary>
/// Hiring from a proposal raced against everything else that decides on the same proposal, job or offer. On SQLite the
/// writers queue; on PostgreSQL (READ COMMITTED) they run side by side, so these hold only because each use case holds
/// the rows it decides on. Every test runs the steps truly in parallel and checks the state they must leave.
/// </summary>
public sealed class HireRaceTests : JoiningWorld
{
    private ProposalService Proposals => new(Db, Db.Clock);

    private async Task<(int ProposalId, int JobId)> OmarsAcmeProposalAsync()
    {
        await using var context = Db.CreateDbContext();
        return await (from p in context.Proposals
                      join j in context.Jobs on p.JobId equals j.Id
                      join pr in context.Profiles on p.ProfileId equals pr.Id
                      where j.Title == DemoWorld.AcmeLoyaltyApiJob && pr.Handle == DemoWorld.OmarHandle
                      select new ValueTuple<int, int>(p.Id, j.Id)).SingleAsync();
    }

    /// <summary>Runs the steps at once (each on its own thread) and says which succeeded.</summary>
    private static Task<bool[]> InParallel(params Func<Task<IOutcome>>[] steps) =>
        Task.WhenAll(steps.Select(step => Task.Run(async () => (await step()).Succeeded)));

    private async Task<(JobStatus Job, ProposalStatus Proposal, int PendingOffers, int Contracts)> StateAsync(int proposalId, int jobId)
    {
        await using var context = Db.CreateDbContext();
        return (await context.Jobs.Where(j => j.Id == jobId).Select(j => j.Status).SingleAsync(),
            await context.Proposals.Where(p => p.Id == proposalId).Select(p => p.Status).SingleAsync(),
            await context.Offers.CountAsync(o => o.ProposalId == proposalId && (o.Status == OfferStatus.Open || o.Status == OfferStatus.AwaitingApproval)),
            await context.Contracts.CountAsync(c => context.Offers.Any(o => o.Id == c.OfferId && o.ProposalId == proposalId)));
    }

    [Fact]
    public async Task Closing_the_job_while_offers_are_sent_from_its_proposal_leaves_a_closed_job_or_one_waiting_offer_never_both()
    {
        var (proposal, job) = await OmarsAcmeProposalAsync();
        var maria = await Maria;
        var raj = await Raj;
        var jobs = new JobService(Db, Db.Clock);
        var input = new ProposalOfferInput(proposal, null, "Loyalty API", "", 58);

        var results = await InParallel(
            async () => await jobs.CloseAsync(maria, job), async () => await Offers.CreateFromProposalAsync(raj, input),
            async () => await jobs.CloseAsync(raj, job), async () => await Offers.CreateFromProposalAsync(maria, input),
            async () => await Offers.CreateFromProposalAsync(raj, input), async () => await jobs.CloseAsync(maria, job));

        var state = await StateAsync(proposal, job);
        Assert.Equal(1, results.Count(succeeded => succeeded));
        Assert.True(state is (JobStatus.Closed, ProposalStatus.Submitted, 0, 0) or (JobStatus.Open, ProposalStatus.Submitted, 1, 0), state.ToString());
        Assert.Equal(state.Job == JobStatus.Closed ? 1 : 0, await CountAsync(c => c.AuditEntries.Where(e => e.Action == "job.closed" && e.Subject.Contains($"(job {job})"))));
    }

    [Fact]
    public async Task Withdrawing_the_proposal_while_an_offer_is_made_from_it_never_leaves_an_offer_on_a_withdrawn_proposal()
    {
        var (proposal, job) = await OmarsAcmeProposalAsync();
        var maria = await Maria;
        var omar = await Omar;
        var input = new ProposalOfferInput(proposal, await CloudIdAsync(DemoWorld.AcmeData), "Loyalty API", "", 58);

        var results = await InParallel(
            async () => await Proposals.WithdrawAsync(omar, proposal), async () => await Offers.CreateFromProposalAsync(maria, input),
            async () => await Proposals.WithdrawAsync(omar, proposal), async () => await Offers.CreateFromProposalAsync(maria, input));

        var state = await StateAsync(proposal, job);
        Assert.Equal(1, results.Count(succeeded => succeeded));
        Assert.True(state is (JobStatus.Open, ProposalStatus.Withdrawn, 0, 0) or (JobStatus.Open, ProposalStatus.Submitted, 1, 0), state.ToString());
    }

    [Fact]
    public async Task Accepting_while_the_offer_is_withdrawn_ends_in_one_of_the_two_never_a_contract_for_a_withdrawn_offer()
    {
        var (proposal, job) = await OmarsAcmeProposalAsync();
        var maria = await Maria;
        var omar = await Omar;
        var created = await Offers.CreateFromProposalAsync(maria, new ProposalOfferInput(proposal, null, "Loyalty API", "", 58));
        Assert.True(created.Succeeded, string.Join(" ", created.Errors));
        var offerId = created.Value;

        var results = await InParallel(
            async () => await Offers.AcceptAsync(omar, offerId), async () => await Offers.WithdrawAsync(maria, offerId),
            async () => await Offers.AcceptAsync(omar, offerId), async () => await Offers.WithdrawAsync(maria, offerId));

        var status = await CountAsync(c => c.Offers.Where(o => o.Id == offerId && o.Status == OfferStatus.Accepted)) == 1 ? OfferStatus.Accepted : OfferStatus.Withdrawn;
        var state = await StateAsync(proposal, job);
        Assert.Equal(1, results.Count(succeeded => succeeded));
        Assert.Equal(status == OfferStatus.Accepted ? (JobStatus.Open, ProposalStatus.Hired, 0, 1) : (JobStatus.Open, ProposalStatus.Submitted, 0, 0), state);
    }

    [Fact]
    public async Task Thirty_parallel_sends_from_one_proposal_make_one_offer_one_audit_entry_and_one_notification()
    {
        var (proposal, job) = await OmarsAcmeProposalAsync();
        var maria = await Maria;
        var raj = await Raj;

        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() =>
            Offers.CreateFromProposalAsync(i % 2 == 0 ? maria : raj, new ProposalOfferInput(proposal, null, "Loyalty API", "", 58)))));

        var offer = Assert.Single(results, r => r.Succeeded).Value;
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal([ProposalErrors.OfferAlreadySent("Omar Haddad")], r.Errors));
        Assert.Equal((JobStatus.Open, ProposalStatus.Submitted, 1, 0), await StateAsync(proposal, job));
        Assert.Equal(1, await CountAsync(c => c.AuditEntries.Where(e => e.Action == "offer.sent" && e.Subject.Contains($"from proposal {proposal} "))));
        Assert.Equal(1, await CountAsync(c => c.Notifications.Where(n => n.Link == $"/offers/{offer}")));
        Assert.Equal(1, await CountAsync(c => c.ActionLimitEvents));
    }
}
