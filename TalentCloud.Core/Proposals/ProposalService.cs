using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Audit;
using TalentCloud.Core.Common;
using TalentCloud.Core.Connects;
using TalentCloud.Core.ContactRules;
using TalentCloud.Core.Contracts;
using TalentCloud.Core.Data;
using TalentCloud.Core.Jobs;
using TalentCloud.Core.Notifications;
using TalentCloud.Core.Organizations;
using TalentCloud.Core.Offers;
using TalentCloud.Core.Profiles;
using TalentCloud.Core.Visibility;

namespace TalentCloud.Core.Proposals;

public sealed record ProposalDraft(int JobId, int ProfileId, string? CoverLetter, int Bid);

/// <summary>The proposal the actor already sent to a job, shown on the job page.</summary>
public sealed record MyProposalOnJob(int Id, ProposalStatus Status, int Bid, int ConnectsSpent, DateTimeOffset SubmittedAt);

/// <summary>One of the actor's proposals in "My proposals"; <see cref="OpenOfferId"/> is an offer made from it that waits for an answer.</summary>
public sealed record MyProposalRow(
    int Id, int JobId, string JobTitle, string OrganizationName, string? CloudName, BudgetType BudgetType, int Bid,
    int ConnectsSpent, ProposalStatus Status, DateTimeOffset SubmittedAt, DateTimeOffset? RefundedAt, bool JobOpen, int? OpenOfferId = null)
{
    /// <summary>
    /// Whether <see cref="ProposalService.WithdrawAsync"/> would accept it: only a proposal still waiting for an answer, and not while an
    /// offer made from it waits for the freelancer's answer (they decline the offer instead).
    /// </summary>
    public bool CanWithdraw => Status == ProposalStatus.Submitted && OpenOfferId is null;
}

/// <summary>One page of "My proposals", newest first.</summary>
public sealed record MyProposalListPage(IReadOnlyList<MyProposalRow> Items, int Page, int PageSize, int TotalCount)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
}

/// <summary>
/// One applicant's proposal as the job's organisation sees it. Memberships follow the visibility rule. <see cref="OfferId"/> is the
/// offer made from it that waits for an answer (the proposal shows "Offer sent") or that hired it; <see cref="HiresThroughOffer"/>
/// says whether "Hire" prepares an offer (Enterprise organisations) or starts a contract at once.
/// </summary>
public sealed record ApplicantProposal(
    int Id, ProfileKind Kind, string Handle, string DisplayName, string ProfileTitle, int Bid, string CoverLetter,
    ProposalStatus Status, DateTimeOffset SubmittedAt, MembershipPanel Memberships,
    int? OfferId = null, bool OfferSent = false, bool HiresThroughOffer = false, bool CanHire = false, bool CanDecline = false)
{
    public string ProfileUrl => (Kind == ProfileKind.Agency ? "/agencies/" : "/freelancers/") + Handle;

    /// <summary>The status in words: "Offer sent" while an offer made from it waits for an answer.</summary>
    public string StatusText => OfferSent ? "Offer sent" : Status.ToString();
}

/// <summary>A job's proposals for its organisation's people; <see cref="CanDecide"/> when the viewer's role may hire or decline.</summary>
public sealed record JobProposals(int JobId, string JobTitle, BudgetType BudgetType, bool JobOpen, bool OrganizationIsEnterprise,
    IReadOnlyList<ApplicantProposal> Proposals, bool CanDecide = false);

/// <summary>Proposals: sending one (and paying Connects for it), withdrawing, and the client's answers.</summary>
public sealed class ProposalService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>
    /// Sends a proposal and charges its Connects in one unit of work. The job is held open and the profile's balance is
    /// held while the charge is decided, so a close cannot miss it and two submits cannot spend the same Connects; the
    /// unique (job, profile) index stops a second proposal even if two requests race.
    /// </summary>
    public Task<Result<int>> SubmitAsync(Actor actor, ProposalDraft draft, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(draft);
        if (!actor.OwnsProfile(draft.ProfileId))
        {
            return Task.FromResult(Result<int>.Failure(ProposalErrors.NotYourProfile));
        }

        return UnitOfWork.RunAsync(dbFactory, clock, async uow =>
        {
            var db = uow.Db;
            var jobViewer = await JobAccess.ViewerAsync(db, actor, uow.Now, ct);
            var job = await jobViewer.Visible(db).SingleOrDefaultAsync(j => j.Id == draft.JobId, ct);
            if (job is null)
            {
                return Result<int>.Failure(JobErrors.NotFound);
            }

            var coverLetter = UserText.Block(draft.CoverLetter);
            var errors = new List<string>();
            if (actor.BelongsTo(job.OrganizationId))
            {
                errors.Add(ProposalErrors.OwnJob);
            }

            if (coverLetter.Length == 0)
            {
                errors.Add(ProposalErrors.CoverLetterRequired);
            }
            else if (coverLetter.Length > Proposal.CoverLetterMaxLength)
            {
                errors.Add(ProposalErrors.CoverLetterTooLong);
            }

            if (draft.Bid < 1 || draft.Bid > Job.MaxBudget(job.BudgetType))
            {
                errors.Add(ProposalErrors.BidOutOfRange(job.BudgetType));
            }

            if (errors.Count == 0)
            {
                // The cover letter reaches the client before any contract: it follows the private-message rule for this pair.
                var pair = await ContactDetailsPolicy.LoadFactsAsync(db, job.OrganizationId, draft.ProfileId, uow.Now, ct);
                var decision = ContactDetailsPolicy.Decide(coverLetter, pair, "cover letter");
                if (!decision.Allowed)
                {
                    errors.Add(decision.Refusal!);
                }
            }

            if (errors.Count > 0)
            {
                return Result<int>.Failure([.. errors]);
            }

            await uow.LockAsync<Job>(job.Id, RowLock.Share);
            await uow.LockAsync<Profile>(draft.ProfileId);
            if (!await db.Jobs.AnyAsync(j => j.Id == job.Id && j.Status == JobStatus.Open, ct))
            {
                return Result<int>.Failure(ProposalErrors.JobClosed);
            }

            if (await db.Proposals.AnyAsync(p => p.JobId == job.Id && p.ProfileId == draft.ProfileId, ct))
            {
                return Result<int>.Failure(ProposalErrors.Duplicate);
            }

            var cost = jobViewer.ProposalCost(job.CloudId, job.PublicFrom, job.BudgetType, job.Budget);
            var balance = await ConnectsService.BalanceAsync(db, draft.ProfileId, ct);
            if (balance < cost)
            {
                return Result<int>.Failure(ConnectsErrors.NotEnough(cost, balance));
            }

            if (await ActionLimiter.TryCountAsync(db, actor.UserId!, LimitedAction.Proposal, uow.Now, ct) is { } refusal)
            {
                return Result<int>.Failure(refusal);
            }

            var proposal = Proposal.Submit(job.Id, draft.ProfileId, actor.UserId!, coverLetter, draft.Bid, cost, uow.Now);
            db.Proposals.Add(proposal);
            await uow.SaveAsync();
            if (cost > 0)
            {
                db.ConnectsEntries.Add(ConnectsEntry.Spend(draft.ProfileId, cost, $"Proposal to \"{job.Title}\"", uow.Now, proposal.Id, actor.UserId!));
            }

            uow.Audit(actor, "proposal.submitted", $"Proposal {proposal.Id} to {job.Title} (job {job.Id})",
                $"{cost} Connects", cloudId: job.CloudId, profileId: draft.ProfileId, organizationId: job.OrganizationId);
            return Result<int>.Success(proposal.Id);
        }, ct, new Duplicate<Result<int>>(Proposal.OnePerJobIndex, Result<int>.Failure(ProposalErrors.Duplicate)));
    }

    /// <summary>The actor's withdrawal of their own proposal. The Connects spent on it are not given back.</summary>
    public Task<Result> WithdrawAsync(Actor actor, int proposalId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return UnitOfWork.RunAsync(dbFactory, clock, async uow =>
        {
            var proposal = await LockedAsync(uow, proposalId, ct);
            if (proposal is null || !actor.OwnsProfile(proposal.ProfileId))
            {
                return Result.Failure(ProposalErrors.NotFound);
            }

            if (proposal.Status != ProposalStatus.Submitted)
            {
                return Result.Failure(ProposalErrors.NotSubmitted);
            }

            if (await HasOpenOfferAsync(uow.Db, proposal.Id, ct))
            {
                return Result.Failure(ProposalErrors.OfferWaitingForYou);
            }

            proposal.Withdraw(uow.Now);
            uow.Audit(actor, "proposal.withdrawn", $"Proposal {proposal.Id} (job {proposal.JobId})",
                proposal.ConnectsSpent == 0 ? "withdrawn" : $"withdrawn; {proposal.ConnectsSpent} Connects not refunded", profileId: proposal.ProfileId);
            return Result.Success;
        }, ct);
    }

    /// <summary>The job's organisation declines a proposal; the applicant is told.</summary>
    public Task<Result> DeclineAsync(Actor actor, int proposalId, CancellationToken ct = default) =>
        DecideAsync(actor, proposalId, hire: false, ct);

    /// <summary>
    /// An ordinary client hires the applicant directly: the proposal is marked hired and a contract between the two starts (no cloud,
    /// no offer). Enterprise organisations hire through an offer instead (<see cref="Offers.OfferService.CreateFromProposalAsync"/>).
    /// After a hire, closing the job refunds nothing.
    /// </summary>
    public Task<Result> HireAsync(Actor actor, int proposalId, CancellationToken ct = default) =>
        DecideAsync(actor, proposalId, hire: true, ct);

    /// <summary>The actor's proposal to a job, if one of their profiles sent one.</summary>
    public async Task<MyProposalOnJob?> GetMineForJobAsync(Actor actor, int jobId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.ProfileIds.Count == 0)
        {
            return null;
        }

        var profiles = actor.ProfileIds.ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Proposals.AsNoTracking()
            .Where(p => p.JobId == jobId && profiles.Contains(p.ProfileId))
            .Select(p => new MyProposalOnJob(p.Id, p.Status, p.Bid, p.ConnectsSpent, p.SubmittedAt))
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>The actor's proposals, newest first, for jobs they may still see.</summary>
    public const int MyProposalsPageSize = 20;

    /// <summary>One page of the actor's proposals; a page past the end gives the last one.</summary>
    public async Task<MyProposalListPage> GetMinePageAsync(Actor actor, int page = 1, int pageSize = MyProposalsPageSize, CancellationToken ct = default)
    {
        pageSize = Math.Clamp(pageSize, 1, 100);
        var all = await ListMineAsync(actor, ct);
        var pageCount = Math.Max(1, (all.Count + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pageCount);
        return new MyProposalListPage([.. all.Skip((page - 1) * pageSize).Take(pageSize)], page, pageSize, all.Count);
    }

    public async Task<IReadOnlyList<MyProposalRow>> ListMineAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.ProfileIds.Count == 0)
        {
            return [];
        }

        var profiles = actor.ProfileIds.ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jobViewer = await JobAccess.ViewerAsync(db, actor, clock.GetUtcNow(), ct);
        var rows = await (from p in db.Proposals
                          join j in jobViewer.Visible(db) on p.JobId equals j.Id
                          join o in db.Organizations on j.OrganizationId equals o.Id
                          where profiles.Contains(p.ProfileId)
                          orderby p.SubmittedAt descending, p.Id descending
                          select new
                          {
                              Row = new MyProposalRow(p.Id, j.Id, j.Title, o.Name,
                                  db.Clouds.Where(c => c.Id == j.CloudId).Select(c => c.Name).FirstOrDefault(),
                                  j.BudgetType, p.Bid, p.ConnectsSpent, p.Status, p.SubmittedAt, p.RefundedAt, j.Status == JobStatus.Open,
                                  db.Offers.Where(f => f.ProposalId == p.Id && f.Status == OfferStatus.Open).Select(f => (int?)f.Id).FirstOrDefault()),
                              j.OrganizationId,
                              j.CloudId,
                          })
            .ToListAsync(ct);
        // A proposal to an opened cloud-first job by someone outside its cloud names no cloud.
        return [.. rows.Select(r => jobViewer.KnowsCloudOf(r.OrganizationId, r.CloudId) ? r.Row : r.Row with { CloudName = null })];
    }

    /// <summary>
    /// The proposals for one job, for the posting organisation's people; null for anyone else (as if the job did not
    /// exist). Each applicant's memberships go through <see cref="MembershipVisibility"/>: the organisation sees the
    /// names of its own clouds and nothing else.
    /// </summary>
    public async Task<JobProposals?> ListForJobAsync(Actor actor, int jobId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var job = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, ct);
        if (job is null || !actor.BelongsTo(job.OrganizationId))
        {
            return null;
        }

        var isEnterprise = await db.Organizations.Where(o => o.Id == job.OrganizationId).Select(o => o.HasEnterpriseSubscription).SingleAsync(ct);
        var rows = await (from p in db.Proposals
                          join pr in db.Profiles on p.ProfileId equals pr.Id
                          where p.JobId == jobId && p.Status != ProposalStatus.Withdrawn
                          orderby p.SubmittedAt, p.Id
                          select new
                          {
                              p.Id, p.ProfileId, pr.Kind, pr.Handle, pr.DisplayName, pr.Title, p.Bid, p.CoverLetter, p.Status, p.SubmittedAt,
                              Offer = db.Offers.Where(f => f.ProposalId == p.Id && (f.Status == OfferStatus.Open || f.Status == OfferStatus.AwaitingApproval || f.Status == OfferStatus.Accepted))
                                  .OrderByDescending(f => f.Id).Select(f => new { f.Id, f.Status }).FirstOrDefault(),
                          })
            .ToListAsync(ct);
        var result = new List<ApplicantProposal>(rows.Count);
        var canDecide = actor.Can(job.OrganizationId, OrganizationAction.Hire);
        foreach (var r in rows)
        {
            var panel = await ProfileService.GetMembershipPanelAsync(db, actor, r.ProfileId, ct);
            var offerSent = r.Offer?.Status is OfferStatus.Open or OfferStatus.AwaitingApproval;
            // Hiring and declining are for the roles that hire (recruiters see the proposals but do not decide them).
            var waiting = canDecide && r.Status == ProposalStatus.Submitted && !offerSent;
            result.Add(new ApplicantProposal(r.Id, r.Kind, r.Handle, r.DisplayName, r.Title, r.Bid, r.CoverLetter, r.Status, r.SubmittedAt, panel,
                r.Offer?.Id, offerSent, isEnterprise, CanHire: waiting && job.IsOpen, CanDecline: waiting));
        }

        return new JobProposals(job.Id, job.Title, job.BudgetType, job.IsOpen, isEnterprise, result, canDecide);
    }

    private Task<Result> DecideAsync(Actor actor, int proposalId, bool hire, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return UnitOfWork.RunAsync(dbFactory, clock, async uow =>
        {
            var db = uow.Db;
            var proposal = await LockedAsync(uow, proposalId, ct);
            var row = proposal is null
                ? null
                : await (from j in db.Jobs
                         join pr in db.Profiles on proposal.ProfileId equals pr.Id
                         join o in db.Organizations on j.OrganizationId equals o.Id
                         where j.Id == proposal.JobId
                         select new { Job = j, pr.OwnerUserId, pr.DisplayName, OrganizationIsEnterprise = o.HasEnterpriseSubscription })
                    .AsNoTracking().SingleAsync(ct);
            if (proposal is null || row is null || !actor.BelongsTo(row.Job.OrganizationId) || proposal.Status == ProposalStatus.Withdrawn)
            {
                return Result.NotFound(ProposalErrors.NotFound);
            }

            if (!actor.Can(row.Job.OrganizationId, OrganizationAction.Hire))
            {
                return Result.Failure(OrganizationPermissions.Refusal(actor.Organizations[row.Job.OrganizationId], OrganizationAction.Hire));
            }

            var job = row.Job;
            if (hire)
            {
                var refusal = await OfferService.HireRefusalAsync(db, proposal, job, row.DisplayName, ct)
                    ?? (row.OrganizationIsEnterprise ? ProposalErrors.HireThroughOffer : null);
                if (refusal is not null)
                {
                    return Result.Failure(refusal);
                }

                proposal.Hire(uow.Now);
                db.Contracts.Add(new Contract
                {
                    OrganizationId = job.OrganizationId,
                    ProfileId = proposal.ProfileId,
                    Title = Text.Truncate(job.Title, Contract.TitleMaxLength),
                    StartedByUserId = actor.UserId!,
                    StartedAt = uow.Now,
                });
                uow.Notify(row.OwnerUserId, NotificationKind.General, $"You were hired for \"{job.Title}\"",
                    "The client accepted your proposal and a contract has started.", "/my/proposals");
            }
            else
            {
                if (proposal.Status != ProposalStatus.Submitted)
                {
                    return Result.Failure(ProposalErrors.NotSubmitted);
                }

                if (await HasOpenOfferAsync(db, proposal.Id, ct))
                {
                    return Result.Failure(ProposalErrors.OfferWaiting);
                }

                proposal.Decline(uow.Now);
                uow.Notify(row.OwnerUserId, NotificationKind.General, $"Proposal declined: \"{job.Title}\"",
                    "The client chose not to go ahead with your proposal.", "/my/proposals");
            }

            uow.Audit(actor, hire ? "proposal.hired" : "proposal.declined", $"{row.DisplayName}: proposal {proposal.Id} to {job.Title}",
                hire ? "hired; contract started" : "declined", profileId: proposal.ProfileId, organizationId: job.OrganizationId);
            return Result.Success;
        }, ct);
    }

    /// <summary>
    /// The proposal, loaded after holding its job (shared: it must not close meanwhile) and the proposal itself, so
    /// a decision, a withdrawal, an offer made from it or its acceptance, and a close of its job happen one after the
    /// other. Null when it does not exist.
    /// </summary>
    internal static async Task<Proposal?> LockedAsync(UnitOfWork uow, int proposalId, CancellationToken ct)
    {
        var jobId = await uow.Db.Proposals.Where(p => p.Id == proposalId).Select(p => (int?)p.JobId).SingleOrDefaultAsync(ct);
        if (jobId is null)
        {
            return null;
        }

        await uow.LockAsync<Job>(jobId.Value, RowLock.Share);
        await uow.LockAsync<Proposal>(proposalId);
        return await uow.Db.Proposals.SingleAsync(p => p.Id == proposalId, ct);
    }

    private static Task<bool> HasOpenOfferAsync(AppDbContext db, int proposalId, CancellationToken ct) =>
        db.Offers.Pending().AnyAsync(o => o.ProposalId == proposalId, ct);
}
