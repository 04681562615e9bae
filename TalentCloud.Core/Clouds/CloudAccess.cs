using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Data;
using TalentCloud.Core.Organizations;

namespace TalentCloud.Core.Clouds;

/// <summary>A cloud as its organisation's people may act on it, with the actor's current role there.</summary>
internal sealed record ManagedCloud(Cloud Cloud, Organization Organization, OrganizationRole Role)
{
    public bool Can(OrganizationAction action) => OrganizationPermissions.Allows(Role, action);

    /// <summary>Null when the role allows <paramref name="action"/>; otherwise the refusal naming who may.</summary>
    public string? RefuseUnless(OrganizationAction action) => Can(action) ? null : OrganizationPermissions.Refusal(Role, action);

    /// <summary>Null while the subscription is active; otherwise the refusal saying what is not possible and why.</summary>
    public string? RefuseUnlessSubscribed(string consequence) => Organization.HasEnterpriseSubscription
        ? null
        : SubscriptionErrors.Inactive(Organization.Name, Organization.EnterpriseEndsAt, consequence);
}

/// <summary>
/// Who may see and manage which cloud: the people of the organisation that owns it, and nobody else. Whether the role allows an
/// action and whether the subscription is active are checked by the caller, so each refusal can say why.
/// </summary>
internal static class CloudAccess
{
    /// <summary>The cloud if the actor belongs to the organisation that owns it; otherwise null (reported as "not found").</summary>
    public static async Task<ManagedCloud?> FindManagedAsync(AppDbContext db, Actor actor, int cloudId, CancellationToken ct, bool tracking = false)
    {
        var clouds = tracking ? db.Clouds : db.Clouds.AsNoTracking();
        var cloud = await clouds.SingleOrDefaultAsync(c => c.Id == cloudId, ct);
        if (cloud is null || actor.RoleIn(cloud.OrganizationId) is not { } role)
        {
            return null;
        }

        var org = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == cloud.OrganizationId, ct);
        return new ManagedCloud(cloud, org, role);
    }

    /// <summary>
    /// The organisation of the actor that has clouds to show: one with an active Enterprise subscription, or one whose
    /// subscription ended but that still owns clouds (its people keep seeing them). Null otherwise.
    /// </summary>
    public static async Task<(Organization Org, OrganizationRole Role)?> CloudOrganizationAsync(AppDbContext db, Actor actor, CancellationToken ct)
    {
        var ids = actor.Organizations.Keys.ToList();
        var org = await db.Organizations.AsNoTracking()
            .Where(o => ids.Contains(o.Id) && (o.HasEnterpriseSubscription || db.Clouds.Any(c => c.OrganizationId == o.Id)))
            .OrderBy(o => o.Id)
            .FirstOrDefaultAsync(ct);
        return org is null ? null : (org, actor.Organizations[org.Id]);
    }

    public const string NotFound = "That Talent Cloud does not exist or is not one you manage.";
}
