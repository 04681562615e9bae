using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Common;
using TalentCloud.Core.Data;
using TalentCloud.Core.Invitations;
using TalentCloud.Core.Memberships;
using TalentCloud.Core.Notifications;

namespace TalentCloud.Core.Removals;

/// <summary>One of the member's own memberships, as the leave page shows it (the member sees full cloud names).</summary>
public sealed record MembershipRemovalState(
    int MembershipId,
    string ProfileName,
    string CloudName,
    string OrganizationName,
    MembershipStatus Status,
    NotificationFrequency Frequency,
    int? OpenRequestId,
    DateTimeOffset? RequestedAt,
    int CloudId = 0,
    int ProfileId = 0);

public sealed record RemovalQueueQuery(
    RemovalStatus? Status = RemovalStatus.Pending,
    int? OrganizationId = null,
    int? CloudId = null,
    string? Member = null,
    int Page = 1,
    int PageSize = 20);

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
    string DecisionReason);

public sealed record RemovalQueuePage(IReadOnlyList<RemovalQueueItem> Items, int Total, int Page, int PageSize);

/// <summary>
/// Leaving a cloud: the member asks (or cancels), a platform admin approves (complete removal) or rejects.
/// Every decision is a conditional update on the request's status, so two people acting at once get exactly one outcome.
/// </summary>
public sealed class RemovalService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxPageSize = 100;

    /// <summary>The actor's own memberships (Active and Pending) with any open removal request.</summary>
    public async Task<IReadOnlyList<MembershipRemovalState>> GetMyMembershipsAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsTalent)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var profileIds = actor.ProfileIds.ToList();
        var rows = await (from m in db.CloudMemberships
                          join c in db.Clouds on m.CloudId equals c.Id
                          join o in db.Organizations on c.OrganizationId equals o.Id
                          join p in db.Profiles on m.ProfileId equals p.Id
                          where profileIds.Contains(m.ProfileId)
                          select new
                          {
                              m.Id,
                              m.CloudId,
                              m.ProfileId,
                              ProfileName = p.DisplayName,
                              CloudName = c.Name,
                              OrganizationName = o.Name,
                              m.Status,
                              Frequency = db.CloudNotificationSettings
                                  .Where(s => s.CloudId == m.CloudId && s.ProfileId == m.ProfileId)
                                  .Select(s => (NotificationFrequency?)s.Frequency).FirstOrDefault(),
                              Open = db.RemovalRequests
                                  .Where(r => r.CloudId == m.CloudId && r.ProfileId == m.ProfileId && r.Status == RemovalStatus.Pending)
                                  .Select(r => new { r.Id, r.RequestedAt }).FirstOrDefault(),
                          }).AsNoTracking().ToListAsync(ct);
        return [.. rows
            .OrderBy(r => r.CloudName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(r => r.ProfileName, StringComparer.CurrentCultureIgnoreCase)
            .Select(r => new MembershipRemovalState(r.Id, r.ProfileName, r.CloudName, r.OrganizationName, r.Status,
                r.Frequency ?? NotificationFrequency.Instant, r.Open?.Id, r.Open?.RequestedAt, r.CloudId, r.ProfileId))];
    }

    /// <summary>The member asks to leave one of their own clouds. Someone else's membership is "not found".</summary>
    public Task<Result<int>> RequestAsync(Actor actor, int membershipId, string? reason, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var text = (reason ?? "").Trim();
        if (text.Length > RemovalRequest.ReasonMaxLength)
        {
            return Task.FromResult(Result<int>.Failure(RemovalErrors.ReasonTooLong));
        }

        return UnitOfWork.RunAsync(dbFactory, clock, async uow =>
        {
            var db = uow.Db;
            var membership = await OwnMembershipAsync(db, actor, membershipId, ct);
            if (membership is null)
            {
                return Result<int>.Failure(RemovalErrors.MembershipNotFound);
            }

            if (await db.RemovalRequests.AnyAsync(r => r.CloudId == membership.CloudId && r.ProfileId == membership.ProfileId
                    && r.Status == RemovalStatus.Pending, ct))
            {
                return Result<int>.Failure(RemovalErrors.AlreadyRequested);
            }

            var request = RemovalRequest.Open(membership.CloudId, membership.ProfileId, actor.UserId!, text, uow.Now);
            db.RemovalRequests.Add(request);
            uow.Audit(actor, RemovalAuditActions.Requested, membership.Subject,
                text.Length == 0 ? "Requested; no reason given" : $"Requested; reason: {text}",
                membership.CloudId, membership.ProfileId, membership.OrganizationId);
            await uow.SaveAsync();
            return Result<int>.Success(request.Id);
        }, ct,
        // The unique index on open requests catches a double submit that passed the check above at the same time.
        new Duplicate<Result<int>>(RemovalRequest.OneOpenIndex, Result<int>.Failure(RemovalErrors.AlreadyRequested)));
    }

    /// <summary>The member withdraws their own pending request.</summary>
    public Task<Result> CancelAsync(Actor actor, int requestId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsTalent)
        {
            return Task.FromResult(Result.Failure(RemovalErrors.RequestNotFound));
        }

        var profileIds = actor.ProfileIds.ToList();
        return UnitOfWork.RunAsync(dbFactory, clock, async uow =>
        {
            var db = uow.Db;
            var now = uow.Now;
            var changed = await db.RemovalRequests
                .Where(r => r.Id == requestId && profileIds.Contains(r.ProfileId) && r.Status == RemovalStatus.Pending)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Status, RemovalStatus.Cancelled)
                    .SetProperty(r => r.DecidedAt, (DateTimeOffset?)now)
                    .SetProperty(r => r.DecidedByUserId, actor.UserId), ct);
            if (changed == 0)
            {
                var status = await db.RemovalRequests.Where(r => r.Id == requestId && profileIds.Contains(r.ProfileId))
                    .Select(r => (RemovalStatus?)r.Status).SingleOrDefaultAsync(ct);
                return Result.Failure(status is null ? RemovalErrors.RequestNotFound : RemovalErrors.NotPending(status.Value));
            }

            var facts = await RequestFactsAsync(db, requestId, ct);
            uow.Audit(actor, RemovalAuditActions.Cancelled, facts.Subject, "Cancelled by the member", facts.CloudId, facts.ProfileId, facts.OrganizationId);
            return Result.Success;
        }, ct);
    }

    /// <summary>
    /// The gentler alternative to leaving: this cloud's notification frequency becomes Never. The membership stays.
    /// </summary>
    public Task<Result> TurnOffCloudNotificationsAsync(Actor actor, int membershipId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return UnitOfWork.RunAsync(dbFactory, clock, async uow =>
        {
            var db = uow.Db;
            var membership = await OwnMembershipAsync(db, actor, membershipId, ct);
            if (membership is null)
            {
                return Result.Failure(RemovalErrors.MembershipNotFound);
            }

            var setting = await db.CloudNotificationSettings
                .SingleOrDefaultAsync(s => s.CloudId == membership.CloudId && s.ProfileId == membership.ProfileId, ct);
            if (setting is null)
            {
                db.CloudNotificationSettings.Add(new CloudNotificationSetting
                {
                    CloudId = membership.CloudId,
                    ProfileId = membership.ProfileId,
                    Frequency = NotificationFrequency.Never,
                });
            }
            else
            {
                setting.Frequency = NotificationFrequency.Never;
            }

            uow.Audit(actor, RemovalAuditActions.NotificationsTurnedOff, membership.Subject,
                "Notifications for this cloud set to Never instead of leaving", membership.CloudId, membership.ProfileId, membership.OrganizationId);
            return Result.Success;
        }, ct, Duplicate<Result>.RunAgain(CloudNotificationSetting.OnePerMembershipIndex));
    }

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
        var page = Math.Max(1, query.Page);
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
            rows = rows.Where(x => EF.Functions.Like(x.p.DisplayName.ToLower(), pattern, TextMatch.Escape)
                || EF.Functions.Like(x.p.Handle.ToLower(), pattern, TextMatch.Escape));
        }

        var total = await rows.CountAsync(ct);
        var items = await rows
            .OrderBy(x => x.r.RequestedAt).ThenBy(x => x.r.Id)
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
        var text = (note ?? "").Trim();
        if (!actor.IsPlatformAdmin)
        {
            return Task.FromResult(Result.Failure(RemovalErrors.RequestNotFound));
        }

        if (text.Length > RemovalRequest.DecisionReasonMaxLength)
        {
            return Task.FromResult(Result.Failure(RemovalErrors.DecisionReasonTooLong));
        }

        return UnitOfWork.RunAsync(dbFactory, clock, async uow =>
        {
            var db = uow.Db;
            if (await DecideAsync(db, actor, requestId, RemovalStatus.Approved, text, uow.Now, ct) is { } failure)
            {
                return failure;
            }

            var facts = await RequestFactsAsync(db, requestId, ct);
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

    /// <summary>The admin keeps the membership and tells the member why.</summary>
    public Task<Result> RejectAsync(Actor actor, int requestId, string? reason, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var text = (reason ?? "").Trim();
        if (!actor.IsPlatformAdmin)
        {
            return Task.FromResult(Result.Failure(RemovalErrors.RequestNotFound));
        }

        if (text.Length == 0)
        {
            return Task.FromResult(Result.Failure(RemovalErrors.DecisionReasonRequired));
        }

        if (text.Length > RemovalRequest.DecisionReasonMaxLength)
        {
            return Task.FromResult(Result.Failure(RemovalErrors.DecisionReasonTooLong));
        }

        return UnitOfWork.RunAsync(dbFactory, clock, async uow =>
        {
            var db = uow.Db;
            if (await DecideAsync(db, actor, requestId, RemovalStatus.Rejected, text, uow.Now, ct) is { } failure)
            {
                return failure;
            }

            var facts = await RequestFactsAsync(db, requestId, ct);
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

    private sealed record MembershipFacts(int CloudId, int ProfileId, int OrganizationId, string Subject);

    private static async Task<MembershipFacts?> OwnMembershipAsync(AppDbContext db, Actor actor, int membershipId, CancellationToken ct)
    {
        if (!actor.IsTalent)
        {
            return null;
        }

        var profileIds = actor.ProfileIds.ToList();
        var row = await (from m in db.CloudMemberships
                         join c in db.Clouds on m.CloudId equals c.Id
                         join p in db.Profiles on m.ProfileId equals p.Id
                         where m.Id == membershipId && profileIds.Contains(m.ProfileId)
                         select new { m.CloudId, m.ProfileId, c.OrganizationId, CloudName = c.Name, ProfileName = p.DisplayName })
            .AsNoTracking().SingleOrDefaultAsync(ct);
        return row is null ? null : new MembershipFacts(row.CloudId, row.ProfileId, row.OrganizationId, $"{row.ProfileName} in {row.CloudName}");
    }

    private sealed record RequestFacts(int CloudId, int ProfileId, int OrganizationId, string CloudName, string ProfileName, string OwnerUserId)
    {
        public string Subject => $"{ProfileName} in {CloudName}";
    }

    private static async Task<RequestFacts> RequestFactsAsync(AppDbContext db, int requestId, CancellationToken ct) =>
        await (from r in db.RemovalRequests
               join c in db.Clouds on r.CloudId equals c.Id
               join p in db.Profiles on r.ProfileId equals p.Id
               where r.Id == requestId
               select new RequestFacts(r.CloudId, r.ProfileId, c.OrganizationId, c.Name, p.DisplayName, p.OwnerUserId))
            .AsNoTracking().SingleAsync(ct);
}

/// <summary>The audit action names of this feature.</summary>
public static class RemovalAuditActions
{
    public const string Requested = "removal.requested";
    public const string Cancelled = "removal.cancelled";
    public const string Approved = "removal.approved";
    public const string Rejected = "removal.rejected";
    public const string NotificationsTurnedOff = "notifications.cloud_turned_off";
}
