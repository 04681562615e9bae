using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Audit;
using TalentCloud.Core.Common;
using TalentCloud.Core.Data;
using TalentCloud.Core.Notifications;
using TalentCloud.Core.Organizations;
using TalentCloud.Core.Profiles;

namespace TalentCloud.Core.Offers;

/// <summary>One draft in the approval queue on <c>/org</c>, with what the viewer may do with it.</summary>
public sealed record OfferApprovalItem(int Id, string Title, string ProfileName, string ProfileUrl, string CloudName, PayKind PayKind, int Amount,
    string Author, DateTimeOffset SubmittedAt, string Reason, bool CanApprove, bool CanReject, bool CanWithdraw, string? Notice)
{
    public string PayText => PayKind == PayKind.Hourly ? $"${Amount:N0}/hr" : $"${Amount:N0} fixed price";
}

public sealed record OfferApprovalQueue(IReadOnlyList<OfferApprovalItem> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// The approval step of offers: the queue (owners and hiring managers see every draft, recruiters their own), approving — the
/// offer then reaches the freelancer — and rejecting with a reason. The author is told either way; each step is audited.
/// Decisions run in one write transaction that re-reads the offer's status, so a double-click approves once.
/// </summary>
public sealed class OfferApprovalService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public const int DefaultPageSize = 10;

    /// <summary>The drafts awaiting approval, oldest first; null when the actor acts for no organisation.</summary>
    public async Task<OfferApprovalQueue?> ListAsync(Actor actor, int page = 1, int pageSize = DefaultPageSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Organizations.Count == 0)
        {
            return null;
        }

        var (orgId, role) = actor.Organizations.OrderBy(o => o.Key).First();
        var seesAll = OrganizationPermissions.Allows(role, OrganizationAction.ApproveOffers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var org = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == orgId, ct);
        var drafts = db.Offers.AsNoTracking().Where(o => o.OrganizationId == orgId && o.Status == OfferStatus.AwaitingApproval
            && (seesAll || o.CreatedByUserId == actor.UserId));
        var total = await drafts.CountAsync(ct);
        pageSize = Math.Clamp(pageSize, 1, 50);
        page = Math.Clamp(page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var rows = await (from o in drafts
                          join p in db.Profiles on o.ProfileId equals p.Id
                          orderby o.CreatedAt, o.Id
                          select new
                          {
                              Offer = o,
                              Cloud = db.Clouds.Where(c => c.Id == o.CloudId).Select(c => c.Name).FirstOrDefault(),
                              Profile = p.DisplayName,
                              p.Handle,
                              p.Kind,
                              Author = db.Users.Where(u => u.Id == o.CreatedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                          }).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var items = rows.Select(r =>
        {
            var (canApprove, canReject, notice) = OfferApprovals.Decision(actor, r.Offer, org.HasEnterpriseSubscription, org.Name);
            return new OfferApprovalItem(r.Offer.Id, r.Offer.Title, r.Profile, ProfileUrl(r.Kind, r.Handle), r.Cloud ?? OfferService.NoCloudName, r.Offer.PayKind, r.Offer.Amount,
                r.Author ?? "", r.Offer.CreatedAt, r.Offer.ApprovalReason ?? "", canApprove, canReject, OfferApprovals.MayWithdraw(actor, r.Offer), notice);
        }).ToList();
        return new OfferApprovalQueue(items, total, page, pageSize);
    }

    /// <summary>Approves a draft: the freelancer receives the offer now. Refused for its author, recruiters, and while the subscription is not active.</summary>
    public Task<Result> ApproveAsync(Actor actor, int offerId, CancellationToken ct = default) =>
        DecideAsync(actor, offerId, approve: true, reason: null, ct);

    /// <summary>Rejects a draft with a reason its author is told; the freelancer never hears of it.</summary>
    public Task<Result> RejectAsync(Actor actor, int offerId, string? reason, CancellationToken ct = default) =>
        DecideAsync(actor, offerId, approve: false, reason, ct);

    private Task<Result> DecideAsync(Actor actor, int offerId, bool approve, string? reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        reason = UserText.Block(reason);
        if (!approve && reason.Length == 0)
        {
            return Task.FromResult(Result.Failure("Give a reason for the rejection; the author is told it."));
        }

        if (reason.Length > Offer.RejectionReasonMaxLength)
        {
            return Task.FromResult(Result.Failure($"The reason is at most {Offer.RejectionReasonMaxLength:N0} characters."));
        }

        return UnitOfWork.RunAsync(dbFactory, clock, async uow =>
        {
            var db = uow.Db;
            // The offer is held: a second decision (a double-click, or another approver) waits and then finds it decided.
            await uow.LockAsync<Offer>(offerId);
            var offer = await db.Offers.SingleOrDefaultAsync(o => o.Id == offerId, ct);
            if (offer is null || !actor.BelongsTo(offer.OrganizationId))
            {
                return Result.NotFound(OfferService.NotFound);
            }

            var org = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == offer.OrganizationId, ct);
            if (offer.Status != OfferStatus.AwaitingApproval)
            {
                return Result.Failure(await AlreadyDecidedAsync(db, offer, ct));
            }

            var (canApprove, canReject, notice) = OfferApprovals.Decision(actor, offer, org.HasEnterpriseSubscription, org.Name);
            if (!(approve ? canApprove : canReject))
            {
                return Result.Failure(notice ?? OrganizationPermissions.Refusal(actor.RoleIn(offer.OrganizationId)!.Value, OrganizationAction.ApproveOffers));
            }

            var profile = await db.Profiles.AsNoTracking().SingleAsync(p => p.Id == offer.ProfileId, ct);
            var cloudName = await db.Clouds.Where(c => c.Id == offer.CloudId).Select(c => c.Name).FirstOrDefaultAsync(ct);
            var jobTitle = await (from pr in db.Proposals join j in db.Jobs on pr.JobId equals j.Id where pr.Id == offer.ProposalId select j.Title)
                .FirstOrDefaultAsync(ct);
            var author = await db.Users.Where(u => u.Id == offer.CreatedByUserId).Select(u => u.DisplayName).SingleAsync(ct);
            var subject = $"\"{offer.Title}\" to {profile.DisplayName} for {cloudName ?? "no Talent Cloud"}, drafted by {author}";
            if (approve)
            {
                offer.Approve(actor.UserId!, uow.Now);
                uow.Audit(actor, AuditActions.OfferApproved, subject, "Approved; sent to the freelancer", offer.CloudId, profile.Id, org.Id);
                OfferApprovals.NotifyFreelancer(db, offer, profile, org.Name, cloudName, author, uow.Now, jobTitle);
            }
            else
            {
                offer.Reject(actor.UserId!, reason, uow.Now);
                uow.Audit(actor, AuditActions.OfferRejected, subject, $"Rejected: {reason}", offer.CloudId, profile.Id, org.Id);
            }

            // The author hears of the decision while they still belong to the organisation.
            if (await db.OrganizationMembers.AnyAsync(m => m.OrganizationId == org.Id && m.UserId == offer.CreatedByUserId, ct))
            {
                uow.Notify(offer.CreatedByUserId, NotificationKind.General,
                    approve ? $"Your offer was approved: {offer.Title}" : $"Your offer was not approved: {offer.Title}",
                    approve
                        ? $"{actor.DisplayName} approved your offer to {profile.DisplayName}; {profile.DisplayName} has received it."
                        : $"{actor.DisplayName} rejected your offer to {profile.DisplayName}. Reason: {reason}",
                    $"/offers/{offer.Id}", offer.CloudId);
            }

            return Result.Success;
        }, ct);
    }

    private static async Task<string> AlreadyDecidedAsync(AppDbContext db, Offer offer, CancellationToken ct)
    {
        var by = offer.DecidedByUserId is null ? null
            : await db.Users.Where(u => u.Id == offer.DecidedByUserId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        return offer.Status switch
        {
            OfferStatus.Rejected => $"This offer was already rejected{(by is null ? "" : $" by {by}")}.",
            OfferStatus.Withdrawn or OfferStatus.Declined or OfferStatus.Accepted => $"This offer is already {OfferApprovals.StatusText(offer.Status)}.",
            _ => $"This offer was already approved{(by is null ? "" : $" by {by}")}.",
        };
    }

    private static string ProfileUrl(ProfileKind kind, string handle) => (kind == ProfileKind.Agency ? "/agencies/" : "/freelancers/") + handle;
}
