using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.ContactRules;
using TalentCloud.Core.Data;
using TalentCloud.Core.Notifications;

namespace TalentCloud.Core.Messaging;

/// <summary>
/// Writing a message into a unit of work: the message, the conversation's activity time, a notification for each
/// person on the other side, the audit entry and the sender's read marker. Open pages hear about it after the commit
/// (<see cref="Live.LiveUpdateInterceptor"/>).
/// </summary>
internal static class MessageWriter
{
    /// <summary>
    /// Whether the actor has sent <see cref="MessagingErrors.MessagesPerMinute"/> messages in the last minute. Counted
    /// while holding the sender's lock (SQLite's write lock, a named lock on PostgreSQL), so a burst of parallel sends
    /// is counted one after another and cannot all pass.
    /// </summary>
    public static async Task<bool> IsRateLimitedAsync(UnitOfWork uow, Actor actor, CancellationToken ct)
    {
        await uow.HoldAsync("messages-of:" + actor.UserId);
        var since = uow.Now.AddMinutes(-1);
        var recent = await uow.Db.Set<Message>().CountAsync(m => m.SenderUserId == actor.UserId && m.SentAt > since, ct);
        return recent >= MessagingErrors.MessagesPerMinute;
    }

    public static async Task<MessageView> AddAsync(UnitOfWork uow, Actor actor, Conversation conversation, ConversationSide side, PairFacts facts,
        string body, int? interviewId, string auditAction, string auditOutcome, CancellationToken ct)
    {
        var db = uow.Db;
        var message = Message.Create(conversation.Id, actor.UserId!, side, body, uow.Now, interviewId);
        db.Add(message);
        db.Attach(conversation);
        conversation.Touch(uow.Now);

        var senderName = side == ConversationSide.Organization ? facts.OrganizationName : facts.ProfileName;
        var recipients = side == ConversationSide.Organization
            ? await db.Profiles.Where(p => p.Id == conversation.ProfileId).Select(p => p.OwnerUserId).ToListAsync(ct)
            : await db.OrganizationMembers.Where(m => m.OrganizationId == conversation.OrganizationId).Select(m => m.UserId).ToListAsync(ct);
        foreach (var userId in recipients.Where(u => u != actor.UserId).Distinct())
        {
            uow.Notify(userId, NotificationKind.MessageReceived, $"New message from {senderName}", MessageViews.Preview(body),
                $"/messages/{conversation.Id}");
        }

        uow.Audit(actor, auditAction, $"Conversation {conversation.Id}: {facts.OrganizationName} and {facts.ProfileName}", auditOutcome,
            profileId: conversation.ProfileId, organizationId: conversation.OrganizationId);
        await uow.SaveAsync();

        // The sender has read their own message.
        await MarkReadUpToAsync(db, conversation.Id, actor.UserId!, message.Id, ct);
        var views = await MessageViews.ToViewsAsync(db, actor, conversation, side, [message], ct);
        return views[0];
    }

    /// <summary>
    /// Moves the user's read marker forward to <paramref name="messageId"/> (never back) in one statement, so two tabs
    /// marking the same conversation read at once both succeed (SQLite and PostgreSQL share this upsert).
    /// </summary>
    public static Task MarkReadUpToAsync(AppDbContext db, int conversationId, string userId, long messageId, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "ConversationReadMarkers" ("ConversationId", "UserId", "LastReadMessageId")
            VALUES ({conversationId}, {userId}, {messageId})
            ON CONFLICT ("ConversationId", "UserId") DO UPDATE SET "LastReadMessageId" = excluded."LastReadMessageId"
            WHERE excluded."LastReadMessageId" > "ConversationReadMarkers"."LastReadMessageId"
            """, ct);
}
