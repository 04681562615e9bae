namespace TalentCloud.Core.Messaging;

/// <summary>One message in a conversation. Bodies are plain text; pages show them as text, never as markup.</summary>
public sealed class Message
{
    public const int BodyMaxLength = 4000;

    public long Id { get; private set; }
    public int ConversationId { get; private set; }
    public string SenderUserId { get; private set; } = "";
    public ConversationSide SenderSide { get; private set; }
    public string Body { get; private set; } = "";
    public DateTimeOffset SentAt { get; private set; }

    /// <summary>
    /// The interview outside the platform this message is about: the organisation's side proposes it, the profile's side
    /// answers it (<see cref="AnswersInterview"/>).
    /// </summary>
    public int? InterviewProposalId { get; private set; }

    /// <summary>True for the profile's acceptance or refusal of an interview (only the organisation's side proposes one).</summary>
    public bool AnswersInterview => InterviewProposalId is not null && SenderSide == ConversationSide.Profile;

    public static Message Create(int conversationId, string senderUserId, ConversationSide side, string body, DateTimeOffset at,
        int? interviewProposalId = null) => new()
        {
            ConversationId = conversationId,
            SenderUserId = senderUserId,
            SenderSide = side,
            Body = body,
            SentAt = at,
            InterviewProposalId = interviewProposalId,
        };
}

/// <summary>How far one person has read one conversation (per person, so each of an organisation's people has their own count).</summary>
public sealed class ConversationReadMarker
{
    public int ConversationId { get; set; }
    public string UserId { get; set; } = "";
    public long LastReadMessageId { get; set; }
}
