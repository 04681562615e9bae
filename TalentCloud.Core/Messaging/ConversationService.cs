using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Common;
using TalentCloud.Core.ContactRules;
using TalentCloud.Core.Data;
using TalentCloud.Core.Notifications;
using TalentCloud.Core.Organizations;

namespace TalentCloud.Core.Messaging;

/// <summary>
/// Private conversations between a client organisation and a freelancer or agency: starting one, the inbox, reading
/// and marking read. Only the two sides may read or write (the organisation's owner and hiring managers, and the
/// profile's owner); for anyone else the conversation does not exist. Writing is <see cref="MessageService"/>
/// (every message passes <see cref="ContactDetailsPolicy"/>) and <see cref="InterviewService"/>.
/// </summary>
public sealed class ConversationService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public const int DefaultPageSize = 30;
    public const int InboxPageSize = 20;

    /// <summary>
    /// Opens the conversation between the actor's organisation and a profile, starting it when there is none yet.
    /// Returns the conversation id. <paramref name="organizationId"/> picks one of the actor's organisations.
    /// </summary>
    public Task<Result<int>> StartAsync(Actor actor, int profileId, ConversationOrigin origin = ConversationOrigin.Profile,
        int? originId = null, int? organizationId = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsClient)
        {
            return Task.FromResult(Result<int>.Failure(MessagingErrors.NotAClient));
        }

        var orgId = organizationId ?? actor.Organizations.Keys.Min();
        if (!actor.Can(orgId, OrganizationAction.Message))
        {
            return Task.FromResult(Result<int>.Failure(MessagingErrors.NotAClient));
        }

        if (!Enum.IsDefined(origin))
        {
            return Task.FromResult(Result<int>.Failure(MessagingErrors.UnknownOrigin));
        }

        if (actor.OwnsProfile(profileId))
        {
            return Task.FromResult(Result<int>.Failure(MessagingErrors.OwnProfile));
        }

        // Someone on the same side starting it at the same moment meets the unique (organisation, profile) index;
        // this use case then runs again and opens theirs.
        return UnitOfWork.RunAsync(dbFactory, clock, async uow =>
        {
            var db = uow.Db;
            var profile = await db.Profiles.AsNoTracking().Where(p => p.Id == profileId).Select(p => new { p.Id, p.DisplayName }).SingleOrDefaultAsync(ct);
            if (profile is null)
            {
                return Result<int>.Failure(MessagingErrors.ProfileNotFound);
            }

            var existing = await db.Set<Conversation>().Where(c => c.OrganizationId == orgId && c.ProfileId == profileId)
                .Select(c => (int?)c.Id).SingleOrDefaultAsync(ct);
            if (existing is { } id)
            {
                return Result<int>.Success(id);
            }

            // Opening an existing conversation is free; starting a new one counts towards the per-user limit.
            if (await ActionLimiter.TryCountAsync(db, actor.UserId!, LimitedAction.StartConversation, uow.Now, ct) is { } refusal)
            {
                return Result<int>.Failure(refusal);
            }

            var orgName = await db.Organizations.Where(o => o.Id == orgId).Select(o => o.Name).SingleAsync(ct);
            var conversation = Conversation.Start(orgId, profileId, origin, originId, actor.UserId!, uow.Now);
            db.Add(conversation);
            uow.Audit(actor, "conversation.started", $"{orgName} and {profile.DisplayName}", $"started from {origin.ToString().ToLowerInvariant()}",
                profileId: profileId, organizationId: orgId);
            await uow.SaveAsync();
            return Result<int>.Success(conversation.Id);
        }, ct, Duplicate<Result<int>>.RunAgain(Conversation.OnePerPairIndex));
    }

    /// <summary>The actor's conversations, newest activity first, with unread counts. Empty for people with no side.</summary>
    public async Task<InboxPage> GetInboxAsync(Actor actor, int page = 1, int pageSize = InboxPageSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        pageSize = Math.Clamp(pageSize, 1, 100);
        page = Math.Max(1, page);
        if (!actor.IsSignedIn || (!actor.IsClient && !actor.IsTalent))
        {
            return new InboxPage([], page, pageSize, 0, 0);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = ConversationAccess.Mine(db, actor);
        var total = await mine.CountAsync(ct);
        var userId = actor.UserId!;
        var unreadByConversation = await UnreadCountsAsync(db, mine, userId, ct);
        var totalUnread = unreadByConversation.Values.Sum();

        var rows = await (from c in mine
                          join o in db.Organizations on c.OrganizationId equals o.Id
                          join p in db.Profiles on c.ProfileId equals p.Id
                          orderby c.LastActivityAt descending, c.Id descending
                          select new
                          {
                              c.Id,
                              c.OrganizationId,
                              OrganizationName = o.Name,
                              o.HasEnterpriseSubscription,
                              ProfileName = p.DisplayName,
                              c.LastActivityAt,
                              LastBody = db.Set<Message>().Where(m => m.ConversationId == c.Id).OrderByDescending(m => m.Id)
                                  .Select(m => m.Body).FirstOrDefault(),
                          })
            .Skip((page - 1) * pageSize).Take(pageSize)
            .AsNoTracking().ToListAsync(ct);

        var items = rows.Select(r =>
        {
            var side = actor.BelongsTo(r.OrganizationId) ? ConversationSide.Organization : ConversationSide.Profile;
            var unread = unreadByConversation.GetValueOrDefault(r.Id);
            return new InboxItem(r.Id, side,
                side == ConversationSide.Organization ? r.ProfileName : r.OrganizationName,
                side == ConversationSide.Profile && r.HasEnterpriseSubscription,
                r.LastBody is null ? null : MessageViews.Preview(r.LastBody),
                r.LastActivityAt, unread);
        }).ToList();
        return new InboxPage(items, page, pageSize, total, totalUnread);
    }

    /// <summary>Unread messages from others per conversation (only conversations with some), counted in SQL.</summary>
    private static async Task<Dictionary<int, int>> UnreadCountsAsync(AppDbContext db, IQueryable<Conversation> conversations, string userId,
        CancellationToken ct) =>
        await (from c in conversations
               join r in db.Set<ConversationReadMarker>().Where(r => r.UserId == userId) on c.Id equals r.ConversationId into markers
               from r in markers.DefaultIfEmpty()
               join m in db.Set<Message>() on c.Id equals m.ConversationId
               where m.SenderUserId != userId && m.Id > (r == null ? 0 : r.LastReadMessageId)
               group m by c.Id into g
               select new { ConversationId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.ConversationId, x => x.Count, ct);

    /// <summary>How many messages from others the actor has not read, over all their conversations.</summary>
    public async Task<int> GetUnreadCountAsync(Actor actor, CancellationToken ct = default) =>
        (await GetInboxAsync(actor, 1, 1, ct)).TotalUnread;

    /// <summary>The conversation with its newest page of messages, or null when the actor is not one of its sides.</summary>
    public async Task<ConversationView?> GetConversationAsync(Actor actor, int conversationId, int pageSize = DefaultPageSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await ConversationAccess.FindAsync(db, actor, conversationId, ct);
        if (access is null)
        {
            return null;
        }

        var (conversation, side) = access.Value;
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == conversation.OrganizationId)
            .Select(o => new { o.Name, o.HasEnterpriseSubscription }).SingleAsync(ct);
        var profile = await db.Profiles.AsNoTracking().Where(p => p.Id == conversation.ProfileId)
            .Select(p => new { p.DisplayName, p.Handle, p.Kind }).SingleAsync(ct);
        var facts = await ContactDetailsPolicy.LoadFactsAsync(db, conversation.OrganizationId, conversation.ProfileId, clock.GetUtcNow(), ct);
        var sharing = ContactDetailsPolicy.SharingFor(facts);
        var page = await MessageViews.PageAsync(db, actor, conversation, side, null, pageSize, ct);
        return new ConversationView(conversation.Id, side, conversation.OrganizationId, org.Name, org.HasEnterpriseSubscription,
            conversation.ProfileId, profile.Kind, profile.DisplayName, profile.Handle, sharing,
            side == ConversationSide.Organization && sharing != ContactSharing.NotYet,
            page.Messages, page.HasEarlier);
    }

    /// <summary>The page of messages just before <paramref name="beforeMessageId"/> (oldest first), or null when not a participant.</summary>
    public async Task<MessagePage?> GetEarlierMessagesAsync(Actor actor, int conversationId, long beforeMessageId, int pageSize = DefaultPageSize,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await ConversationAccess.FindAsync(db, actor, conversationId, ct);
        return access is null ? null : await MessageViews.PageAsync(db, actor, access.Value.Conversation, access.Value.Side, beforeMessageId, pageSize, ct);
    }

    /// <summary>Messages after <paramref name="afterMessageId"/> (for live updates), oldest first; null when not a participant.</summary>
    public async Task<IReadOnlyList<MessageView>?> GetNewerMessagesAsync(Actor actor, int conversationId, long afterMessageId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await ConversationAccess.FindAsync(db, actor, conversationId, ct);
        if (access is null)
        {
            return null;
        }

        var rows = await db.Set<Message>().AsNoTracking()
            .Where(m => m.ConversationId == conversationId && m.Id > afterMessageId)
            .OrderBy(m => m.Id).Take(200).ToListAsync(ct);
        return await MessageViews.ToViewsAsync(db, actor, access.Value.Conversation, access.Value.Side, rows, ct);
    }

    /// <summary>Marks everything up to the newest message as read for the actor. False when not a participant.</summary>
    public async Task<bool> MarkReadAsync(Actor actor, int conversationId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await ConversationAccess.FindAsync(db, actor, conversationId, ct);
        if (access is null)
        {
            return false;
        }

        var newest = await db.Set<Message>().Where(m => m.ConversationId == conversationId).MaxAsync(m => (long?)m.Id, ct) ?? 0;
        await MessageWriter.MarkReadUpToAsync(db, conversationId, actor.UserId!, newest, ct);
        return true;
    }
}
