using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Audit;
using TalentCloud.Core.Common;
using TalentCloud.Core.Data;
using TalentCloud.Core.Memberships;
using TalentCloud.Core.Removals;

namespace TalentCloud.Core.Admin;

public sealed record CloudMemberCount(int CloudId, string CloudName, string OrganizationName, int Active, int Pending);

public sealed record AdminDashboard(int PendingRemovals, TimeSpan? OldestPendingAge, IReadOnlyList<CloudMemberCount> Clouds, int AuditEntries);

public sealed record AdminOrganization(int Id, string Name, bool HasEnterpriseSubscription, int Clouds, int People);

/// <summary>Platform-admin tools: the dashboard figures and Enterprise subscriptions. Everyone else gets nothing.</summary>
public sealed class AdminService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public const string SubscriptionChangedAction = "organization.subscription_changed";
    public const string OrganizationNotFound = "That organisation was not found.";

    public async Task<AdminDashboard?> GetDashboardAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsPlatformAdmin)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pending = db.RemovalRequests.Where(r => r.Status == RemovalStatus.Pending);
        var count = await pending.CountAsync(ct);
        var oldest = count == 0 ? (DateTimeOffset?)null : await pending.MinAsync(r => r.RequestedAt, ct);
        var clouds = await (from c in db.Clouds
                            join o in db.Organizations on c.OrganizationId equals o.Id
                            orderby o.Name, c.Name
                            select new CloudMemberCount(c.Id, c.Name, o.Name,
                                db.CloudMemberships.Count(m => m.CloudId == c.Id && m.Status == MembershipStatus.Active),
                                db.CloudMemberships.Count(m => m.CloudId == c.Id && m.Status == MembershipStatus.PendingApproval)))
            .ToListAsync(ct);
        var audit = await db.AuditEntries.CountAsync(ct);
        return new AdminDashboard(count, oldest is null ? null : clock.GetUtcNow() - oldest.Value, clouds, audit);
    }

    public async Task<IReadOnlyList<AdminOrganization>?> GetOrganizationsAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsPlatformAdmin)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Organizations.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new AdminOrganization(o.Id, o.Name, o.HasEnterpriseSubscription,
                db.Clouds.Count(c => c.OrganizationId == o.Id), o.Members.Count))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Grants or ends an organisation's Enterprise subscription. Everything reads the flag live, so the badge, cloud
    /// ownership privileges and the contact-details exception follow at once. Audited; a no-op change is not recorded.
    /// </summary>
    public async Task<Result> SetEnterpriseSubscriptionAsync(Actor actor, int organizationId, bool enterprise, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsPlatformAdmin)
        {
            return Result.Failure(OrganizationNotFound);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var org = await db.Organizations.SingleOrDefaultAsync(o => o.Id == organizationId, ct);
        if (org is null)
        {
            return Result.Failure(OrganizationNotFound);
        }

        if (org.HasEnterpriseSubscription == enterprise)
        {
            return Result.Success;
        }

        org.HasEnterpriseSubscription = enterprise;
        AuditLog.Record(db, actor, SubscriptionChangedAction, org.Name,
            enterprise ? "Enterprise subscription started" : "Enterprise subscription ended", clock.GetUtcNow(),
            organizationId: org.Id);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Result.Success;
    }
}
