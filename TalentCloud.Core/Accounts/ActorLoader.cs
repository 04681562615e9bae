using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Data;
using TalentCloud.Core.Organizations;

namespace TalentCloud.Core.Accounts;

/// <summary>Builds the <see cref="Actor"/> for a signed-in user from the database (never from client-supplied data).</summary>
public sealed class ActorLoader(IDbContextFactory<AppDbContext> dbFactory)
{
    // Every signed-in request starts here, so its queries are compiled once rather than translated per call.
    private static readonly PerModel<Func<AppDbContext, string, CancellationToken, Task<UserRow?>>> FindUser = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, string userId, CancellationToken ct) => db.Users
            .Where(u => u.Id == userId)
            .Select(u => new UserRow(
                u.Id,
                u.DisplayName,
                (from ur in db.UserRoles
                 join r in db.Roles on ur.RoleId equals r.Id
                 where ur.UserId == userId && r.Name == Roles.PlatformAdmin
                 select ur).Any()))
            .SingleOrDefault()));

    private static readonly PerModel<Func<AppDbContext, string, IAsyncEnumerable<int>>> OwnedProfiles = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, string userId) => db.Profiles.Where(p => p.OwnerUserId == userId).Select(p => p.Id)));

    private static readonly PerModel<Func<AppDbContext, string, IAsyncEnumerable<OrganizationMember>>> Memberships = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, string userId) => db.OrganizationMembers.AsNoTracking().Where(m => m.UserId == userId)));

    public async Task<Actor> LoadAsync(string? userId, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(userId))
        {
            return Actor.Visitor;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await FindUser.For(db)(db, userId, ct);
        if (user is null)
        {
            return Actor.Visitor;
        }

        var profileIds = new List<int>();
        await foreach (var id in OwnedProfiles.For(db)(db, userId).WithCancellation(ct))
        {
            profileIds.Add(id);
        }

        var organizations = new Dictionary<int, OrganizationRole>();
        await foreach (var member in Memberships.For(db)(db, userId).WithCancellation(ct))
        {
            organizations[member.OrganizationId] = member.Role;
        }

        return new Actor(user.Id, user.DisplayName, user.IsAdmin, profileIds, organizations);
    }

    private sealed record UserRow(string Id, string DisplayName, bool IsAdmin);
}
