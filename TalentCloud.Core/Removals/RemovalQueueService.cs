using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Common;
using TalentCloud.Core.Data;
using TalentCloud.Core.Invitations;
using TalentCloud.Core.Notifications;

namespace TalentCloud.Core.Removals;

public sealed record RemovalQueueQuery(
    RemovalStatus? Status = RemovalStatus.Pending,
    int? OrganizationId = null,
    int? CloudId = null,
    string? Member = null,
    int Page = 1,
    int PageSize = 20,
    RemovalQueueSort Sort = RemovalQueueSort.Requested,
    bool Descending = false);

/// <summary>The columns the admin queue can be ordered by; ties are broken by request time, then id.</summary>
public enum RemovalQueueSort
{
    /// <summary>When the member asked (oldest first unless descending): the queue's natural order.</summary>
    Requested = 0,
    Member = 1,
    Cloud = 2,
    Organization = 3,
    Status = 4,
}

public sealed record RemovalQueueItem(
    int Id,
    string MemberName,
    string MemberUrl,
    string CloudName,
    string OrganizationName,
    string Reason,
    RemovalStatus Status,
    DateTimeOffset RequestedAt,
    TimeSpan Age,
    DateTimeOffset? DecidedAt,
    string DecisionReason)
{
    /// <summary>Only a pending request can still be approved or rejected.</summary>
    public bool CanDecide => Status == RemovalStatus.Pending;
}

public sealed record RemovalQueuePage(IReadOnlyList<RemovalQueueItem> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// Leaving a cloud, the platform admins' side: the queue of requests, oldest first, and the decisions. Approval is
/// complete removal; every decision is a conditional update on the request's status, so two people acting at once
/// (or an approval racing the member's cancellation) get exactly one outcome.
/// </summary>
public sealed class RemovalQueueService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxPageSize = 100;

    /// <summary>The admin queue, oldest first. Null for anyone but a platform admin.</summary>
    public async Task<RemovalQueuePage?> GetQueueAsync(Actor actor, RemovalQueueQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(query);
        if (!actor.IsPlatformAdmin)
        {
            return null;
        }

        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = from r in db.RemovalRequests
                   join c in db.Clouds on r.CloudId equals c.Id
                   join o in db.Organizations on c.OrganizationId equals o.Id
                   join p in db.Profiles on r.ProfileId equals p.Id
                   select new { r, c, o, p };
        if (query.Status is { } status)
        {
            rows = rows.Where(x => x.r.Status == status);
        }

        if (query.OrganizationId is { } orgId)
        {
            rows = rows.Where(x => x.o.Id == orgId);
        }

        if (query.CloudId is { } cloudId)
        {
            rows = rows.Where(x => x.c.Id == cloudId);
        }

        var member = (query.Member ?? "").Trim();
        if (member.Length > 0)
        {
            var pattern = TextMatch.ContainsPattern(member.Length > 100 ? member[..100] : member);
            rows = rows.Where(x => EF.Functions.Like(TextMatch.Lower(x.p.DisplayName), pattern, TextMatch.Escape)
                || EF.Functions.Like(TextMatch.Lower(x.p.Handle), pattern, TextMatch.Escape));
        }

        var total = await rows.CountAsync(ct);
        // A page past the end shows the last page.
        var page = Math.Clamp(query.Page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var desc = query.Descending;
        var ordered = query.Sort switch
        {
            RemovalQueueSort.Member => desc ? rows.OrderByDescending(x => x.p.DisplayName) : rows.OrderBy(x => x.p.DisplayName),
            RemovalQueueSort.Cloud => desc ? rows.OrderByDescending(x => x.c.Name) : rows.OrderBy(x => x.c.Name),
            RemovalQueueSort.Organization => desc ? rows.OrderByDescending(x => x.o.Name) : rows.OrderBy(x => x.o.Name),
            RemovalQueueSort.Status => desc ? rows.OrderByDescending(x => x.r.Status) : rows.OrderBy(x => x.r.Status),
            _ => desc ? rows.OrderByDescending(x => x.r.RequestedAt) : rows.OrderBy(x => x.r.RequestedAt),
        };
        var items = await (desc ? ordered.ThenByDescending(x => x.r.RequestedAt).ThenByDescending(x => x.r.Id)
                                : ordered.ThenBy(x => x.r.RequestedAt).ThenBy(x => x.r.Id))
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(x => new
            {
                x.r.Id,
                x.p.DisplayName,
                x.p.Kind,
                x.p.Handle,
                CloudName = x.c.Name,
                OrganizationName = x.o.Name,
                x.r.Reason,
                x.r.Status,
                x.r.RequestedAt,
                x.r.DecidedAt,
                x.r.DecisionReason,
            })
            .AsNoTracking().ToListAsync(ct);
        var now = clock.GetUtcNow();
        return new RemovalQueuePage(
            [.. items.Select(i => new RemovalQueueItem(i.Id, i.DisplayName,
                (i.Kind == Profiles.ProfileKind.Agency ? "/agencies/" : "/freelancers/") + i.Handle,
                i.CloudName, i.OrganizationName, i.Reason, i.Status, i.RequestedAt, now - i.RequestedAt, i.DecidedAt, i.DecisionReason))],
            total, page, pageSize);
    }

    /// <summary>
    /// Complete removal, in one unit of work: the request becomes Approved only if it is still pending; then the
    /// membership, its notification settings and pending invitations of that cloud for that profile are deleted,
    /// the member is told and the step is audited.
    /// </summary>
    public Task<Result> ApproveAsync(Actor actor, int requestId, string? note = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var text = UserText.Block(note);
        if (DecisionRefusal(actor, text, reasonRequired: false) is { } refusal)
        {
            return Task.FromResult(Result.Failure(refusal));
        }

        return UnitOfWork.RunAsync(dbFactory, clock, async uow =>
        {
            var db = uow.Db;
            if (await DecideAsync(db, actor, requestId, RemovalStatus.Approved, text, uow.Now, ct) is { } failure)
            {
                return failure;
            }

            var facts = await RemovalFacts.RequestFactsAsync(db, requestId, ct);
            var memberships = await db.CloudMemberships
                .Where(m => m.CloudId == facts.CloudId && m.ProfileId == facts.ProfileId).ExecuteDeleteAsync(ct);
            var settings = await db.CloudNotificationSettings
                .Where(s => s.CloudId == facts.CloudId && s.ProfileId == facts.ProfileId).ExecuteDeleteAsync(ct);
            var invitations = await DeletePendingInvitationsAsync(db, facts.CloudId, facts.ProfileId, ct);

            uow.Notify(facts.OwnerUserId, NotificationKind.RemovalProcessed, $"You have left {facts.CloudName}",
                $"Your request to leave {facts.CloudName} was approved. {facts.ProfileName} is no longer a member: its jobs and " +
                "notifications stop, and the membership no longer shows on your profile. To rejoin you need a new invitation or offer.",
                "/my/talent-clouds");
            uow.Audit(actor, RemovalAuditActions.Approved, facts.Subject,
                $"Approved; complete removal: {memberships} membership, {settings} notification setting, {invitations} pending invitation(s) deleted"
                + (text.Length > 0 ? $"; note: {text}" : ""),
                facts.CloudId, facts.ProfileId, facts.OrganizationId);
            return Result.Success;
        }, ct);
    }

    /// <summary>Why an admin's decision with this note or reason cannot be taken (non-admins are told there is no such request).</summary>
    private static string? DecisionRefusal(Actor actor, string text, bool reasonRequired) =>
        !actor.IsPlatformAdmin ? RemovalErrors.RequestNotFound
        : reasonRequired && text.Length == 0 ? RemovalErrors.DecisionReasonRequired
        : text.Length > RemovalRequest.DecisionReasonMaxLength ? RemovalErrors.DecisionReasonTooLong
        : null;

    /// <summary>The admin keeps the membership and tells the member why.</summary>
    public Task<Result> RejectAsync(Actor actor, int requestId, string? reason, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var text = UserText.Block(reason);
        if (DecisionRefusal(actor, text, reasonRequired: true) is { } refusal)
        {
            return Task.FromResult(Result.Failure(refusal));
        }

        return UnitOfWork.RunAsync(dbFactory, clock, async uow =>
        {
            var db = uow.Db;
            if (await DecideAsync(db, actor, requestId, RemovalStatus.Rejected, text, uow.Now, ct) is { } failure)
            {
                return failure;
            }

            var facts = await RemovalFacts.RequestFactsAsync(db, requestId, ct);
            uow.Notify(facts.OwnerUserId, NotificationKind.RemovalProcessed, $"Your request to leave {facts.CloudName} was not approved",
                $"{facts.ProfileName} stays a member of {facts.CloudName}. The reason given: {text}", "/my/talent-clouds", facts.CloudId);
            uow.Audit(actor, RemovalAuditActions.Rejected, facts.Subject, $"Rejected; reason: {text}", facts.CloudId, facts.ProfileId, facts.OrganizationId);
            return Result.Success;
        }, ct);
    }

    /// <summary>Deletes the profile's pending invitations to the cloud (answered ones stay as history). Returns how many.</summary>
    public static Task<int> DeletePendingInvitationsAsync(AppDbContext db, int cloudId, int profileId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Invitations
            .Where(i => i.CloudId == cloudId && i.ProfileId == profileId && i.Status == InvitationStatus.Pending)
            .ExecuteDeleteAsync(ct);
    }

    private static async Task<Result?> DecideAsync(AppDbContext db, Actor actor, int requestId, RemovalStatus outcome, string reason,
        DateTimeOffset now, CancellationToken ct)
    {
        // The conditional update is the first statement of the transaction: whoever writes first wins, the other
        // finds the status changed and gets a message.
        var changed = await db.RemovalRequests
            .Where(r => r.Id == requestId && r.Status == RemovalStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, outcome)
                .SetProperty(r => r.DecidedAt, (DateTimeOffset?)now)
                .SetProperty(r => r.DecidedByUserId, actor.UserId)
                .SetProperty(r => r.DecisionReason, reason), ct);
        if (changed == 1)
        {
            return null;
        }

        var status = await db.RemovalRequests.Where(r => r.Id == requestId).Select(r => (RemovalStatus?)r.Status).SingleOrDefaultAsync(ct);
        return Result.Failure(status is null ? RemovalErrors.RequestNotFound : RemovalErrors.NotPending(status.Value));
    }
}
