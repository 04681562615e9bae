using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Audit;
using TalentCloud.Core.Common;
using TalentCloud.Core.Data;
using TalentCloud.Core.PublicTexts;

namespace TalentCloud.Core.Organizations;

public sealed record OrganizationProfile(int Id, string Name, string Description, bool IsEnterprise, bool CanEdit);

/// <summary>The public texts of a client organisation. They follow the no-contact-details rule like job posts.</summary>
public sealed class OrganizationProfileService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public const string OnlyOwnerEdits = "Only the organisation's owner can change its description.";

    /// <summary>The organisation the actor acts for (the first, if several), or null.</summary>
    public async Task<OrganizationProfile?> GetMineAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsClient)
        {
            return null;
        }

        var orgId = actor.Organizations.Keys.Min();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var org = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == orgId, ct);
        return new OrganizationProfile(org.Id, org.Name, org.Description, org.HasEnterpriseSubscription, actor.IsOwnerOf(org.Id));
    }

    public async Task<Result> UpdateDescriptionAsync(Actor actor, int organizationId, string? description, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsOwnerOf(organizationId))
        {
            return Result.Failure(OnlyOwnerEdits);
        }

        var text = (description ?? "").Trim();
        if (text.Length > Organization.DescriptionMaxLength)
        {
            return Result.Failure($"The description can be at most {Organization.DescriptionMaxLength:N0} characters.");
        }

        if (PublicTextRule.Check("The organisation description", text) is { } problem)
        {
            return Result.Failure(problem);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var org = await db.Organizations.SingleAsync(o => o.Id == organizationId, ct);
        org.Description = text;
        AuditLog.Record(db, actor, "organization.description_updated", org.Name, "description changed", clock.GetUtcNow(), organizationId: org.Id);
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }
}
