using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Data;
using TalentCloud.Core.Organizations;

namespace TalentCloud.Core.Clouds;

/// <summary>A cloud as its organisation's people may act on it.</summary>
internal sealed record ManagedCloud(Cloud Cloud, Organization Organization, OrganizationRole Role);

/// <summary>Who may manage which cloud: the people of the Enterprise organisation that owns it, and nobody else.</summary>
internal static class CloudAccess
{
    /// <summary>The cloud if the actor is an owner or hiring manager of its Enterprise organisation; otherwise null (reported as "not found").</summary>
    public static async Task<ManagedCloud?> FindManagedAsync(AppDbContext db, Actor actor, int cloudId, CancellationToken ct, bool tracking = false)
    {
        var clouds = tracking ? db.Clouds : db.Clouds.AsNoTracking();
        var cloud = await clouds.SingleOrDefaultAsync(c => c.Id == cloudId, ct);
        if (cloud is null || !actor.Organizations.TryGetValue(cloud.OrganizationId, out var role))
        {
            return null;
        }

        var org = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == cloud.OrganizationId, ct);
        return org.HasEnterpriseSubscription ? new ManagedCloud(cloud, org, role) : null;
    }

    /// <summary>The first Enterprise organisation the actor acts for, or null.</summary>
    public static async Task<(Organization Org, OrganizationRole Role)?> EnterpriseOrganizationAsync(AppDbContext db, Actor actor, CancellationToken ct)
    {
        var ids = actor.Organizations.Keys.ToList();
        var org = await db.Organizations.AsNoTracking()
            .Where(o => ids.Contains(o.Id) && o.HasEnterpriseSubscription)
            .OrderBy(o => o.Id)
            .FirstOrDefaultAsync(ct);
        return org is null ? null : (org, actor.Organizations[org.Id]);
    }

    public const string NotFound = "That Talent Cloud does not exist or is not one you manage.";
}
