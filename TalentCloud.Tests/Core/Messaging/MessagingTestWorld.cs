using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Contracts;
using TalentCloud.Core.Messaging;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Core.Messaging;

/// <summary>Finds the demo conversations and sets up contracts for the messaging tests.</summary>
internal static class MessagingTestWorld
{
    public static ConversationService Conversations(TestDatabase db) => new(db, db.Clock);

    public static MessageService Messages(TestDatabase db) => new(db, db.Clock);

    public static InterviewService Interviews(TestDatabase db) => new(db, db.Clock);

    public static async Task<int> ConversationIdAsync(TestDatabase db, string organization, string profileHandle)
    {
        await using var context = db.CreateDbContext();
        return await (from c in context.Conversations
                      join o in context.Organizations on c.OrganizationId equals o.Id
                      join p in context.Profiles on c.ProfileId equals p.Id
                      where o.Name == organization && p.Handle == profileHandle
                      select c.Id).SingleAsync();
    }

    public static Task<int> AcmeFionaAsync(TestDatabase db) => ConversationIdAsync(db, DemoWorld.Acme, DemoWorld.FionaHandle);

    public static Task<int> InitechOmarAsync(TestDatabase db) => ConversationIdAsync(db, DemoWorld.Initech, DemoWorld.OmarHandle);

    public static async Task<int> ProfileIdAsync(TestDatabase db, string handle)
    {
        await using var context = db.CreateDbContext();
        return await context.Profiles.Where(p => p.Handle == handle).Select(p => p.Id).SingleAsync();
    }

    public static async Task<int> MessageCountAsync(TestDatabase db, int conversationId)
    {
        await using var context = db.CreateDbContext();
        return await context.Messages.CountAsync(m => m.ConversationId == conversationId);
    }

    /// <summary>Starts a contract between an organisation and a profile, as accepting an offer would.</summary>
    public static async Task StartContractAsync(TestDatabase db, string organization, string profileHandle, DateTimeOffset startedAt)
    {
        await using var context = db.CreateDbContext();
        var org = await context.Organizations.Include(o => o.Members).SingleAsync(o => o.Name == organization);
        var profileId = await context.Profiles.Where(p => p.Handle == profileHandle).Select(p => p.Id).SingleAsync();
        context.Contracts.Add(new Contract
        {
            OrganizationId = org.Id,
            ProfileId = profileId,
            Title = "Reporting services migration",
            StartedByUserId = org.Members[0].UserId,
            StartedAt = startedAt,
        });
        await context.SaveChangesAsync();
    }
}
