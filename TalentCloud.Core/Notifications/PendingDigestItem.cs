namespace TalentCloud.Core.Notifications;

/// <summary>
/// A cloud job waiting for a member's next digest (the member chose Twice a day or Daily for that cloud).
/// Claimed by exactly one digest: <see cref="ClaimedAt"/> is a concurrency token, so two senders cannot both take it.
/// </summary>
public sealed class PendingDigestItem
{
    public const int JobTitleMaxLength = 200;

    public long Id { get; set; }

    /// <summary>The recipient: the owner of the member profile.</summary>
    public string UserId { get; set; } = "";

    public int ProfileId { get; set; }
    public int CloudId { get; set; }
    public int JobId { get; set; }
    public string JobTitle { get; set; } = "";
    public DateTimeOffset PostedAt { get; set; }

    /// <summary>When a digest took the item (sent, or dropped because the member left or chose Never); null while waiting.</summary>
    public DateTimeOffset? ClaimedAt { get; set; }

    public long? DigestId { get; set; }
}
