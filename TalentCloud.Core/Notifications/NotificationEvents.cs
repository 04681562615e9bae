using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Data;
using TalentCloud.Core.Memberships;

namespace TalentCloud.Core.Notifications;

/// <summary>
/// The one place features report events that notify people. Each method adds rows to the caller's unit of work,
/// so a notification exists exactly when the change that caused it committed. Texts passed in must already follow
/// the visibility rule for their recipient.
/// </summary>
public static class NotificationEvents
{
    /// <summary>A personal event (invitation, offer, decision, message): always delivered at once.</summary>
    public static void Personal(AppDbContext db, string userId, NotificationKind kind, string title, string body, string link,
        DateTimeOffset at, int? cloudId = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.Notifications.Add(new Notification
        {
            UserId = userId,
            Kind = kind,
            Title = Truncate(title, Notification.TitleMaxLength),
            Body = Truncate(body, Notification.BodyMaxLength),
            Link = Truncate(link, Notification.LinkMaxLength),
            CloudId = cloudId,
            CreatedAt = at,
        });
    }

    /// <summary>
    /// A job was posted to a cloud: every Active member's owner is told. (Per-cloud frequencies and digests decide
    /// how; until a member chooses otherwise, the item is instant.)
    /// </summary>
    public static async Task CloudJobPostedAsync(AppDbContext db, int cloudId, string cloudName, int jobId, string jobTitle, DateTimeOffset at, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var owners = await (from m in db.CloudMemberships
                            join p in db.Profiles on m.ProfileId equals p.Id
                            where m.CloudId == cloudId && m.Status == MembershipStatus.Active
                            select p.OwnerUserId).Distinct().ToListAsync(ct);
        foreach (var userId in owners)
        {
            Personal(db, userId, NotificationKind.CloudJobPosted, $"New job in {cloudName}: {jobTitle}",
                $"A job was posted to {cloudName}, a Talent Cloud you belong to.", $"/jobs/{jobId}", at, cloudId);
        }
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
