using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentCloud.Core.Data;
using TalentCloud.Core.Help;
using TalentCloud.Core.Seeding;

namespace TalentCloud.Tests.Fuzz;

/// <summary>Real demo ids the fuzzed pages open, looked up once in the running app's database.</summary>
public sealed record DemoRouteValues(int PublicJob, int AcmeJob, int AcmeFionaConversation, int GlobexLeeOffer, int AcmeCloud, string HelpSlug)
{
    public static async Task<DemoRouteValues> LoadAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var acmeJob = await db.Jobs.Where(j => j.Title == DemoWorld.AcmeIosJob).Select(j => j.Id).SingleAsync();
        var conversation = await (from c in db.Conversations
                                  join o in db.Organizations on c.OrganizationId equals o.Id
                                  join p in db.Profiles on c.ProfileId equals p.Id
                                  where o.Name == DemoWorld.Acme && p.Handle == DemoWorld.FionaHandle
                                  select c.Id).SingleAsync();
        var offer = await db.Offers.Where(o => o.Title == DemoWorldSeeder.LeeOfferTitle).Select(o => o.Id).SingleAsync();
        var cloud = await db.Clouds.Where(c => c.Name == DemoWorld.AcmeMobile).Select(c => c.Id).SingleAsync();
        return new(acmeJob, acmeJob, conversation, offer, cloud, HelpService.Articles[0].Slug);
    }
}
