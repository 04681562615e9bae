using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Removals;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Core;

/// <summary>Looks up demo rows by their documented names.</summary>
internal static class RemovalTestData
{
    public static async Task<int> MembershipIdAsync(TestDatabase db, string handle, string cloudName)
    {
        await using var context = db.CreateDbContext();
        return await (from m in context.CloudMemberships
                      join c in context.Clouds on m.CloudId equals c.Id
                      join p in context.Profiles on m.ProfileId equals p.Id
                      where p.Handle == handle && c.Name == cloudName
                      select m.Id).SingleAsync();
    }

    public static async Task<bool> MembershipExistsAsync(TestDatabase db, string handle, string cloudName)
    {
        await using var context = db.CreateDbContext();
        return await (from m in context.CloudMemberships
                      join c in context.Clouds on m.CloudId equals c.Id
                      join p in context.Profiles on m.ProfileId equals p.Id
                      where p.Handle == handle && c.Name == cloudName
                      select m.Id).AnyAsync();
    }

    public static async Task<int> NinasRequestIdAsync(TestDatabase db)
    {
        await using var context = db.CreateDbContext();
        return await (from r in context.RemovalRequests
                      join p in context.Profiles on r.ProfileId equals p.Id
                      where p.Handle == DemoWorld.NorthwindHandle && r.Status == RemovalStatus.Pending
                      select r.Id).SingleAsync();
    }

    public static async Task<RemovalStatus> StatusAsync(TestDatabase db, int requestId)
    {
        await using var context = db.CreateDbContext();
        return await context.RemovalRequests.Where(r => r.Id == requestId).Select(r => r.Status).SingleAsync();
    }

    public static async Task<int> CountAsync<T>(TestDatabase db, Func<TalentCloud.Core.Data.AppDbContext, IQueryable<T>> query)
    {
        await using var context = db.CreateDbContext();
        return await query(context).CountAsync();
    }
}
