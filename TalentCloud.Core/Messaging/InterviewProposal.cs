namespace TalentCloud.Core.Messaging;

public enum InterviewStatus
{
    Proposed = 1,
    Accepted = 2,
    Declined = 3,
}

/// <summary>
/// An interview outside the platform proposed by the organisation's side: a time in a named IANA time zone and an
/// external meeting link. The profile's owner accepts or declines it.
/// </summary>
public sealed class InterviewProposal
{
    public const int MeetingLinkMaxLength = 500;
    public const int TimeZoneIdMaxLength = 64;

    public int Id { get; private set; }
    public int ConversationId { get; private set; }
    public string ProposedByUserId { get; private set; } = "";

    /// <summary>The start, as an instant.</summary>
    public DateTimeOffset StartsAt { get; private set; }

    /// <summary>The IANA zone the time was proposed in (e.g. "Europe/Madrid"); the time is shown in it.</summary>
    public string TimeZoneId { get; private set; } = "";

    public string MeetingLink { get; private set; } = "";
    public InterviewStatus Status { get; private set; }
    public DateTimeOffset ProposedAt { get; private set; }
    public DateTimeOffset? RespondedAt { get; private set; }

    public static InterviewProposal Propose(int conversationId, string userId, DateTimeOffset startsAt, string timeZoneId, string link,
        DateTimeOffset at) => new()
        {
            ConversationId = conversationId,
            ProposedByUserId = userId,
            StartsAt = startsAt,
            TimeZoneId = timeZoneId,
            MeetingLink = link,
            Status = InterviewStatus.Proposed,
            ProposedAt = at,
        };

    public void Respond(bool accept, DateTimeOffset at)
    {
        Status = accept ? InterviewStatus.Accepted : InterviewStatus.Declined;
        RespondedAt = at;
    }

    /// <summary>The start as a wall-clock time in the proposal's zone.</summary>
    public DateTimeOffset LocalStart() =>
        TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out var zone) ? TimeZoneInfo.ConvertTime(StartsAt, zone) : StartsAt;
}
