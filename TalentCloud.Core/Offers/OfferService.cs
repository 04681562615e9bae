using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Audit;
using TalentCloud.Core.Clouds;
using TalentCloud.Core.Common;
using TalentCloud.Core.Contracts;
using TalentCloud.Core.Data;
using TalentCloud.Core.Memberships;
using TalentCloud.Core.Notifications;
using TalentCloud.Core.Organizations;
using TalentCloud.Core.Proposals;

namespace TalentCloud.Core.Offers;

public sealed record OnboardingTaskInput(OnboardingTaskKind Kind, string Title, string Text);

public sealed record OfferInput(int CloudId, int ProfileId, string Title, string Description, PayKind PayKind, int Amount, IReadOnlyList<OnboardingTaskInput> Tasks);

public sealed record OnboardingTaskView(int Id, OnboardingTaskKind Kind, string Title, string Text, TaskParty WaitingFor, string Status, bool IsComplete,
    bool CanComplete, bool CanConsent, bool CanRecordResult);

/// <summary>
/// An offer as one of its two sides sees it: every task, whose move it is, and exactly what still blocks acceptance. The
/// organisation's side also sees the approval step: why the offer waits (<see cref="ApprovalReason"/>), who decided, a
/// rejection's reason, and whether the viewer may approve or reject it. <see cref="IsPaused"/>: the organisation's Enterprise
/// subscription is not active, so nothing on the offer can move until it is renewed. <see cref="CloudId"/> and
/// <see cref="CloudName"/> are null for an offer from a proposal that places nobody in a cloud; <see cref="JobTitle"/> names
/// the job whose proposal it hires from.
/// </summary>
public sealed record OfferView(int Id, string Title, string Description, PayKind PayKind, int Amount, OfferStatus Status,
    string OrganizationName, int? CloudId, string? CloudName, int ProfileId, string ProfileName, string ProfileUrl, string SentBy, DateTimeOffset SentAt,
    bool IsFreelancerSide, bool IsEnterpriseSide, IReadOnlyList<OnboardingTaskView> Tasks, IReadOnlyList<string> Blockers,
    bool CanAccept, bool CanDecline, bool CanWithdraw, int? ContractId, DateTimeOffset? ClosedAt,
    bool IsPaused, string? PausedReason, string? ApprovalReason, string? DecidedBy, DateTimeOffset? DecidedAt, string? RejectionReason,
    bool CanApprove, bool CanReject, string? ApprovalNotice, int? ProposalId = null, string? JobTitle = null)
{
    public string PayText => PayKind == PayKind.Hourly ? $"${Amount:N0}/hr" : $"${Amount:N0} fixed price";

    /// <summary>"Open", "Paused", "Awaiting approval", "Rejected"…: the status as both sides read it.</summary>
    public string StatusText => IsPaused ? "Paused" : Status == OfferStatus.AwaitingApproval ? "Awaiting approval" : Status.ToString();

    /// <summary>Whether the offer is still open to its freelancer (accept when nothing blocks it, or decline).</summary>
    public bool IsOpenToFreelancer => CanDecline;

    /// <summary>What accepting does, in words for the page.</summary>
    public string PlacementText => CloudName is null
        ? $"Accepting starts the contract between {OrganizationName} and {ProfileName}; this offer places nobody in a Talent Cloud."
        : $"Accepting starts the contract and makes {ProfileName} an Active member of {CloudName} right away.";

    /// <summary>"Hired from the proposal to …", when the offer came from a proposal.</summary>
    public string? OriginText => JobTitle is null ? null : $"Hired from {ProfileName}'s proposal to \"{JobTitle}\".";
}

/// <summary>
/// What the new-offer form may offer the actor: the organisation's clouds, whether an offer can be sent now (and why not),
/// and whether it will wait for an approver.
/// </summary>
public sealed record OfferFormOptions(int OrganizationId, string OrganizationName, IReadOnlyList<Jobs.CloudChoice> Clouds, bool CanSend, string? Notice,
    string? ApprovalNote);

/// <summary>Offers with onboarding tasks: the second way to join a cloud, with automatic placement on acceptance.</summary>
public sealed partial class OfferService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public const string NotFound = "That offer does not exist.";

    /// <summary>The new-offer form's options; null when the actor acts for no organisation with clouds (the page answers 404).</summary>
    public async Task<OfferFormOptions?> GetFormOptionsAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await CloudAccess.CloudOrganizationAsync(db, actor, ct) is not { } found)
        {
            return null;
        }

        var (org, role) = found;
        var clouds = await db.Clouds.Where(c => c.OrganizationId == org.Id).OrderBy(c => c.Name).Select(c => new Jobs.CloudChoice(c.Id, c.Name)).ToListAsync(ct);
        var notice = !OrganizationPermissions.Allows(role, OrganizationAction.DraftOffers) ? OrganizationPermissions.Refusal(role, OrganizationAction.DraftOffers)
            : !org.HasEnterpriseSubscription ? SubscriptionErrors.Inactive(org.Name, org.EnterpriseEndsAt, SubscriptionErrors.NoNewOffers)
            : clouds.Count == 0 ? "Your organisation has no Talent Cloud yet; an offer places its freelancer in one."
            : null;
        string? approval = null;
        if (!OrganizationPermissions.Allows(role, OrganizationAction.SendOffers))
        {
            approval = $"Your offers wait for approval by {OrganizationPermissions.WhoMay(OrganizationAction.ApproveOffers)} before the freelancer sees them.";
        }
        else if (org.OfferApprovalHourlyAbove is not null || org.OfferApprovalFixedAbove is not null)
        {
            var limits = new[]
            {
                org.OfferApprovalHourlyAbove is { } h ? $"${h:N0}/hr" : null,
                org.OfferApprovalFixedAbove is { } f ? $"${f:N0} fixed" : null,
            }.OfType<string>();
            approval = $"Offers above {string.Join(" or ", limits)} wait for approval by another owner or hiring manager before the freelancer sees them.";
        }

        return new OfferFormOptions(org.Id, org.Name, clouds, notice is null, notice, approval);
    }

    /// <summary>Sends an offer from the organisation that owns the target cloud, to a freelancer or agency.</summary>
    public Task<Result<int>> CreateAsync(Actor actor, OfferInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        return UnitOfWork.RunAsync(dbFactory, clock, async uow =>
        {
            var db = uow.Db;
            var managed = await CloudAccess.FindManagedAsync(db, actor, input.CloudId, ct);
            if (managed is null)
            {
                return Result<int>.NotFound(CloudAccess.NotFound);
            }

            if ((managed.RefuseUnless(OrganizationAction.DraftOffers) ?? managed.RefuseUnlessSubscribed(SubscriptionErrors.NoNewOffers)) is { } refusal)
            {
                return Result<int>.Failure(refusal);
            }

            var profile = await db.Profiles.AsNoTracking().SingleOrDefaultAsync(p => p.Id == input.ProfileId, ct);
            if (profile is null)
            {
                return Result<int>.Failure("That freelancer or agency does not exist.");
            }

            var title = UserText.Line(input.Title);
            var description = UserText.Block(input.Description);
            var tasks = input.Tasks ?? [];
            var errors = ValidateTerms(title, description, input.PayKind, input.Amount);
            errors.AddRange(ValidateTasks(tasks));
            if (errors.Count > 0)
            {
                return Result<int>.Failure([.. errors]);
            }

            if (await ActionLimiter.TryCountAsync(db, actor.UserId!, LimitedAction.Offer, uow.Now, ct) is { } limited)
            {
                return Result<int>.Failure(limited);
            }

            var offer = Offer.Send(managed.Organization.Id, managed.Cloud.Id, profile.Id, proposalId: null, title, description, input.PayKind,
                input.Amount, CleanTasks(tasks), actor.UserId!, uow.Now);
            var approvalReason = OfferApprovals.ReasonFor(managed.Role, managed.Organization, input.PayKind, input.Amount);
            offer.Submit(approvalReason, uow.Now);
            db.Offers.Add(offer);
            await uow.SaveAsync();
            var subject = $"\"{title}\" to {profile.DisplayName} for {managed.Cloud.Name}";
            if (approvalReason is null)
            {
                uow.Audit(actor, "offer.sent", subject, $"Open, {tasks.Count} task(s)", managed.Cloud.Id, profile.Id, managed.Organization.Id);
                OfferApprovals.NotifyFreelancer(db, offer, profile, managed.Organization.Name, managed.Cloud.Name, actor.DisplayName, uow.Now);
            }
            else
            {
                uow.Audit(actor, AuditActions.OfferSubmittedForApproval, subject, $"Awaiting approval ({approvalReason}), {tasks.Count} task(s)",
                    managed.Cloud.Id, profile.Id, managed.Organization.Id);
                await OfferApprovals.NotifyApproversAsync(db, offer, actor, profile.DisplayName, approvalReason, uow.Now, ct);
            }

            return Result<int>.Success(offer.Id);
        }, ct);
    }

    /// <summary>The offer's own terms: a title, an optional description, the kind of pay and an amount in range.</summary>
    internal static List<string> ValidateTerms(string title, string description, PayKind payKind, int amount)
    {
        var errors = new List<string>();
        if (title.Length == 0)
        {
            errors.Add("Give the offer a title.");
        }
        else if (title.Length > Offer.TitleMaxLength)
        {
            errors.Add($"The title is at most {Offer.TitleMaxLength} characters.");
        }

        if (description.Length > Offer.DescriptionMaxLength)
        {
            errors.Add($"The description is at most {Offer.DescriptionMaxLength:N0} characters.");
        }

        if (!Enum.IsDefined(payKind))
        {
            errors.Add("Choose hourly rate or fixed price.");
        }

        if (amount is < 1 or > Offer.MaxAmount)
        {
            errors.Add($"The amount must be between $1 and ${Offer.MaxAmount:N0}.");
        }

        return errors;
    }

    /// <summary>Onboarding tasks, for an offer or as a cloud's standard set: at most ten, each with a kind, a title and its text.</summary>
    internal static List<string> ValidateTasks(IReadOnlyList<OnboardingTaskInput> tasks)
    {
        var errors = new List<string>();
        if (tasks.Count > Offer.MaxTasks)
        {
            errors.Add($"At most {Offer.MaxTasks} onboarding tasks.");
        }

        foreach (var (task, index) in tasks.Select((t, i) => (t, i + 1)))
        {
            if (!Enum.IsDefined(task.Kind))
            {
                errors.Add($"Task {index}: unknown kind.");
                continue;
            }

            var taskTitle = UserText.Line(task.Title);
            if (taskTitle.Length == 0 || taskTitle.Length > OnboardingTask.TitleMaxLength)
            {
                errors.Add($"Task {index}: the title is required and at most {OnboardingTask.TitleMaxLength} characters.");
            }

            var text = UserText.Block(task.Text);
            if (task.Kind != OnboardingTaskKind.BackgroundCheck && text.Length == 0)
            {
                errors.Add($"Task {index}: give the text to {(task.Kind == OnboardingTaskKind.Agreement ? "accept" : "acknowledge")}.");
            }
            else if (text.Length > OnboardingTask.TextMaxLength)
            {
                errors.Add($"Task {index}: the text is at most {OnboardingTask.TextMaxLength:N0} characters.");
            }
        }

        return errors;
    }

    /// <summary>Validated task input, cleaned as the offer keeps it.</summary>
    private static IEnumerable<(OnboardingTaskKind Kind, string Title, string Text)> CleanTasks(IReadOnlyList<OnboardingTaskInput> tasks) =>
        tasks.Select(t => (t.Kind, UserText.Line(t.Title), UserText.Block(t.Text)));

    /// <summary>The offer for the freelancer it was made to or the offering organisation's people; null for anyone else.</summary>
    public async Task<OfferView?> GetAsync(Actor actor, int offerId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var offer = await db.Offers.AsNoTracking().Include(o => o.Tasks).SingleOrDefaultAsync(o => o.Id == offerId, ct);
        if (offer is null || !CanSee(actor, offer))
        {
            return null;
        }

        var freelancerSide = actor.OwnsProfile(offer.ProfileId) && offer.IsVisibleToFreelancer;
        var enterpriseSide = actor.BelongsTo(offer.OrganizationId);
        var names = await (from o in db.Organizations
                           from p in db.Profiles
                           where o.Id == offer.OrganizationId && p.Id == offer.ProfileId
                           select new
                           {
                               Org = o.Name,
                               o.HasEnterpriseSubscription,
                               Cloud = db.Clouds.Where(c => c.Id == offer.CloudId).Select(c => c.Name).FirstOrDefault(),
                               Job = (from pr in db.Proposals
                                      join j in db.Jobs on pr.JobId equals j.Id
                                      where pr.Id == offer.ProposalId
                                      select j.Title).FirstOrDefault(),
                               Profile = p.DisplayName,
                               p.Handle,
                               p.Kind,
                           }).SingleAsync(ct);
        var userIds = offer.Tasks.SelectMany(t => new[] { t.CompletedByUserId, t.ConsentByUserId, t.ResultByUserId })
            .Append(offer.CreatedByUserId).Append(offer.DecidedByUserId)
            .OfType<string>().Distinct().ToList();
        var users = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        string Name(string? id) => id is not null && users.TryGetValue(id, out var n) ? n : "someone";

        var now = clock.GetUtcNow();
        var paused = OfferApprovals.IsPaused(offer, names.HasEnterpriseSubscription);
        var open = offer.IsOpen && !paused;
        var role = actor.RoleIn(offer.OrganizationId);
        var mayRecord = role is { } r && OrganizationPermissions.Allows(r, OrganizationAction.Hire);
        var tasks = offer.Tasks.OrderBy(t => t.Position).Select(t => new OnboardingTaskView(
            t.Id, t.Kind, t.Title, t.Text, open ? t.WaitingFor(now) : TaskParty.Nobody, TaskStatus(t, now, Name, names.Org), t.IsComplete(now),
            CanComplete: open && freelancerSide && t.Kind != OnboardingTaskKind.BackgroundCheck && t.CompletedAt is null,
            CanConsent: open && freelancerSide && t.Kind == OnboardingTaskKind.BackgroundCheck && t.CheckResult == BackgroundCheckResult.None && !t.HasLiveConsent(now),
            CanRecordResult: open && mayRecord && t.Kind == OnboardingTaskKind.BackgroundCheck && t.CheckResult == BackgroundCheckResult.None && t.HasLiveConsent(now)))
            .ToList();
        var blockers = paused ? [SubscriptionErrors.OfferPaused(names.Org)] : Blockers(offer, now, names.Org);
        var decision = OfferApprovals.Decision(actor, offer, names.HasEnterpriseSubscription, names.Org);
        return new OfferView(offer.Id, offer.Title, offer.Description, offer.PayKind, offer.Amount, offer.Status, names.Org, offer.CloudId, names.Cloud,
            offer.ProfileId, names.Profile, (names.Kind == Profiles.ProfileKind.Agency ? "/agencies/" : "/freelancers/") + names.Handle,
            Name(offer.CreatedByUserId), offer.ReleasedAt ?? offer.CreatedAt, freelancerSide, enterpriseSide, tasks, blockers,
            CanAccept: freelancerSide && blockers.Count == 0, CanDecline: freelancerSide && offer.Status == OfferStatus.Open,
            CanWithdraw: OfferApprovals.MayWithdraw(actor, offer), offer.ContractId, offer.ClosedAt,
            paused, paused ? SubscriptionErrors.OfferPaused(names.Org) : null,
            enterpriseSide ? offer.ApprovalReason : null, enterpriseSide && offer.DecidedByUserId is not null ? Name(offer.DecidedByUserId) : null,
            enterpriseSide ? offer.DecidedAt : null, enterpriseSide ? offer.RejectionReason : null,
            decision.CanApprove, decision.CanReject, enterpriseSide ? decision.Notice : null, offer.ProposalId, names.Job);
    }

    /// <summary>The freelancer accepts an agreement or acknowledges a document; who and when are recorded.</summary>
    public Task<Result> CompleteTaskAsync(Actor actor, int taskId, CancellationToken ct = default) =>
        TaskActionAsync(actor, taskId, freelancer: true, (task, now) => task.Complete(actor.UserId!, now),
            task => task.Kind == OnboardingTaskKind.Agreement ? "offer.agreement-accepted" : "offer.document-acknowledged", ct);

    /// <summary>The freelancer consents to a background check (again, if an earlier consent lapsed without a result).</summary>
    public Task<Result> GiveConsentAsync(Actor actor, int taskId, CancellationToken ct = default) =>
        TaskActionAsync(actor, taskId, freelancer: true, (task, now) => task.GiveConsent(actor.UserId!, now), _ => "offer.check-consented", ct);

    /// <summary>The offering organisation records the background check's result; needs a live consent.</summary>
    public Task<Result> RecordCheckResultAsync(Actor actor, int taskId, bool passed, CancellationToken ct = default) =>
        TaskActionAsync(actor, taskId, freelancer: false, (task, now) => task.RecordResult(passed, actor.UserId!, now),
            _ => "offer.check-result-recorded", ct);

    /// <summary>
    /// The freelancer accepts: only when every task is complete and no check failed. Starts a contract and places the profile
    /// in the target cloud as Active without its criteria (a pending membership becomes Active). The offer is held while
    /// it is answered, so it runs once even if sent twice, and never beside a withdrawal or a task change.
    /// </summary>
    public Task<Result<int>> AcceptAsync(Actor actor, int offerId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return UnitOfWork.RunAsync(dbFactory, clock, async uow =>
        {
            var db = uow.Db;
            await uow.LockAsync<Offer>(offerId);
            var offer = await db.Offers.Include(o => o.Tasks).SingleOrDefaultAsync(o => o.Id == offerId, ct);
            if (offer is null || !actor.OwnsProfile(offer.ProfileId) || !offer.IsVisibleToFreelancer)
            {
                return Result<int>.NotFound(NotFound);
            }

            var org = await db.Organizations.AsNoTracking().Where(o => o.Id == offer.OrganizationId)
                .Select(o => new { o.Name, o.HasEnterpriseSubscription }).SingleAsync(ct);
            var orgName = org.Name;
            var blockers = OfferApprovals.IsPaused(offer, org.HasEnterpriseSubscription) ? [SubscriptionErrors.OfferPaused(orgName)] : Blockers(offer, uow.Now, orgName);
            if (blockers.Count > 0)
            {
                return Result<int>.Failure([.. blockers]);
            }

            var cloud = offer.CloudId is int cloudId ? await db.Clouds.AsNoTracking().SingleAsync(c => c.Id == cloudId, ct) : null;
            var profile = await db.Profiles.AsNoTracking().SingleAsync(p => p.Id == offer.ProfileId, ct);
            // An offer from a proposal hires the proposal too; it is held like a hiring manager's decision on it would hold it.
            var proposal = offer.ProposalId is int proposalId ? await ProposalService.LockedAsync(uow, proposalId, ct) : null;
            var contract = new Contract
            {
                OrganizationId = offer.OrganizationId,
                ProfileId = offer.ProfileId,
                Title = Text.Truncate(offer.Title, Contract.TitleMaxLength),
                OfferId = offer.Id,
                StartedByUserId = offer.CreatedByUserId,
                StartedAt = uow.Now,
            };
            db.Contracts.Add(contract);
            offer.Accept(uow.Now);
            var placement = cloud is null
                ? "No Talent Cloud"
                : MembershipPlacement.Describe(await MembershipPlacement.PlaceActiveAsync(db, cloud.Id, offer.ProfileId, JoinMethod.Contract,
                    offer.CreatedByUserId, uow.Now, ct));
            if (proposal is { Status: ProposalStatus.Submitted })
            {
                proposal.Hire(uow.Now);
            }

            await uow.SaveAsync();
            offer.LinkContract(contract.Id);

            var subject = $"\"{offer.Title}\" for {profile.DisplayName}" + (cloud is null ? "" : $" in {cloud.Name}");
            uow.Audit(actor, "offer.accepted", subject, $"Contract started; {placement}" + (proposal is null ? "" : $"; proposal {proposal.Id} hired"),
                cloud?.Id, profile.Id, offer.OrganizationId);
            if (cloud is not null)
            {
                uow.Audit(actor, "membership.joined", $"{profile.DisplayName} in {cloud.Name}", $"By contract; {placement}", cloud.Id, profile.Id,
                    offer.OrganizationId);
            }

            uow.Notify(offer.CreatedByUserId, NotificationKind.General, $"{profile.DisplayName} accepted your offer",
                $"{profile.DisplayName} accepted \"{offer.Title}\". The contract has started"
                + (cloud is null ? "." : $" and they are an Active member of {cloud.Name}."),
                $"/offers/{offer.Id}", cloud?.Id);
            return Result<int>.Success(contract.Id);
        }, ct, Duplicate<Result<int>>.RunAgain(CloudMembership.OnePerCloudIndex));
    }

    /// <summary>The freelancer declines; possible at any time while the offer is open.</summary>
    public Task<Result> DeclineAsync(Actor actor, int offerId, CancellationToken ct = default) =>
        CloseAsync(actor, offerId, OfferStatus.Declined, ct);

    /// <summary>The offering organisation withdraws the offer; possible until it is accepted.</summary>
    public Task<Result> WithdrawAsync(Actor actor, int offerId, CancellationToken ct = default) =>
        CloseAsync(actor, offerId, OfferStatus.Withdrawn, ct);

    private Task<Result> CloseAsync(Actor actor, int offerId, OfferStatus to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return UnitOfWork.RunAsync(dbFactory, clock, async uow =>
        {
            var db = uow.Db;
            await uow.LockAsync<Offer>(offerId);
            var offer = await db.Offers.SingleOrDefaultAsync(o => o.Id == offerId, ct);
            if (offer is null || !CanSee(actor, offer))
            {
                return Result.NotFound(NotFound);
            }

            var allowed = to == OfferStatus.Declined ? actor.OwnsProfile(offer.ProfileId) && offer.IsVisibleToFreelancer : actor.BelongsTo(offer.OrganizationId);
            if (!allowed)
            {
                // The other side of an offer sees it, but may not close it the other side's way.
                return Result.Failure(to == OfferStatus.Declined ? "Only the freelancer can decline this offer." : "Only the offering organisation can withdraw this offer.");
            }

            var closable = offer.IsOpen || (to == OfferStatus.Withdrawn && offer.Status == OfferStatus.AwaitingApproval);
            if (!closable)
            {
                return Result.Failure($"This offer is already {OfferApprovals.StatusText(offer.Status)}.");
            }

            if (to == OfferStatus.Withdrawn && !OfferApprovals.MayWithdraw(actor, offer))
            {
                return Result.Failure(OfferApprovals.WithdrawRefusal(actor.RoleIn(offer.OrganizationId)!.Value));
            }

            var profile = await db.Profiles.AsNoTracking().SingleAsync(p => p.Id == offer.ProfileId, ct);
            if (to == OfferStatus.Declined)
            {
                offer.Decline(uow.Now);
                uow.Notify(offer.CreatedByUserId, NotificationKind.General, $"{profile.DisplayName} declined your offer",
                    $"{profile.DisplayName} declined \"{offer.Title}\"." + (offer.ProposalId is null ? "" : " Their proposal is open again: you can hire from it later."),
                    $"/offers/{offer.Id}", offer.CloudId);
            }
            else
            {
                var wasVisible = offer.IsVisibleToFreelancer;
                offer.Withdraw(uow.Now);
                if (wasVisible)
                {
                    uow.Notify(profile.OwnerUserId, NotificationKind.General, $"An offer was withdrawn: {offer.Title}",
                        $"The organisation withdrew its offer \"{offer.Title}\".", $"/offers/{offer.Id}");
                }
            }

            uow.Audit(actor, to == OfferStatus.Declined ? "offer.declined" : "offer.withdrawn", $"\"{offer.Title}\" for {profile.DisplayName}",
                to.ToString(), offer.CloudId, offer.ProfileId, offer.OrganizationId);
            return Result.Success;
        }, ct);
    }

    private Task<Result> TaskActionAsync(Actor actor, int taskId, bool freelancer, Func<OnboardingTask, DateTimeOffset, string?> change,
        Func<OnboardingTask, string> action, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return UnitOfWork.RunAsync(dbFactory, clock, async uow =>
        {
            var db = uow.Db;
            // The offer is held first: a task never changes while the offer is being accepted or closed.
            var offerId = await db.OnboardingTasks.Where(t => t.Id == taskId).Select(t => (int?)t.OfferId).SingleOrDefaultAsync(ct);
            if (offerId is not null)
            {
                await uow.LockAsync<Offer>(offerId.Value);
            }

            var task = offerId is null ? null : await db.OnboardingTasks.SingleAsync(t => t.Id == taskId, ct);
            var offer = offerId is null ? null : await db.Offers.SingleAsync(o => o.Id == offerId.Value, ct);
            if (task is null || offer is null || !CanSee(actor, offer))
            {
                return Result.NotFound("That task does not exist.");
            }

            if (freelancer && !actor.OwnsProfile(offer.ProfileId))
            {
                return Result.Failure("Only the freelancer the offer was made to can do this task.");
            }

            if (!freelancer && !actor.BelongsTo(offer.OrganizationId))
            {
                return Result.Failure("Only the offering organisation can record a background check's result.");
            }

            if (!freelancer && !actor.Can(offer.OrganizationId, OrganizationAction.Hire))
            {
                return Result.Failure(OrganizationPermissions.Refusal(actor.RoleIn(offer.OrganizationId)!.Value, OrganizationAction.Hire));
            }

            if (!offer.IsOpen)
            {
                return Result.Failure($"This offer is {OfferApprovals.StatusText(offer.Status)}; its tasks can no longer change.");
            }

            var org = await db.Organizations.AsNoTracking().Where(o => o.Id == offer.OrganizationId)
                .Select(o => new { o.Name, o.HasEnterpriseSubscription }).SingleAsync(ct);
            if (OfferApprovals.IsPaused(offer, org.HasEnterpriseSubscription))
            {
                return Result.Failure(SubscriptionErrors.OfferPaused(org.Name));
            }

            if (change(task, uow.Now) is { } error)
            {
                return Result.Failure(error);
            }

            // The log names the task and that something was recorded, never a check's result: only the two sides of the offer may know it.
            uow.Audit(actor, action(task), $"{task.Title} of offer \"{offer.Title}\"", "Done", offer.CloudId, offer.ProfileId, offer.OrganizationId);
            return Result.Success;
        }, ct);
    }

    /// <summary>The offering organisation's people always; the freelancer only once the offer reached them (approved or never needing approval).</summary>
    internal static bool CanSee(Actor actor, Offer offer) =>
        actor.BelongsTo(offer.OrganizationId) || (actor.OwnsProfile(offer.ProfileId) && offer.IsVisibleToFreelancer);

    private static string TaskStatus(OnboardingTask t, DateTimeOffset now, Func<string?, string> name, string org) => t.Kind switch
    {
        OnboardingTaskKind.BackgroundCheck => t.CheckResult switch
        {
            BackgroundCheckResult.Passed => $"Passed (recorded by {name(t.ResultByUserId)} on {t.ResultRecordedAt:d MMM yyyy})",
            BackgroundCheckResult.Failed => $"Failed (recorded by {name(t.ResultByUserId)} on {t.ResultRecordedAt:d MMM yyyy})",
            _ when t.HasLiveConsent(now) => $"Consent given by {name(t.ConsentByUserId)} on {t.ConsentGivenAt:d MMM yyyy}; waiting for {org} to record the result (consent lapses on {t.ConsentGivenAt + OnboardingTask.ConsentLifetime:d MMM yyyy})",
            _ when t.ConsentGivenAt is not null => $"Consent lapsed on {t.ConsentGivenAt + OnboardingTask.ConsentLifetime:d MMM yyyy} without a result; consent is needed again",
            _ => "Consent pending",
        },
        OnboardingTaskKind.Agreement => t.CompletedAt is null ? "Not accepted yet" : $"Accepted by {name(t.CompletedByUserId)} on {t.CompletedAt:d MMM yyyy HH:mm} UTC",
        _ => t.CompletedAt is null ? "Not acknowledged yet" : $"Acknowledged by {name(t.CompletedByUserId)} on {t.CompletedAt:d MMM yyyy HH:mm} UTC",
    };

    /// <summary>Everything that stops the freelancer from accepting right now, in words; empty when they can accept.</summary>
    private static List<string> Blockers(Offer offer, DateTimeOffset now, string org)
    {
        if (offer.Status != OfferStatus.Open)
        {
            return [$"This offer is {OfferApprovals.StatusText(offer.Status)}."];
        }

        var blockers = new List<string>();
        foreach (var t in offer.Tasks.OrderBy(t => t.Position))
        {
            var label = $"“{t.Title}”";
            switch (t.Kind)
            {
                case OnboardingTaskKind.BackgroundCheck when t.CheckResult == BackgroundCheckResult.Failed:
                    blockers.Add($"{label}: the background check failed, so this offer cannot be accepted.");
                    break;
                case OnboardingTaskKind.BackgroundCheck when t.CheckResult == BackgroundCheckResult.Passed:
                    break;
                case OnboardingTaskKind.BackgroundCheck when t.HasLiveConsent(now):
                    blockers.Add($"{label}: waiting for {org} to record the result of the background check (your move is done).");
                    break;
                case OnboardingTaskKind.BackgroundCheck when t.ConsentGivenAt is not null:
                    blockers.Add($"{label}: your consent lapsed after 7 days without a result; give consent again.");
                    break;
                case OnboardingTaskKind.BackgroundCheck:
                    blockers.Add($"{label}: waiting for your consent to the background check.");
                    break;
                case OnboardingTaskKind.Agreement when t.CompletedAt is null:
                    blockers.Add($"{label}: waiting for you to accept the agreement.");
                    break;
                case OnboardingTaskKind.DocumentAcknowledgement when t.CompletedAt is null:
                    blockers.Add($"{label}: waiting for you to acknowledge the document.");
                    break;
            }
        }

        return blockers;
    }
}
