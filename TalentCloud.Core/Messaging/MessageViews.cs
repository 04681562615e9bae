using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Data;

namespace TalentCloud.Core.Messaging;

/// <summary>Messages as a side of a conversation reads them: sender names, own messages marked, interview proposals attached.</summary>
internal static class MessageViews
{
    private const int PreviewLength = 140;

    /// <summary>The newest page of messages before <paramref name="beforeId"/> (all when null), oldest first, and whether more lie before.</summary>
    public static async Task<MessagePage> PageAsync(AppDbContext db, Actor actor, Conversation conversation, ConversationSide side,
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

    public static async Task<IReadOnlyList<MessageView>> ToViewsAsync(AppDbContext db, Actor actor, Conversation conversation, ConversationSide mySide,
        IReadOnlyList<Message> rows, CancellationToken ct)
    {
        var senderIds = rows.Where(m => m.SenderSide == ConversationSide.Organization).Select(m => m.SenderUserId).Distinct().ToList();
        var userNames = await db.Users.AsNoTracking().Where(u => senderIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var profileName = await db.Profiles.AsNoTracking().Where(p => p.Id == conversation.ProfileId).Select(p => p.DisplayName).SingleAsync(ct);
        var interviewIds = rows.Where(m => m.InterviewProposalId is not null && !m.AnswersInterview).Select(m => m.InterviewProposalId!.Value).ToList();
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
            !m.AnswersInterview && m.InterviewProposalId is { } iid && interviews.TryGetValue(iid, out var i)
                ? new InterviewView(i.Id, i.StartsAt, i.LocalStart(), i.TimeZoneId, i.MeetingLink, i.Status,
                    mySide == ConversationSide.Profile && i.Status == InterviewStatus.Proposed)
                : null,
            m.AnswersInterview ? m.InterviewProposalId : null))];
    }

    /// <summary>A message's first line-joined characters, for the inbox and notifications.</summary>
    public static string Preview(string body)
    {
        var flat = string.Join(' ', body.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return flat.Length <= PreviewLength ? flat : flat[..(PreviewLength - 1)] + "…";
    }

    public static string FormatLocal(DateTime local) => local.ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);
}
