using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Data;

namespace TalentCloud.Core.Accounts;

/// <summary>Builds the <see cref="Actor"/> for a signed-in user from the database (never from client-supplied data).</summary>
public sealed class ActorLoader(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<Actor> LoadAsync(string? userId, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(userId))
        {
            return Actor.Visitor;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.DisplayName })
            .SingleOrDefaultAsync(ct);
        if (user is null)
        {
            return Actor.Visitor;
        }

        var isAdmin = await (from ur in db.UserRoles
                             join r in db.Roles on ur.RoleId equals r.Id
                             where ur.UserId == userId && r.Name == Roles.PlatformAdmin
                             select ur).AnyAsync(ct);
        var profileIds = await db.Profiles.Where(p => p.OwnerUserId == userId).Select(p => p.Id).ToListAsync(ct);
        var organizations = await db.OrganizationMembers.Where(m => m.UserId == userId)
            .ToDictionaryAsync(m => m.OrganizationId, m => m.Role, ct);
        return new Actor(user.Id, user.DisplayName, isAdmin, profileIds, organizations);
    }
}
