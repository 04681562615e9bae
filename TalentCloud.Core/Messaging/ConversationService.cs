using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Audit;
using TalentCloud.Core.Common;
using TalentCloud.Core.ContactDetails;
using TalentCloud.Core.ContactRules;
using TalentCloud.Core.Data;
using TalentCloud.Core.Notifications;

namespace TalentCloud.Core.Messaging;

/// <summary>
/// Private conversations between a client organisation and a freelancer or agency. Only the two sides may read or
/// write (the organisation's owner and hiring managers, and the profile's owner); for anyone else the conversation
/// does not exist. Every message passes <see cref="ContactDetailsPolicy"/>.
/// </summary>
public sealed class ConversationService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, ConversationNotifier notifier)
{
    public const int DefaultPageSize = 30;
    public const int InboxPageSize = 20;
    private const int PreviewLength = 140;

    /// <summary>
    /// Opens the conversation between the actor's organisation and a profile, starting it when there is none yet.
    /// Returns the conversation id. <paramref name="organizationId"/> picks one of the actor's organisations.
    /// </summary>
    public async Task<Result<int>> StartAsync(Actor actor, int profileId, ConversationOrigin origin = ConversationOrigin.Profile,
        int? originId = null, int? organizationId = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsClient)
        {
            return Result<int>.Failure(MessagingErrors.NotAClient);
        }

        var orgId = organizationId ?? actor.Organizations.Keys.Min();
        if (!actor.BelongsTo(orgId))
        {
            return Result<int>.Failure(MessagingErrors.NotAClient);
        }

        if (!Enum.IsDefined(origin))
        {
            return Result<int>.Failure(MessagingErrors.UnknownOrigin);
        }

        if (actor.OwnsProfile(profileId))
        {
            return Result<int>.Failure(MessagingErrors.OwnProfile);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
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

        var now = clock.GetUtcNow();
        var orgName = await db.Organizations.Where(o => o.Id == orgId).Select(o => o.Name).SingleAsync(ct);
        var conversation = Conversation.Start(orgId, profileId, origin, originId, actor.UserId!, now);
        db.Add(conversation);
        AuditLog.Record(db, actor, "conversation.started", $"{orgName} and {profile.DisplayName}", $"started from {origin.ToString().ToLowerInvariant()}",
            now, profileId: profileId, organizationId: orgId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone on the same side started it at the same moment: use theirs.
            await using var again = await dbFactory.CreateDbContextAsync(ct);
            var theirs = await again.Set<Conversation>().Where(c => c.OrganizationId == orgId && c.ProfileId == profileId)
                .Select(c => c.Id).SingleAsync(ct);
            return Result<int>.Success(theirs);
        }

        return Result<int>.Success(conversation.Id);
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
        var mine = Mine(db, actor);
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
                r.LastBody is null ? null : Preview(r.LastBody),
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
        var access = await AccessAsync(db, actor, conversationId, ct);
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
        var page = await LoadPageAsync(db, actor, conversation, side, null, pageSize, ct);
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
        var access = await AccessAsync(db, actor, conversationId, ct);
        return access is null ? null : await LoadPageAsync(db, actor, access.Value.Conversation, access.Value.Side, beforeMessageId, pageSize, ct);
    }

    /// <summary>Messages after <paramref name="afterMessageId"/> (for live updates), oldest first; null when not a participant.</summary>
    public async Task<IReadOnlyList<MessageView>?> GetNewerMessagesAsync(Actor actor, int conversationId, long afterMessageId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await AccessAsync(db, actor, conversationId, ct);
        if (access is null)
        {
            return null;
        }

        var rows = await db.Set<Message>().AsNoTracking()
            .Where(m => m.ConversationId == conversationId && m.Id > afterMessageId)
            .OrderBy(m => m.Id).Take(200).ToListAsync(ct);
        return await ToViewsAsync(db, actor, access.Value.Conversation, access.Value.Side, rows, ct);
    }

    /// <summary>Marks everything up to the newest message as read for the actor. False when not a participant.</summary>
    public async Task<bool> MarkReadAsync(Actor actor, int conversationId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await AccessAsync(db, actor, conversationId, ct);
        if (access is null)
        {
            return false;
        }

        var newest = await db.Set<Message>().Where(m => m.ConversationId == conversationId).MaxAsync(m => (long?)m.Id, ct) ?? 0;
        var marker = await db.Set<ConversationReadMarker>().SingleOrDefaultAsync(r => r.ConversationId == conversationId && r.UserId == actor.UserId, ct);
        if (marker is null)
        {
            db.Add(new ConversationReadMarker { ConversationId = conversationId, UserId = actor.UserId!, LastReadMessageId = newest });
        }
        else if (marker.LastReadMessageId < newest)
        {
            marker.LastReadMessageId = newest;
        }

        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Sends a message. Refused (nothing stored) when the conversation is not the actor's, the text is empty or too long,
    /// the actor writes too fast, or it has contact details the pair may not share yet (the rule is explained).
    /// </summary>
    public async Task<Result<MessageView>> SendAsync(Actor actor, int conversationId, string? body, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await AccessAsync(db, actor, conversationId, ct);
        if (access is null)
        {
            return Result<MessageView>.Failure(MessagingErrors.NotFound);
        }

        var text = body?.Trim() ?? "";
        if (text.Length == 0)
        {
            return Result<MessageView>.Failure(MessagingErrors.EmptyMessage);
        }

        if (text.Length > Message.BodyMaxLength)
        {
            return Result<MessageView>.Failure(MessagingErrors.TooLong(text.Length));
        }

        var (conversation, side) = access.Value;
        var now = clock.GetUtcNow();
        var facts = await ContactDetailsPolicy.LoadFactsAsync(db, conversation.OrganizationId, conversation.ProfileId, now, ct);
        var decision = ContactDetailsPolicy.Decide(text, facts);
        if (!decision.Allowed)
        {
            return Result<MessageView>.Failure(decision.Refusal!);
        }

        var outcome = decision.ContainsContactDetails
            ? $"delivered with {ContactDetailsPolicy.Describe(decision.Found)} ({(decision.Sharing == ContactSharing.ContractStarted ? "contract started" : "Enterprise exception")})"
            : "delivered";
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Counted inside the write transaction (SQLite's write lock), so a burst of parallel sends cannot all pass.
        if (await IsRateLimitedAsync(db, actor, now, ct))
        {
            return Result<MessageView>.Failure(MessagingErrors.RateLimited);
        }

        var message = await AddMessageAsync(db, actor, conversation, side, facts, text, now, null, "message.sent", outcome, ct);
        await transaction.CommitAsync(ct);
        notifier.Publish(new ConversationUpdate(conversation.Id, message.Id));
        return Result<MessageView>.Success(message);
    }

    /// <summary>
    /// The organisation's side proposes an interview outside the platform: a local time in an IANA time zone and an
    /// external meeting link. Before a contract only a verified Enterprise organisation may do this (the link is a contact detail).
    /// </summary>
    public async Task<Result<MessageView>> ProposeInterviewAsync(Actor actor, int conversationId, DateTime localStart, string? timeZoneId,
        string? meetingLink, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await AccessAsync(db, actor, conversationId, ct);
        if (access is null)
        {
            return Result<MessageView>.Failure(MessagingErrors.NotFound);
        }

        var (conversation, side) = access.Value;
        if (side != ConversationSide.Organization)
        {
            return Result<MessageView>.Failure(MessagingErrors.OnlyOrganizationProposes);
        }

        var now = clock.GetUtcNow();
        var facts = await ContactDetailsPolicy.LoadFactsAsync(db, conversation.OrganizationId, conversation.ProfileId, now, ct);
        if (ContactDetailsPolicy.SharingFor(facts) == ContactSharing.NotYet)
        {
            return Result<MessageView>.Failure(ContactDetailsPolicy.RefusalFor([ContactDetailKind.Url], facts));
        }

        var zoneId = timeZoneId?.Trim() ?? "";
        if (zoneId.Length == 0 || zoneId.Length > InterviewProposal.TimeZoneIdMaxLength
            || !TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
        {
            return Result<MessageView>.Failure(MessagingErrors.UnknownTimeZone(timeZoneId));
        }

        var link = meetingLink?.Trim() ?? "";
        if (link.Length > InterviewProposal.MeetingLinkMaxLength
            || !Uri.TryCreate(link, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return Result<MessageView>.Failure(MessagingErrors.InvalidMeetingLink);
        }

        var wallClock = DateTime.SpecifyKind(localStart, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(wallClock))
        {
            return Result<MessageView>.Failure(MessagingErrors.InvalidLocalTime(zoneId));
        }

        var startsAt = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(wallClock, zone), TimeSpan.Zero);
        if (startsAt <= now)
        {
            return Result<MessageView>.Failure(MessagingErrors.InterviewInPast);
        }

        if (startsAt > now.AddDays(365))
        {
            return Result<MessageView>.Failure(MessagingErrors.InterviewTooFar);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await IsRateLimitedAsync(db, actor, now, ct))
        {
            return Result<MessageView>.Failure(MessagingErrors.RateLimited);
        }

        var proposal = InterviewProposal.Propose(conversationId, actor.UserId!, startsAt, zoneId, link, now);
        db.Add(proposal);
        await db.SaveChangesAsync(ct);
        var body = $"Proposed an interview outside TalentCloud on {FormatLocal(wallClock)} ({zoneId}): {link}";
        var message = await AddMessageAsync(db, actor, conversation, side, facts, body, now, proposal.Id, "interview.proposed",
            $"{FormatLocal(wallClock)} {zoneId}", ct);
        await transaction.CommitAsync(ct);
        notifier.Publish(new ConversationUpdate(conversation.Id, message.Id));
        return Result<MessageView>.Success(message);
    }

    /// <summary>The profile's owner accepts or declines a proposed interview; the answer is posted as a message.</summary>
    public async Task<Result<MessageView>> RespondToInterviewAsync(Actor actor, int conversationId, int interviewId, bool accept,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await AccessAsync(db, actor, conversationId, ct);
        if (access is null)
        {
            return Result<MessageView>.Failure(MessagingErrors.NotFound);
        }

        var (conversation, side) = access.Value;
        if (side != ConversationSide.Profile)
        {
            return Result<MessageView>.Failure(MessagingErrors.OnlyProfileResponds);
        }

        var proposal = await db.Set<InterviewProposal>().SingleOrDefaultAsync(i => i.Id == interviewId && i.ConversationId == conversationId, ct);
        if (proposal is null)
        {
            return Result<MessageView>.Failure(MessagingErrors.InterviewNotFound);
        }

        if (proposal.Status != InterviewStatus.Proposed)
        {
            return Result<MessageView>.Failure(MessagingErrors.AlreadyAnswered(proposal.Status));
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        proposal.Respond(accept, now);
        var facts = await ContactDetailsPolicy.LoadFactsAsync(db, conversation.OrganizationId, conversation.ProfileId, now, ct);
        var when = $"{FormatLocal(proposal.LocalStart().DateTime)} ({proposal.TimeZoneId})";
        var body = accept ? $"Accepted the interview on {when}." : $"Declined the interview on {when}.";
        var message = await AddMessageAsync(db, actor, conversation, side, facts, body, now, null,
            accept ? "interview.accepted" : "interview.declined", when, ct);
        await transaction.CommitAsync(ct);
        notifier.Publish(new ConversationUpdate(conversation.Id, message.Id));
        return Result<MessageView>.Success(message);
    }

    /// <summary>Adds a message with its notifications and audit entry inside the caller's transaction; the caller commits and publishes.</summary>
    private static async Task<MessageView> AddMessageAsync(AppDbContext db, Actor actor, Conversation conversation, ConversationSide side, PairFacts facts,
        string body, DateTimeOffset now, int? interviewId, string auditAction, string auditOutcome, CancellationToken ct)
    {
        var message = Message.Create(conversation.Id, actor.UserId!, side, body, now, interviewId);
        db.Add(message);
        db.Attach(conversation);
        conversation.Touch(now);

        var senderName = side == ConversationSide.Organization ? facts.OrganizationName : facts.ProfileName;
        var recipients = side == ConversationSide.Organization
            ? await db.Profiles.Where(p => p.Id == conversation.ProfileId).Select(p => p.OwnerUserId).ToListAsync(ct)
            : await db.OrganizationMembers.Where(m => m.OrganizationId == conversation.OrganizationId).Select(m => m.UserId).ToListAsync(ct);
        foreach (var userId in recipients.Where(u => u != actor.UserId).Distinct())
        {
            NotificationEvents.Personal(db, userId, NotificationKind.MessageReceived, $"New message from {senderName}", Preview(body),
                $"/messages/{conversation.Id}", now);
        }

        AuditLog.Record(db, actor, auditAction, $"Conversation {conversation.Id}: {facts.OrganizationName} and {facts.ProfileName}", auditOutcome,
            now, profileId: conversation.ProfileId, organizationId: conversation.OrganizationId);
        await db.SaveChangesAsync(ct);

        // The sender has read their own message.
        await MarkReadUpToAsync(db, conversation.Id, actor.UserId!, message.Id, ct);
        var views = await ToViewsAsync(db, actor, conversation, side, [message], ct);
        return views[0];
    }

    private static async Task MarkReadUpToAsync(AppDbContext db, int conversationId, string userId, long messageId, CancellationToken ct)
    {
        var marker = await db.Set<ConversationReadMarker>().SingleOrDefaultAsync(r => r.ConversationId == conversationId && r.UserId == userId, ct);
        if (marker is null)
        {
            db.Add(new ConversationReadMarker { ConversationId = conversationId, UserId = userId, LastReadMessageId = messageId });
        }
        else if (marker.LastReadMessageId < messageId)
        {
            marker.LastReadMessageId = messageId;
        }

        await db.SaveChangesAsync(ct);
    }

    private static async Task<bool> IsRateLimitedAsync(AppDbContext db, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        // Counted while holding the sender's lock (SQLite's write lock, or a named lock on PostgreSQL), so a burst of
        // parallel sends is counted one after another and cannot all pass.
        await DatabaseLocks.HoldAsync(db, "messages-of:" + actor.UserId, ct);
        var since = now.AddMinutes(-1);
        var recent = await db.Set<Message>().CountAsync(m => m.SenderUserId == actor.UserId && m.SentAt > since, ct);
        return recent >= MessagingErrors.MessagesPerMinute;
    }

    /// <summary>The conversation and the actor's side of it, or null when the actor has no side (not found for them).</summary>
    private static async Task<(Conversation Conversation, ConversationSide Side)?> AccessAsync(AppDbContext db, Actor actor, int conversationId,
        CancellationToken ct)
    {
        if (!actor.IsSignedIn)
        {
            return null;
        }

        var conversation = await db.Set<Conversation>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == conversationId, ct);
        if (conversation is null)
        {
            return null;
        }

        if (actor.BelongsTo(conversation.OrganizationId))
        {
            return (conversation, ConversationSide.Organization);
        }

        return actor.OwnsProfile(conversation.ProfileId) ? (conversation, ConversationSide.Profile) : null;
    }

    private static IQueryable<Conversation> Mine(AppDbContext db, Actor actor)
    {
        var orgIds = actor.Organizations.Keys.ToList();
        var profileIds = actor.ProfileIds.ToList();
        return db.Set<Conversation>().Where(c => orgIds.Contains(c.OrganizationId) || profileIds.Contains(c.ProfileId));
    }

    private static async Task<MessagePage> LoadPageAsync(AppDbContext db, Actor actor, Conversation conversation, ConversationSide side,
        long? beforeId, int pageSize, CancellationToken ct)
    {
        pageSize = Math.Clamp(pageSize, 1, 100);
        var query = db.Set<Message>().AsNoTracking().Where(m => m.ConversationId == conversation.Id);
        if (beforeId is { } before)
        {
            query = query.Where(m => m.Id < before);
        }

        var rows = await query.OrderByDescending(m => m.Id).Take(pageSize + 1).ToListAsync(ct);
        var hasEarlier = rows.Count > pageSize;
        rows = [.. rows.Take(pageSize).OrderBy(m => m.Id)];
        return new MessagePage(await ToViewsAsync(db, actor, conversation, side, rows, ct), hasEarlier);
    }

    private static async Task<IReadOnlyList<MessageView>> ToViewsAsync(AppDbContext db, Actor actor, Conversation conversation, ConversationSide mySide,
        IReadOnlyList<Message> rows, CancellationToken ct)
    {
        var senderIds = rows.Where(m => m.SenderSide == ConversationSide.Organization).Select(m => m.SenderUserId).Distinct().ToList();
        var userNames = await db.Users.AsNoTracking().Where(u => senderIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var profileName = await db.Profiles.AsNoTracking().Where(p => p.Id == conversation.ProfileId).Select(p => p.DisplayName).SingleAsync(ct);
        var interviewIds = rows.Where(m => m.InterviewProposalId is not null).Select(m => m.InterviewProposalId!.Value).ToList();
        var interviews = interviewIds.Count == 0
            ? []
            : await db.Set<InterviewProposal>().AsNoTracking().Where(i => interviewIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        return [.. rows.Select(m => new MessageView(
            m.Id,
            m.SenderSide,
            m.SenderSide == ConversationSide.Organization ? userNames.GetValueOrDefault(m.SenderUserId, "") : profileName,
            m.SenderUserId == actor.UserId,
            m.Body,
            m.SentAt,
            m.InterviewProposalId is { } iid && interviews.TryGetValue(iid, out var i)
                ? new InterviewView(i.Id, i.StartsAt, i.LocalStart(), i.TimeZoneId, i.MeetingLink, i.Status,
                    mySide == ConversationSide.Profile && i.Status == InterviewStatus.Proposed)
                : null))];
    }

    private static string Preview(string body)
    {
        var flat = string.Join(' ', body.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return flat.Length <= PreviewLength ? flat : flat[..(PreviewLength - 1)] + "…";
    }

    private static string FormatLocal(DateTime local) => local.ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);
}
