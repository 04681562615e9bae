using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Data;

namespace TalentCloud.Core.Messaging;

/// <summary>Who may read and write a conversation: its two sides only; for anyone else it does not exist.</summary>
internal static class ConversationAccess
{
    /// <summary>The conversation and the actor's side of it, or null when the actor has no side (not found for them).</summary>
    public static async Task<(Conversation Conversation, ConversationSide Side)?> FindAsync(AppDbContext db, Actor actor, int conversationId,
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

    /// <summary>
    /// The conversation when the actor is on <paramref name="side"/> of it; otherwise no conversation and why: not found
    /// for someone with no side, <paramref name="wrongSide"/> for the other side.
    /// </summary>
    public static async Task<(Conversation? Conversation, string? Refusal)> OnSideAsync(AppDbContext db, Actor actor, int conversationId,
        ConversationSide side, string wrongSide, CancellationToken ct)
    {
        var access = await FindAsync(db, actor, conversationId, ct);
        if (access is null)
        {
            return (null, MessagingErrors.NotFound);
        }

        return access.Value.Side == side ? (access.Value.Conversation, null) : (null, wrongSide);
    }

    /// <summary>Every conversation the actor has a side in.</summary>
    public static IQueryable<Conversation> Mine(AppDbContext db, Actor actor)
    {
        var orgIds = actor.Organizations.Keys.ToList();
        var profileIds = actor.ProfileIds.ToList();
        return db.Set<Conversation>().Where(c => orgIds.Contains(c.OrganizationId) || profileIds.Contains(c.ProfileId));
    }
}
