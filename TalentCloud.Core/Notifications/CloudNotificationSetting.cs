namespace TalentCloud.Core.Notifications;

/// <summary>How often a member hears about one cloud's jobs.</summary>
public enum NotificationFrequency
{
    Instant = 1,
    TwiceADay = 2,
    Daily = 3,
    Never = 4,
}

/// <summary>
/// A member's notification choice for one cloud (Settings › Notification settings › Groups &amp; Invitations).
/// No row means the defaults: Instant, not prioritised. Deleted with the membership on complete removal.
/// </summary>
public sealed class CloudNotificationSetting
{
    /// <summary>The unique (cloud, profile) index: one setting per membership.</summary>
    public const string OnePerMembershipIndex = "IX_CloudNotificationSettings_CloudId_ProfileId";

    public int Id { get; set; }
    public int CloudId { get; set; }
    public int ProfileId { get; set; }
    public NotificationFrequency Frequency { get; set; } = NotificationFrequency.Instant;
    public bool Prioritised { get; set; }
}
