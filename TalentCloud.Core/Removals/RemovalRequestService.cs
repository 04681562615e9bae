using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Common;
using TalentCloud.Core.Data;
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

/// <summary>
/// Leaving a cloud, the member's side: asking to leave one of one's own clouds (or cancelling the request while it
/// waits), or turning that cloud's notifications off instead. The platform admins' side is <see cref="RemovalQueueService"/>.
/// </summary>
public sealed class RemovalRequestService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
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
        var text = UserText.Block(reason);
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

            var facts = await RemovalFacts.RequestFactsAsync(db, requestId, ct);
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
}
