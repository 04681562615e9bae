using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Contracts;
using TalentCloud.Core.Data;
using TalentCloud.Core.Messaging;

namespace TalentCloud.Tests.Support;

/// <summary>Reaches the running app's Core services to look up demo conversations and set up contracts, as a test would through Core.</summary>
public static class MessagingAppData
{
    public static async Task<int> ConversationIdAsync(IServiceProvider services, string organization, string profileHandle)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await (from c in db.Conversations
                      join o in db.Organizations on c.OrganizationId equals o.Id
                      join p in db.Profiles on c.ProfileId equals p.Id
                      where o.Name == organization && p.Handle == profileHandle
                      select c.Id).SingleAsync();
    }

    public static async Task<Actor> ActorAsync(IServiceProvider services, string email)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var userId = await db.Users.Where(u => u.NormalizedEmail == email.ToUpperInvariant()).Select(u => u.Id).SingleAsync();
        return await services.GetRequiredService<ActorLoader>().LoadAsync(userId);
    }

    public static MessageService Messages(IServiceProvider services) => services.GetRequiredService<MessageService>();

    public static ConversationService Conversations(IServiceProvider services) => services.GetRequiredService<ConversationService>();

    /// <summary>Starts a contract between the pair now, as accepting an offer would.</summary>
    public static async Task StartContractAsync(IServiceProvider services, string organization, string profileHandle)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var org = await db.Organizations.Include(o => o.Members).SingleAsync(o => o.Name == organization);
        var profileId = await db.Profiles.Where(p => p.Handle == profileHandle).Select(p => p.Id).SingleAsync();
        db.Contracts.Add(new Contract
        {
            OrganizationId = org.Id,
            ProfileId = profileId,
            Title = "First project",
            StartedByUserId = org.Members[0].UserId,
            StartedAt = services.GetRequiredService<TimeProvider>().GetUtcNow().AddMinutes(-1),
        });
        await db.SaveChangesAsync();
    }
}
