using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Audit;
using TalentCloud.Core.Clouds;
using TalentCloud.Core.Common;
using TalentCloud.Core.Data;
using TalentCloud.Core.Jobs;
using TalentCloud.Core.Notifications;
using TalentCloud.Core.Organizations;
using TalentCloud.Core.Profiles;
using TalentCloud.Core.Proposals;

namespace TalentCloud.Core.Offers;

/// <summary>What the hiring manager confirms when hiring from a proposal: the cloud (null: no cloud), title, description and amount.</summary>
public sealed record ProposalOfferInput(int ProposalId, int? CloudId, string? Title, string? Description, int Amount);

/// <summary>A cloud the offer may place the hire in, with the onboarding tasks that come with it; <see cref="CloudId"/> null is "no cloud".</summary>
public sealed record OfferCloudChoice(int? CloudId, string Name, IReadOnlyList<OnboardingTaskInput> Tasks);

/// <summary>
/// The offer "Hire" prepares from a proposal: the job's title, the proposal's rate, the pay kind of the job, and the clouds to
/// choose from — only the job's own cloud for a cloud job; every cloud of the organisation, or none, for a public job.
/// </summary>
public sealed record ProposalOfferDraft(int ProposalId, int ProfileId, string ProfileName, int JobId, string JobTitle, PayKind PayKind, int Amount,
    string Title, IReadOnlyList<OfferCloudChoice> Clouds, bool CloudFixed)
{
    public string PayText => PayKind == PayKind.Hourly ? "Hourly rate ($/hr)" : "Fixed price ($)";
}

public sealed partial class OfferService
{
    public const string NoCloudName = "No Talent Cloud";

    /// <summary>
    /// The prefilled offer for hiring from a proposal, for people of the job's Enterprise organisation; null for anyone else, for a
    /// withdrawn proposal, or when the organisation hires directly (no Enterprise subscription).
    /// </summary>
    public async Task<ProposalOfferDraft?> GetDraftFromProposalAsync(Actor actor, int proposalId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var facts = await ProposalFactsAsync(db, actor, proposalId, ct);
        if (facts is null || !facts.Organization.HasEnterpriseSubscription)
        {
            return null;
        }

        var (proposal, job, profile, org) = facts;
        var clouds = await db.Clouds.AsNoTracking()
            .Where(c => job.CloudId == null ? c.OrganizationId == org.Id : c.Id == job.CloudId)
            .OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var choices = new List<OfferCloudChoice>();
        foreach (var cloud in clouds)
        {
            choices.Add(new OfferCloudChoice(cloud.Id, cloud.Name, await CloudOnboardingService.TasksOfAsync(db, cloud.Id, ct)));
        }

        if (job.CloudId is null)
        {
            choices.Add(new OfferCloudChoice(null, NoCloudName, []));
        }

        return new ProposalOfferDraft(proposal.Id, profile.Id, profile.DisplayName, job.Id, job.Title, PayKindOf(job.BudgetType),
            proposal.Bid, Text.Truncate(job.Title, Offer.TitleMaxLength), choices, CloudFixed: job.CloudId is not null);
    }

    /// <summary>
    /// "Hire" on a proposal to an Enterprise organisation's job: sends an offer to the applicant, with the chosen cloud's onboarding
    /// tasks. Checked like any offer (the organisation's people only, one of its own clouds) and refused when the proposal is not
    /// waiting for an answer, already has an open offer, or the job is closed. Accepting it hires the proposal. The proposal is held
    /// (and its job, shared) while this is decided, so two hiring managers pressing "Send offer" at once make one offer, and a
    /// withdrawal or a close of the job comes before or after it, never beside it.
    /// </summary>
    public Task<Result<int>> CreateFromProposalAsync(Actor actor, ProposalOfferInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        return UnitOfWork.RunAsync(dbFactory, clock, async uow =>
        {
            var db = uow.Db;
            // The proposal is held (its job shared) before anything is decided from it.
            var held = await ProposalService.LockedAsync(uow, input.ProposalId, ct);
            var facts = held is null ? null : await ProposalFactsAsync(db, actor, input.ProposalId, ct);
            if (facts is null)
            {
                return Result<int>.Failure(ProposalErrors.NotFound);
            }

            var (proposal, job, profile, org) = facts;
            if (!org.HasEnterpriseSubscription)
            {
                return Result<int>.Failure(ProposalErrors.HireDirectly);
            }

            // Hiring from a proposal is for the roles that hire (not recruiters); above the owner's threshold the offer still waits for
            // another approver.
            var role = actor.RoleIn(org.Id)!.Value;
            if (!OrganizationPermissions.Allows(role, OrganizationAction.Hire))
            {
                return Result<int>.Failure(OrganizationPermissions.Refusal(role, OrganizationAction.Hire));
            }

            var refusal = await HireRefusalAsync(db, proposal, job, profile.DisplayName, ct);
            if (refusal is not null)
            {
                return Result<int>.Failure(refusal);
            }

            Cloud? cloud = null;
            if (job.CloudId is int jobCloud && input.CloudId != jobCloud)
            {
                return Result<int>.Failure(ProposalErrors.CloudJobOfferCloud);
            }

            if (input.CloudId is int cloudId)
            {
                var managed = await CloudAccess.FindManagedAsync(db, actor, cloudId, ct);
                if (managed is null || managed.Organization.Id != org.Id)
                {
                    return Result<int>.Failure(CloudAccess.NotFound);
                }

                cloud = managed.Cloud;
            }

            var title = UserText.Line(input.Title);
            var description = UserText.Block(input.Description);
            var payKind = PayKindOf(job.BudgetType);
            var errors = ValidateTerms(title, description, payKind, input.Amount);
            if (errors.Count > 0)
            {
                return Result<int>.Failure([.. errors]);
            }

            if (await ActionLimiter.TryCountAsync(db, actor.UserId!, LimitedAction.Offer, uow.Now, ct) is { } limited)
            {
                return Result<int>.Failure(limited);
            }

            var tasks = cloud is null ? [] : await CloudOnboardingService.TasksOfAsync(db, cloud.Id, ct);
            var offer = Offer.Send(org.Id, cloud?.Id, profile.Id, proposal.Id, title, description, payKind, input.Amount, CleanTasks(tasks),
                actor.UserId!, uow.Now);
            var approvalReason = OfferApprovals.ReasonFor(role, org, payKind, input.Amount);
            offer.Submit(approvalReason, uow.Now);
            db.Offers.Add(offer);
            await uow.SaveAsync();

            var placement = cloud is null ? "no Talent Cloud" : cloud.Name;
            var subject = $"\"{title}\" to {profile.DisplayName} from proposal {proposal.Id} to {job.Title}";
            if (approvalReason is null)
            {
                uow.Audit(actor, "offer.sent", subject, $"Open, {tasks.Count} task(s); cloud: {placement}", cloud?.Id, profile.Id, org.Id);
                OfferApprovals.NotifyFreelancer(db, offer, profile, org.Name, cloud?.Name, actor.DisplayName, uow.Now, job.Title);
            }
            else
            {
                uow.Audit(actor, AuditActions.OfferSubmittedForApproval, subject,
                    $"Awaiting approval ({approvalReason}), {tasks.Count} task(s); cloud: {placement}", cloud?.Id, profile.Id, org.Id);
                await OfferApprovals.NotifyApproversAsync(db, offer, actor, profile.DisplayName, approvalReason, uow.Now, ct);
            }

            return Result<int>.Success(offer.Id);
        }, ct, Duplicate<Result<int>>.RunAgain(Offer.OnePendingPerProposalIndex));
    }

    /// <summary>Why hiring from this proposal is not possible right now, or null. Shared by the direct hire and the offer route.</summary>
    internal static async Task<string?> HireRefusalAsync(AppDbContext db, Proposal proposal, Job job, string applicant, CancellationToken ct)
    {
        if (proposal.Status == ProposalStatus.Hired)
        {
            return ProposalErrors.AlreadyHired(applicant);
        }

        if (proposal.Status != ProposalStatus.Submitted)
        {
            return ProposalErrors.NotSubmitted;
        }

        if (!job.IsOpen)
        {
            return JobErrors.AlreadyClosed;
        }

        return await db.Offers.Pending().AnyAsync(o => o.ProposalId == proposal.Id, ct)
            ? ProposalErrors.OfferAlreadySent(applicant)
            : null;
    }

    private sealed record ProposalFacts(Proposal Proposal, Job Job, Profile Profile, Organization Organization);

    /// <summary>The proposal with its job, applicant and organisation when the actor acts for the job's organisation; null otherwise.</summary>
    private static async Task<ProposalFacts?> ProposalFactsAsync(AppDbContext db, Actor actor, int proposalId, CancellationToken ct)
    {
        var row = await (from p in db.Proposals
                         join j in db.Jobs on p.JobId equals j.Id
                         join pr in db.Profiles on p.ProfileId equals pr.Id
                         join o in db.Organizations on j.OrganizationId equals o.Id
                         where p.Id == proposalId
                         select new ProposalFacts(p, j, pr, o)).AsNoTracking().SingleOrDefaultAsync(ct);
        return row is null || !actor.BelongsTo(row.Job.OrganizationId) || row.Proposal.Status == ProposalStatus.Withdrawn ? null : row;
    }

    private static PayKind PayKindOf(BudgetType type) => type == BudgetType.Hourly ? PayKind.Hourly : PayKind.FixedPrice;
}
