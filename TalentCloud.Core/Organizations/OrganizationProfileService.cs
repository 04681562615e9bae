using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Common;
using TalentCloud.Core.ContactRules;
using TalentCloud.Core.Data;

namespace TalentCloud.Core.Organizations;

/// <summary>An organisation's public profile as its owner edits it.</summary>
public sealed record OrganizationProfileView(int Id, string Name, string Description, bool IsEnterprise);

/// <summary>
/// The organisation's public text. Only the organisation's owner may change it, and it is a public surface, so
/// <see cref="PublicTextPolicy"/> refuses contact details for everyone, Enterprise clients included.
/// </summary>
public sealed class OrganizationProfileService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public const string NotOwner = "Only the organisation's owner can edit its description.";

    /// <summary>The organisation the actor owns (the first, when several), or null when they own none.</summary>
    public async Task<OrganizationProfileView?> GetOwnAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var owned = actor.Organizations.Where(o => o.Value == OrganizationRole.Owner).Select(o => o.Key).Order().ToList();
        if (owned.Count == 0)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Organizations.AsNoTracking().Where(o => o.Id == owned[0])
            .Select(o => new OrganizationProfileView(o.Id, o.Name, o.Description, o.HasEnterpriseSubscription))
            .SingleOrDefaultAsync(ct);
    }

    public async Task<Result> UpdateDescriptionAsync(Actor actor, int organizationId, string? description, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsOwnerOf(organizationId))
        {
            return Result.Failure(NotOwner);
        }

        var text = UserText.Block(description);
        if (text.Length > Organization.DescriptionMaxLength)
        {
            return Result.Failure($"The description can be at most {Organization.DescriptionMaxLength:N0} characters; yours has {text.Length:N0}.");
        }

        var check = PublicTextPolicy.Check(text, "The organisation description");
        if (!check.Succeeded)
        {
            return check;
        }

        return await UnitOfWork.RunAsync(dbFactory, clock, async uow =>
        {
            var org = await uow.Db.Organizations.SingleOrDefaultAsync(o => o.Id == organizationId, ct);
            if (org is null)
            {
                return Result.Failure(NotOwner);
            }

            org.Description = text;
            uow.Audit(actor, "organization.description.updated", org.Name, "saved", organizationId: org.Id);
            return Result.Success;
        }, ct);
    }
}
