using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Common;
using TalentCloud.Core.Data;
using TalentCloud.Core.Memberships;
using TalentCloud.Core.Organizations;
using TalentCloud.Core.Removals;

namespace TalentCloud.Core.Admin;

public sealed record CloudMemberCount(int CloudId, string CloudName, string OrganizationName, int Active, int Pending);

/// <summary>How many pending removal requests have waited for an age range (for the dashboard's chart).</summary>
public sealed record PendingAgeBucket(string Label, int Count);

public sealed record AdminDashboard(int PendingRemovals, TimeSpan? OldestPendingAge, IReadOnlyList<CloudMemberCount> Clouds, int AuditEntries)
{
    /// <summary>Pending requests by how long they have waited, youngest range first; every range present, even at 0.</summary>
    public IReadOnlyList<PendingAgeBucket> PendingByAge { get; init; } = [];

    /// <summary>Support requests waiting for a reply, and how long the oldest has waited.</summary>
    public int SupportRequestsWaiting { get; init; }

    public TimeSpan? OldestSupportRequestAge { get; init; }
}

/// <summary>An organisation on the admin's list, with its subscription and what the admin may do with it.</summary>
public sealed record AdminOrganization(int Id, string Name, SubscriptionView Subscription, int Clouds, int People)
{
    public bool HasEnterpriseSubscription => Subscription.IsActive;

    public bool CanStart => !Subscription.IsActive;

    public bool CanExtend => Subscription.IsActive;

    public bool CanEnd => Subscription.IsActive;
}

/// <summary>One page of the organisations list, filtered by name.</summary>
public sealed record AdminOrganizationPage(IReadOnlyList<AdminOrganization> Items, int Total, int Page, int PageSize)
{
    public const int DefaultPageSize = 20;
    public const int NameFilterMaxLength = Organization.NameMaxLength;

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>One outgoing e-mail as admins see it: who it is for, what it says, and whether it left.</summary>
public sealed record AdminOutboxEmail(int Id, string To, string Subject, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, int Attempts, string? LastError)
{
    public OutboxEmailState State => SentAt is not null ? OutboxEmailState.Sent : Attempts > 0 ? OutboxEmailState.Failing : OutboxEmailState.Waiting;
}

/// <summary>Where an outgoing e-mail stands: not tried yet, tried and not sent (retried later), or sent.</summary>
public enum OutboxEmailState
{
    Waiting = 0,
    Failing = 1,
    Sent = 2,
}

public sealed record AdminOutboxListing(IReadOnlyList<AdminOutboxEmail> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// Platform-admin tools: the dashboard figures, the outbox and the organisations (their subscriptions change through
/// <see cref="SubscriptionService"/>). Everyone else gets nothing.
/// </summary>
public sealed class AdminService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{

    /// <summary>The dashboard's age ranges for waiting removal requests: each starts where the previous ends.</summary>
    private static readonly (string Label, TimeSpan From)[] PendingAgeRanges =
    [
        ("Under 1 day", TimeSpan.Zero),
        ("1–3 days", TimeSpan.FromDays(1)),
        ("3–7 days", TimeSpan.FromDays(3)),
        ("1–4 weeks", TimeSpan.FromDays(7)),
        ("Over 4 weeks", TimeSpan.FromDays(28)),
    ];

    public async Task<AdminDashboard?> GetDashboardAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsPlatformAdmin)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pendingTimes = await db.RemovalRequests.Where(r => r.Status == RemovalStatus.Pending).Select(r => r.RequestedAt).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var count = pendingTimes.Count;
        var oldest = count == 0 ? (DateTimeOffset?)null : pendingTimes.Min();
        var clouds = await (from c in db.Clouds
                            join o in db.Organizations on c.OrganizationId equals o.Id
                            orderby o.Name, c.Name
                            select new CloudMemberCount(c.Id, c.Name, o.Name,
                                db.CloudMemberships.Count(m => m.CloudId == c.Id && m.Status == MembershipStatus.Active),
                                db.CloudMemberships.Count(m => m.CloudId == c.Id && m.Status == MembershipStatus.PendingApproval)))
            .ToListAsync(ct);
        var audit = await db.AuditEntries.CountAsync(ct);
        var waiting = db.SupportRequests.Where(r => r.Status == Help.SupportStatus.AwaitingReply);
        var supportCount = await waiting.CountAsync(ct);
        var oldestSupport = supportCount == 0 ? (DateTimeOffset?)null : await waiting.MinAsync(r => r.CreatedAt, ct);
        return new AdminDashboard(count, oldest is null ? null : now - oldest.Value, clouds, audit)
        {
            PendingByAge = [.. PendingAgeRanges.Select((range, i) => new PendingAgeBucket(range.Label,
                pendingTimes.Count(t => (i == 0 || now - t >= range.From) && (i == PendingAgeRanges.Length - 1 || now - t < PendingAgeRanges[i + 1].From))))],
            SupportRequestsWaiting = supportCount,
            OldestSupportRequestAge = oldestSupport is null ? null : now - oldestSupport.Value,
        };
    }

    /// <summary>
    /// The e-mail outbox, newest first (without a mail server configured, e-mails stay here), optionally only what is
    /// not sent yet and only e-mails whose address or subject contain <paramref name="search"/>. Null for non-admins.
    /// </summary>
    public async Task<AdminOutboxListing?> GetOutboxAsync(Actor actor, bool unsentOnly, int page, string? search = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsPlatformAdmin)
        {
            return null;
        }

        const int pageSize = 25;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.OutboxEmails.AsNoTracking().Where(e => !unsentOnly || e.SentAt == null);
        if (search?.Trim() is { Length: > 0 } text)
        {
            var pattern = TextMatch.ContainsPattern(text.Length > AuditBrowser.FilterMaxLength ? text[..AuditBrowser.FilterMaxLength] : text);
            query = query.Where(e => EF.Functions.Like(TextMatch.Lower(e.Subject), pattern, TextMatch.Escape)
                || EF.Functions.Like(TextMatch.Lower(e.ToAddress), pattern, TextMatch.Escape)
                || db.Users.Any(u => u.Id == e.RecipientUserId && EF.Functions.Like(TextMatch.Lower(u.Email!), pattern, TextMatch.Escape)));
        }

        var total = await query.CountAsync(ct);
        var pages = Math.Max(1, (total + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pages);
        var rows = await (from e in query
                          join u in db.Users on e.RecipientUserId equals u.Id into recipients
                          from u in recipients.DefaultIfEmpty()
                          orderby e.CreatedAt descending, e.Id descending
                          select new { e.Id, e.ToAddress, Recipient = u == null ? null : u.Email, e.Subject, e.CreatedAt, e.SentAt, e.Attempts, e.LastError })
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new AdminOutboxListing(
            [.. rows.Select(r => new AdminOutboxEmail(r.Id, r.ToAddress.Length > 0 ? r.ToAddress : r.Recipient ?? "(no address)", r.Subject,
                r.CreatedAt, r.SentAt, r.Attempts, r.LastError))],
            total, page, pageSize);
    }

    /// <summary>Organisations by name, one page at a time, optionally those whose name contains <paramref name="name"/>; null for non-admins.</summary>
    public async Task<AdminOrganizationPage?> ListOrganizationsAsync(Actor actor, string? name, int page, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsPlatformAdmin)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Organizations.AsNoTracking();
        var filter = UserText.Line(name);
        if (filter.Length > 0)
        {
            filter = filter[..Math.Min(filter.Length, AdminOrganizationPage.NameFilterMaxLength)];
            var pattern = TextMatch.ContainsPattern(filter);
            query = query.Where(o => EF.Functions.Like(TextMatch.Lower(o.Name), pattern, TextMatch.Escape));
        }

        const int pageSize = AdminOrganizationPage.DefaultPageSize;
        var total = await query.CountAsync(ct);
        page = Math.Clamp(page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var rows = await query.OrderBy(o => o.Name).ThenBy(o => o.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(o => new { Organization = o, Clouds = db.Clouds.Count(c => c.OrganizationId == o.Id), People = o.Members.Count })
            .ToListAsync(ct);
        return new AdminOrganizationPage(
            [.. rows.Select(r => new AdminOrganization(r.Organization.Id, r.Organization.Name, SubscriptionView.Of(r.Organization), r.Clouds, r.People))],
            total, page, pageSize);
    }

    /// <summary>Every organisation by name (for filters); null for non-admins.</summary>
    public async Task<IReadOnlyList<AdminOrganization>?> GetOrganizationsAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsPlatformAdmin)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Organizations.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new { Organization = o, Clouds = db.Clouds.Count(c => c.OrganizationId == o.Id), People = o.Members.Count })
            .ToListAsync(ct);
        return [.. rows.Select(r => new AdminOrganization(r.Organization.Id, r.Organization.Name, SubscriptionView.Of(r.Organization), r.Clouds, r.People))];
    }
}
