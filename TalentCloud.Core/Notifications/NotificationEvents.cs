using System.Net;
using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Common;
using TalentCloud.Core.Data;
using TalentCloud.Core.Memberships;

namespace TalentCloud.Core.Notifications;

/// <summary>
/// The one place features report events that notify people. Each method adds rows to the caller's unit of work,
/// so a notification exists exactly when the change that caused it committed. Texts passed in must already follow
/// the visibility rule for their recipient. Open pages hear about new items once the caller's transaction commits
/// (see <see cref="Live.LiveUpdateInterceptor"/>).
/// </summary>
public static class NotificationEvents
{
    /// <summary>A personal event (invitation, offer, decision, message): always delivered at once, in the centre and by e-mail.</summary>
    public static void Personal(AppDbContext db, string userId, NotificationKind kind, string title, string body, string link,
        DateTimeOffset at, int? cloudId = null) =>
        AddInstant(db, userId, null, kind, title, body, link, at, cloudId);

    /// <summary>
    /// A job was posted to a cloud. Each member whose membership is Active now is told at the frequency they chose for
    /// that cloud: Instant → an item at once; Twice a day / Daily → queued for their next digest; Never → nothing.
    /// No settings row means Instant.
    /// </summary>
    public static async Task CloudJobPostedAsync(AppDbContext db, int cloudId, string cloudName, int jobId, string jobTitle, DateTimeOffset at, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var members = await (from m in db.CloudMemberships
                             join p in db.Profiles on m.ProfileId equals p.Id
                             join u in db.Users on p.OwnerUserId equals u.Id
                             where m.CloudId == cloudId && m.Status == MembershipStatus.Active
                             select new
                             {
                                 ProfileId = p.Id,
                                 UserId = u.Id,
                                 u.Email,
                                 Frequency = db.CloudNotificationSettings
                                     .Where(s => s.CloudId == cloudId && s.ProfileId == p.Id)
                                     .Select(s => (NotificationFrequency?)s.Frequency)
                                     .FirstOrDefault(),
                             }).ToListAsync(ct);

        foreach (var user in members.GroupBy(m => m.UserId))
        {
            // A user acting for two member profiles gets one item: the more immediate choice wins.
            var first = user.First();
            if (user.Any(m => (m.Frequency ?? NotificationFrequency.Instant) == NotificationFrequency.Instant))
            {
                AddInstant(db, user.Key, first.Email, NotificationKind.CloudJobPosted, $"New job in {cloudName}: {jobTitle}",
                    $"A job was posted to {cloudName}, a Talent Cloud you belong to.", $"/jobs/{jobId}", at, cloudId);
                continue;
            }

            var queued = user.FirstOrDefault(m => m.Frequency is NotificationFrequency.TwiceADay or NotificationFrequency.Daily);
            if (queued is not null)
            {
                db.PendingDigestItems.Add(new PendingDigestItem
                {
                    UserId = user.Key,
                    ProfileId = queued.ProfileId,
                    CloudId = cloudId,
                    JobId = jobId,
                    JobTitle = Text.Truncate(jobTitle, PendingDigestItem.JobTitleMaxLength),
                    PostedAt = at,
                });
            }
        }
    }

    internal static Notification AddInstant(AppDbContext db, string userId, string? email, NotificationKind kind, string title, string body, string link,
        DateTimeOffset at, int? cloudId)
    {
        ArgumentNullException.ThrowIfNull(db);
        var notification = new Notification
        {
            UserId = userId,
            Kind = kind,
            Title = Text.Truncate(title, Notification.TitleMaxLength),
            Body = Text.Truncate(body, Notification.BodyMaxLength),
            Link = Text.Truncate(link, Notification.LinkMaxLength),
            CloudId = cloudId,
            CreatedAt = at,
        };
        db.Notifications.Add(notification);
        var html = $"<p>{WebUtility.HtmlEncode(body)}</p>"
            + (string.IsNullOrEmpty(link) ? "" : $"<p><a href=\"{WebUtility.HtmlEncode(db.Settings.PublicAddress.Link(link))}\">Open in TalentCloud</a></p>");
        QueueEmail(db, userId, email, notification.Title, html, at);
        return notification;
    }

    internal static void QueueEmail(AppDbContext db, string userId, string? email, string subject, string html, DateTimeOffset at) =>
        db.OutboxEmails.Add(OutboxEmail.Create(email ?? "", userId, subject, html, at));

    /// <summary>An e-mail to an address that may not have an account yet (a team invitation), in the caller's unit of work.</summary>
    internal static void QueueEmailTo(AppDbContext db, string address, string subject, string html, DateTimeOffset at) =>
        db.OutboxEmails.Add(new OutboxEmail
        {
            ToAddress = address,
            Subject = Text.Truncate(subject, OutboxEmail.SubjectMaxLength),
            HtmlBody = html,
            CreatedAt = at,
        });

}
