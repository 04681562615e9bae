namespace TalentCloud.Core.Notifications;

public enum NotificationKind
{
    CloudJobPosted = 1,
    InvitationReceived = 2,
    OfferReceived = 3,
    MembershipApproved = 4,
    MembershipRejected = 5,
    RemovalProcessed = 6,
    MessageReceived = 7,
    Digest = 8,
    General = 9,
}

/// <summary>An item in a user's notification centre.</summary>
public sealed class Notification
{
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 4000;
    public const int LinkMaxLength = 300;

    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public NotificationKind Kind { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";

    /// <summary>A local address in the app the item leads to, or empty.</summary>
    public string Link { get; set; } = "";

    /// <summary>The cloud the item is about, when it is about one (for filtering and prioritising).</summary>
    public int? CloudId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}
