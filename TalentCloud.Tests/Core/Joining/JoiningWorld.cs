using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Clouds;
using TalentCloud.Core.Invitations;
using TalentCloud.Core.Memberships;
using TalentCloud.Core.Offers;
using TalentCloud.Core.Profiles;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Core.Joining;

/// <summary>The demo world plus the joining services over it, and small look-ups the tests share.</summary>
public abstract class JoiningWorld : IAsyncLifetime
{
    protected TestDatabase Db { get; private set; } = null!;
    protected CloudService Clouds { get; private set; } = null!;
    protected InvitationService Invitations { get; private set; } = null!;
    protected OfferService Offers { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Db = await TestDatabase.CopyOfDemoWorldAsync();
        Clouds = new CloudService(Db, Db.Clock);
        Invitations = new InvitationService(Db, Db.Clock);
        Offers = new OfferService(Db, Db.Clock);
    }

    public async ValueTask DisposeAsync() => await Db.DisposeAsync();

    protected Task<Actor> Maria => Db.ActorAsync(DemoWorld.MariaEmail);
    protected Task<Actor> Raj => Db.ActorAsync(DemoWorld.RajEmail);
    protected Task<Actor> Hank => Db.ActorAsync(DemoWorld.HankEmail);
    protected Task<Actor> Carl => Db.ActorAsync(DemoWorld.CarlEmail);
    protected Task<Actor> Omar => Db.ActorAsync(DemoWorld.OmarEmail);
    protected Task<Actor> Lee => Db.ActorAsync(DemoWorld.LeeEmail);
    protected Task<Actor> Fiona => Db.ActorAsync(DemoWorld.FionaEmail);

    protected async Task<int> CloudIdAsync(string name)
    {
        await using var context = Db.CreateDbContext();
        return await context.Clouds.Where(c => c.Name == name).Select(c => c.Id).SingleAsync();
    }

    protected async Task<int> ProfileIdAsync(string handle)
    {
        await using var context = Db.CreateDbContext();
        return await context.Profiles.Where(p => p.Handle == handle).Select(p => p.Id).SingleAsync();
    }

    protected async Task<CloudMembership?> MembershipAsync(string cloud, string handle)
    {
        var cloudId = await CloudIdAsync(cloud);
        var profileId = await ProfileIdAsync(handle);
        await using var context = Db.CreateDbContext();
        return await context.CloudMemberships.AsNoTracking().SingleOrDefaultAsync(m => m.CloudId == cloudId && m.ProfileId == profileId);
    }

    protected async Task<int> CountAsync<T>(Func<TalentCloud.Core.Data.AppDbContext, IQueryable<T>> query)
    {
        await using var context = Db.CreateDbContext();
        return await query(context).CountAsync();
    }

    protected async Task<int> OmarsSeededInvitationAsync()
    {
        var omar = await ProfileIdAsync(DemoWorld.OmarHandle);
        await using var context = Db.CreateDbContext();
        return await context.Invitations.Where(i => i.ProfileId == omar && i.Status == InvitationStatus.Pending).Select(i => i.Id).SingleAsync();
    }

    protected async Task<Offer> LeesOfferAsync()
    {
        await using var context = Db.CreateDbContext();
        return await context.Offers.AsNoTracking().Include(o => o.Tasks).SingleAsync(o => o.Title == DemoWorldSeeder.LeeOfferTitle);
    }

    protected async Task SetProfileAsync(string handle, Action<Profile> change)
    {
        await using var context = Db.CreateDbContext();
        var profile = await context.Profiles.Include(p => p.Skills).SingleAsync(p => p.Handle == handle);
        change(profile);
        await context.SaveChangesAsync();
    }
}
