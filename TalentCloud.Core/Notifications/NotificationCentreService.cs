using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Common;
using TalentCloud.Core.Data;
using TalentCloud.Core.Memberships;

namespace TalentCloud.Core.Notifications;

public sealed record NotificationItem(long Id, NotificationKind Kind, string Title, string Body, string Link, DateTimeOffset CreatedAt,
    bool IsRead, bool IsPrioritised);

/// <summary>A cloud the centre can filter by: one the actor is an Active member of (so may see by name).</summary>
public sealed record NotificationCloudFilter(int CloudId, string Name, bool Prioritised);

public sealed record NotificationQuery(bool UnreadOnly = false, int? CloudId = null, int Page = 1, int PageSize = NotificationCentreService.DefaultPageSize);

public sealed record NotificationPage(IReadOnlyList<NotificationItem> Items, int TotalCount, int Page, int PageSize, int UnreadCount)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
}

/// <summary>The notification centre: the actor's own items only, prioritised clouds first, newest first.</summary>
public sealed class NotificationCentreService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>The number in the top bar. Cheap: one indexed count.</summary>
    public async Task<int> GetUnreadCountAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsSignedIn)
        {
            return 0;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Notifications.CountAsync(n => n.UserId == actor.UserId && n.ReadAt == null, ct);
    }

    public async Task<IReadOnlyList<NotificationCloudFilter>> GetCloudFiltersAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await CloudFiltersAsync(db, actor, ct);
    }

    /// <summary>A page of the actor's items. Filtering by a cloud the actor is not an Active member of is "not found".</summary>
    public async Task<Result<NotificationPage>> GetPageAsync(Actor actor, NotificationQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(query);
        if (!actor.IsSignedIn)
        {
            return Result<NotificationPage>.Failure(NotificationErrors.SignInRequired);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var clouds = await CloudFiltersAsync(db, actor, ct);
        if (query.CloudId is { } filterId && clouds.All(c => c.CloudId != filterId))
        {
            return Result<NotificationPage>.Failure(NotificationErrors.CloudNotFound);
        }

        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var prioritised = clouds.Where(c => c.Prioritised).Select(c => c.CloudId).ToList();
        var items = db.Notifications.Where(n => n.UserId == actor.UserId);
        if (query.UnreadOnly)
        {
            items = items.Where(n => n.ReadAt == null);
        }

        if (query.CloudId is { } cloudId)
        {
            items = items.Where(n => n.CloudId == cloudId
                || db.NotificationDigestSections.Any(s => s.NotificationId == n.Id && s.CloudId == cloudId));
        }

        var total = await items.CountAsync(ct);
        var unread = await db.Notifications.CountAsync(n => n.UserId == actor.UserId && n.ReadAt == null, ct);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);
        var rows = await items
            .Select(n => new
            {
                n,
                Prioritised = (n.CloudId != null && prioritised.Contains(n.CloudId.Value))
                    || db.NotificationDigestSections.Any(s => s.NotificationId == n.Id && prioritised.Contains(s.CloudId)),
            })
            .OrderByDescending(r => r.Prioritised)
            .ThenByDescending(r => r.n.CreatedAt)
            .ThenByDescending(r => r.n.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .AsNoTracking()
            .ToListAsync(ct);
        return Result<NotificationPage>.Success(new NotificationPage(
            [.. rows.Select(r => new NotificationItem(r.n.Id, r.n.Kind, r.n.Title, r.n.Body, r.n.Link, r.n.CreatedAt, r.n.ReadAt != null, r.Prioritised))],
            total, page, pageSize, unread));
    }

    /// <summary>Marks one of the actor's items read. Someone else's item, or none, is "not found".</summary>
    public async Task<Result> MarkReadAsync(Actor actor, long notificationId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsSignedIn)
        {
            return Result.Failure(NotificationErrors.SignInRequired);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.Notifications.SingleOrDefaultAsync(n => n.Id == notificationId && n.UserId == actor.UserId, ct);
        if (item is null)
        {
            return Result.Failure(NotificationErrors.NotificationNotFound);
        }

        if (item.ReadAt is null)
        {
            item.ReadAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }

        return Result.Success;
    }

    /// <summary>Marks all of the actor's unread items read; returns how many changed.</summary>
    public async Task<int> MarkAllReadAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsSignedIn)
        {
            return 0;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        return await db.Notifications.Where(n => n.UserId == actor.UserId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }

    private static async Task<IReadOnlyList<NotificationCloudFilter>> CloudFiltersAsync(AppDbContext db, Actor actor, CancellationToken ct)
    {
        if (!actor.IsSignedIn || actor.ProfileIds.Count == 0)
        {
            return [];
        }

        var profileIds = actor.ProfileIds.ToList();
        var rows = await (from m in db.CloudMemberships
                          join c in db.Clouds on m.CloudId equals c.Id
                          where profileIds.Contains(m.ProfileId) && m.Status == MembershipStatus.Active
                          select new
                          {
                              c.Id,
                              c.Name,
                              Prioritised = db.CloudNotificationSettings.Any(s => s.CloudId == m.CloudId && s.ProfileId == m.ProfileId && s.Prioritised),
                          }).ToListAsync(ct);
        return [.. rows.GroupBy(r => r.Id)
            .Select(g => new NotificationCloudFilter(g.Key, g.First().Name, g.Any(r => r.Prioritised)))
            .OrderByDescending(c => c.Prioritised)
            .ThenBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase)];
    }
}
