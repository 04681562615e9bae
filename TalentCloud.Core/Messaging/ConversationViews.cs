using TalentCloud.Core.ContactRules;
using TalentCloud.Core.Profiles;

namespace TalentCloud.Core.Messaging;

/// <summary>One row of a person's inbox. Shows no cloud memberships (so nothing there needs the visibility rule).</summary>
public sealed record InboxItem(
    int ConversationId,
    ConversationSide MySide,
    string OtherSideName,
    bool OtherSideIsEnterprise,
    string? LastMessagePreview,
    DateTimeOffset LastActivityAt,
    int UnreadCount);

public sealed record InboxPage(IReadOnlyList<InboxItem> Items, int Page, int PageSize, int TotalCount, int TotalUnread)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
}

public sealed record InterviewView(
    int Id,
    DateTimeOffset StartsAt,
    DateTimeOffset LocalStart,
    string TimeZoneId,
    string MeetingLink,
    InterviewStatus Status,
    bool CanRespond);

public sealed record MessageView(
    long Id,
    ConversationSide SenderSide,
    string SenderName,
    bool IsMine,
    string Body,
    DateTimeOffset SentAt,
    InterviewView? Interview);

public sealed record MessagePage(IReadOnlyList<MessageView> Messages, bool HasEarlier);

/// <summary>A conversation as one of its participants sees it, with the newest page of messages (oldest first).</summary>
public sealed record ConversationView(
    int Id,
    ConversationSide MySide,
    int OrganizationId,
    string OrganizationName,
    bool OrganizationIsEnterprise,
    int ProfileId,
    ProfileKind ProfileKind,
    string ProfileName,
    string ProfileHandle,
    ContactSharing Sharing,
    bool CanProposeInterview,
    IReadOnlyList<MessageView> Messages,
    bool HasEarlier)
{
    public string OtherSideName => MySide == ConversationSide.Organization ? ProfileName : OrganizationName;

    public string ProfileUrl => (ProfileKind == ProfileKind.Agency ? "/agencies/" : "/freelancers/") + ProfileHandle;
}
