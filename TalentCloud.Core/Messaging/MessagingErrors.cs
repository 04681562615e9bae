namespace TalentCloud.Core.Messaging;

/// <summary>The failures a user can cause in messaging, as messages to show.</summary>
public static class MessagingErrors
{
    public const int MessagesPerMinute = 20;

    public const string NotFound = "This conversation was not found.";
    public const string EmptyMessage = "Write a message before sending.";
    public const string NotAClient = "Only people of a client organisation can start a conversation with a freelancer or agency.";
    public const string UnknownOrigin = "A conversation starts from a profile, a proposal or an offer.";
    public const string OwnProfile = "You cannot start a conversation with your own profile.";
    public const string ProfileNotFound = "That freelancer or agency was not found.";
    public const string OnlyOrganizationProposes = "Only the client's side of a conversation can propose an interview.";
    public const string OnlyProfileResponds = "Only the freelancer or agency in this conversation can answer an interview proposal.";
    public const string InterviewNotFound = "That interview proposal was not found in this conversation.";
    public const string InterviewInPast = "Choose an interview time in the future.";
    public const string InterviewTooFar = "Choose an interview time within the next 365 days.";
    public const string RateLimited =
        "You are sending messages too quickly: at most 20 messages a minute. Wait a moment and send again; your draft is kept.";

    public static string TooLong(int length) =>
        $"A message can be at most {Message.BodyMaxLength:N0} characters; yours has {length:N0}. Your draft is kept: shorten it and send again.";

    public static string UnknownTimeZone(string? zone) =>
        $"\"{zone}\" is not a known time zone. Use an IANA time zone such as Europe/Madrid or America/New_York.";

    public static string InvalidLocalTime(string zone) => $"That time does not exist in {zone} (the clocks change then). Choose another time.";

    public const string InvalidMeetingLink =
        "Give the meeting link as a full web address starting with https:// (at most 500 characters).";

    public static string AlreadyAnswered(InterviewStatus status) =>
        $"This interview proposal was already {(status == InterviewStatus.Accepted ? "accepted" : "declined")}.";
}
