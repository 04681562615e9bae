using TalentCloud.Core.Messaging;

namespace TalentCloud.Core.Seeding;

public sealed partial class DemoWorldSeeder
{
    /// <summary>
    /// Two private conversations: Acme (Enterprise) with Fiona, where a phone number was shared before any contract
    /// under the Enterprise exception, and Initech (ordinary client) with Omar, without contact details.
    /// </summary>
    private async Task SeedMessagingAsync(SeededWorld world, CancellationToken ct)
    {
        var maria = world.User(DemoWorld.MariaEmail);
        var fiona = world.User(DemoWorld.FionaEmail);
        var carl = world.User(DemoWorld.CarlEmail);
        var omar = world.User(DemoWorld.OmarEmail);

        var acmeFiona = Conversation.Start(world.Acme.Id, world.Fiona.Id, ConversationOrigin.Profile, null, maria.Id, world.Now.AddDays(-6));
        var initechOmar = Conversation.Start(world.Initech.Id, world.Omar.Id, ConversationOrigin.Profile, null, carl.Id, world.Now.AddDays(-4));
        db.Conversations.AddRange(acmeFiona, initechOmar);
        await db.SaveChangesAsync(ct);

        (string UserId, ConversationSide Side, string Body, double DaysAgo)[] acmeMessages =
        [
            (maria.Id, ConversationSide.Organization, "Hi Fiona, we are planning a new checkout flow for the Acme app and your portfolio looks like a great fit. Are you available next month?", 6),
            (fiona.Id, ConversationSide.Profile, "Hi Maria, thanks for reaching out! Yes, I have about 30 hours a week free from the 1st.", 5.9),
            (maria.Id, ConversationSide.Organization, "Great. Easiest is a quick call this week: you can reach me on +1 (415) 555-0142.", 5.8),
            (fiona.Id, ConversationSide.Profile, "Perfect, I'll call you on Thursday morning (your time).", 5.7),
        ];
        (string UserId, ConversationSide Side, string Body, double DaysAgo)[] initechMessages =
        [
            (carl.Id, ConversationSide.Organization, "Hello Omar, we need help moving two reporting services to .NET 10 and PostgreSQL 17. Is that something you do?", 4),
            (omar.Id, ConversationSide.Profile, "Hi Carl, yes: I have done three similar migrations. Roughly how many endpoints and tables are involved?", 3.9),
            (carl.Id, ConversationSide.Organization, "About 40 endpoints and 120 tables. Budget is around $6,000 for the first phase.", 3.8),
        ];

        Message? lastAcme = null;
        foreach (var (userId, side, body, daysAgo) in acmeMessages)
        {
            lastAcme = Message.Create(acmeFiona.Id, userId, side, body, world.Now.AddDays(-daysAgo));
            db.Messages.Add(lastAcme);
            acmeFiona.Touch(lastAcme.SentAt);
        }

        var initech = new List<Message>();
        foreach (var (userId, side, body, daysAgo) in initechMessages)
        {
            var message = Message.Create(initechOmar.Id, userId, side, body, world.Now.AddDays(-daysAgo));
            db.Messages.Add(message);
            initech.Add(message);
            initechOmar.Touch(message.SentAt);
        }

        await db.SaveChangesAsync(ct);

        // Maria and Fiona have read everything; Omar has one unread message from Carl.
        db.ConversationReadMarkers.AddRange(
            new ConversationReadMarker { ConversationId = acmeFiona.Id, UserId = maria.Id, LastReadMessageId = lastAcme!.Id },
            new ConversationReadMarker { ConversationId = acmeFiona.Id, UserId = fiona.Id, LastReadMessageId = lastAcme.Id },
            new ConversationReadMarker { ConversationId = initechOmar.Id, UserId = carl.Id, LastReadMessageId = initech[^1].Id },
            new ConversationReadMarker { ConversationId = initechOmar.Id, UserId = omar.Id, LastReadMessageId = initech[1].Id });
        await db.SaveChangesAsync(ct);
    }
}
