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

/// <summary>
/// One message. <see cref="Interview"/> is set on the message that proposes an interview; <see cref="AnsweredInterviewId"/>
/// on the message that accepts or declines one, so a page can refresh that interview's card without reading the text.
/// </summary>
public sealed record MessageView(
    long Id,
    ConversationSide SenderSide,
    string SenderName,
    bool IsMine,
    string Body,
    DateTimeOffset SentAt,
    InterviewView? Interview,
    int? AnsweredInterviewId = null);

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
    /// <summary>What the organisation's side is told while it may not propose an interview (no contract, no Enterprise subscription).</summary>
    public const string InterviewNeedsContract =
        "An external meeting link is a contact detail: before a contract only verified Enterprise clients may send one.";

    public string OtherSideName => MySide == ConversationSide.Organization ? ProfileName : OrganizationName;

    public string ProfileUrl => (ProfileKind == ProfileKind.Agency ? "/agencies/" : "/freelancers/") + ProfileHandle;

    /// <summary>The other side's public page: the profile for the organisation's people; organisations have none.</summary>
    public string? OtherSideUrl => MySide == ConversationSide.Organization ? ProfileUrl : null;

    /// <summary>The freelancer or agency sees the Enterprise badge beside a verified Enterprise organisation's name.</summary>
    public bool ShowsEnterpriseBadge => MySide == ConversationSide.Profile && OrganizationIsEnterprise;

    /// <summary>
    /// Said to the organisation's side instead of offering the interview form while it may not send a meeting link; null when
    /// it may, and always for the profile's side (which answers interviews but never proposes one).
    /// </summary>
    public string? InterviewUnavailableReason =>
        MySide == ConversationSide.Organization && !CanProposeInterview ? InterviewNeedsContract : null;
}
