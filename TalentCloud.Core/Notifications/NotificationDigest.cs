namespace TalentCloud.Core.Notifications;

/// <summary>
/// One scheduled delivery of a user's digest. (UserId, SlotUtc) is unique: whatever restarts or second instances
/// do, a user gets at most one digest per scheduled local time.
/// </summary>
public sealed class NotificationDigest
{
    public const int SlotLocalMaxLength = 32;

    public long Id { get; set; }
    public string UserId { get; set; } = "";

    /// <summary>The scheduled time (08:00 or 17:00 in the user's zone) as an instant.</summary>
    public DateTimeOffset SlotUtc { get; set; }

    /// <summary>The same time as the user saw it, e.g. "2026-11-24 08:00 Europe/Berlin" (for support and the e-mail).</summary>
    public string SlotLocal { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The notification-centre item, or null when nothing was left to send (an empty digest is not sent).</summary>
    public long? NotificationId { get; set; }

    public List<NotificationDigestSection> Sections { get; set; } = [];
}

/// <summary>One cloud's part of a digest: lets the centre filter and prioritise digests by cloud.</summary>
public sealed class NotificationDigestSection
{
    public long Id { get; set; }
    public long DigestId { get; set; }
    public long? NotificationId { get; set; }
    public int CloudId { get; set; }
    public int JobCount { get; set; }
}
