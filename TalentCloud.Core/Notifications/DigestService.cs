using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TalentCloud.Core.Common;
using TalentCloud.Core.Data;
using TalentCloud.Core.Memberships;

namespace TalentCloud.Core.Notifications;

/// <summary>What one run of the digest step did.</summary>
public sealed record DigestRunResult(int DigestsSent, int ItemsDelivered, int ItemsDropped);

/// <summary>
/// Sends the digests that are due. At each delivery time a user gets one digest covering every cloud due then, a
/// section per cloud listing the jobs queued since that cloud's previous digest; an empty digest is not sent.
/// Safe to run from several instances or again after a restart: a digest is keyed by (user, scheduled slot) and
/// claims its queued items in the same transaction, so nothing is sent twice; an item stays queued until a digest
/// claims it, so nothing is skipped (a digest missed while the server was down goes out at the next run).
/// </summary>
public sealed class DigestService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, ILogger<DigestService> logger)
{
    /// <summary>Users handled per transaction.</summary>
    public int BatchSize { get; init; } = 500;

    public async Task<DigestRunResult> RunDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        List<string> userIds;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            userIds = await db.PendingDigestItems.Where(i => i.ClaimedAt == null && i.PostedAt <= now)
                .Select(i => i.UserId).Distinct().OrderBy(id => id).ToListAsync(ct);
        }

        var total = new DigestRunResult(0, 0, 0);
        foreach (var batch in userIds.Chunk(BatchSize))
        {
            try
            {
                var result = await RunBatchAsync(batch, now, ct);
                total = new DigestRunResult(total.DigestsSent + result.DigestsSent, total.ItemsDelivered + result.ItemsDelivered,
                    total.ItemsDropped + result.ItemsDropped);
            }
            catch (Exception ex) when (ex is DbUpdateException or DbException or DigestClaimConflictException)
            {
                // Another instance took some of these users first (unique slot key or claimed items): its digest stands,
                // this batch rolled back completely and the rest is picked up at the next run.
                logger.LogInformation(ex, "Digest batch of {Count} users left to another sender.", batch.Length);
            }
        }

        return total;
    }

    /// <summary>
    /// One batch as one unit of work. On SQLite its transaction takes the write lock first (BEGIN IMMEDIATE); on
    /// PostgreSQL it holds a named lock, so only one instance writes digests at a time: what is read below cannot be
    /// claimed by another instance meanwhile.
    /// </summary>
    private Task<DigestRunResult> RunBatchAsync(string[] userIds, DateTimeOffset now, CancellationToken ct) =>
        UnitOfWork.RunAsync(dbFactory, clock, uow => WriteBatchAsync(uow, userIds, now, ct), _ => true, ct);

    private static async Task<DigestRunResult> WriteBatchAsync(UnitOfWork uow, string[] userIds, DateTimeOffset now, CancellationToken ct)
    {
        var db = uow.Db;
        await uow.HoldAsync("digests");

        // The batch is a sorted run of user ids: a range on the UserId index is much cheaper than a long IN list. The
        // comparisons below are translated to SQL, where the database compares the ids byte by byte (no culture involved).
#pragma warning disable CA1309
        string first = userIds[0], last = userIds[^1];
        var items = await db.PendingDigestItems.AsNoTracking()
            .Where(i => string.Compare(i.UserId, first) >= 0 && string.Compare(i.UserId, last) <= 0)
            .Where(i => i.ClaimedAt == null && i.PostedAt <= now)
            .ToListAsync(ct);
        var facts = await (from i in db.PendingDigestItems
                           where string.Compare(i.UserId, first) >= 0 && string.Compare(i.UserId, last) <= 0
                                 && i.ClaimedAt == null && i.PostedAt <= now
                           select new
                           {
                               i.Id,
                               Frequency = db.CloudNotificationSettings
                                   .Where(s => s.CloudId == i.CloudId && s.ProfileId == i.ProfileId)
                                   .Select(s => (NotificationFrequency?)s.Frequency).FirstOrDefault(),
                               Active = db.CloudMemberships.Any(m => m.CloudId == i.CloudId && m.ProfileId == i.ProfileId
                                   && m.Status == MembershipStatus.Active),
                           }).ToDictionaryAsync(f => f.Id, ct);
        var users = await db.Users.Where(u => string.Compare(u.Id, first) >= 0 && string.Compare(u.Id, last) <= 0)
            .Select(u => new { u.Id, u.Email, u.TimeZoneId }).ToDictionaryAsync(u => u.Id, ct);
        var cloudIds = items.Select(i => i.CloudId).Distinct().ToList();
        var cloudNames = await db.Clouds.Where(c => cloudIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var existingSlots = (await db.NotificationDigests.Where(d => string.Compare(d.UserId, first) >= 0 && string.Compare(d.UserId, last) <= 0)
                .Select(d => new { d.UserId, d.SlotUtc }).ToListAsync(ct))
            .Select(d => (d.UserId, d.SlotUtc.UtcTicks)).ToHashSet();
#pragma warning restore CA1309

        int sent = 0, delivered = 0, dropped = 0;
        var notified = new List<string>();
        // Written with prepared commands on the context's connection and transaction: at 100,000 digests a run, one
        // tracked entity per row costs minutes; these statements cost seconds.
        await using var writer = new DigestWriter(db.Database.GetDbConnection(), db.Database.CurrentTransaction!.GetDbTransaction());
        foreach (var group in items.GroupBy(i => i.UserId))
        {
            if (!users.TryGetValue(group.Key, out var user))
            {
                continue;
            }

            var zone = DigestSchedule.ZoneOrUtc(user.TimeZoneId);
            var due = new List<PendingDigestItem>();
            foreach (var item in group)
            {
                var fact = facts[item.Id];
                var frequency = fact.Frequency ?? NotificationFrequency.Instant;
                if (!fact.Active || frequency == NotificationFrequency.Never)
                {
                    // Left the cloud, or chose Never since the job was queued: nothing more from that cloud.
                    await writer.ClaimAsync(item.Id, null, now, ct);
                    dropped++;
                }
                else if (DigestSchedule.FirstSlotAfter(item.PostedAt, frequency, zone) <= now)
                {
                    due.Add(item);
                }
            }

            if (due.Count == 0)
            {
                continue;
            }

            var slot = DigestSchedule.LatestSlotAtOrBefore(now, zone);
            if (existingSlots.Contains((group.Key, slot.UtcTicks)))
            {
                // This slot's digest already went out; what became due since waits for the next slot.
                continue;
            }

            var slotLocal = DigestSchedule.Describe(slot, zone);
            var sections = due
                .GroupBy(i => i.CloudId)
                .Select(g => new DigestSectionContent(g.Key, cloudNames.GetValueOrDefault(g.Key, "Talent Cloud"),
                    [.. g.GroupBy(i => i.JobId).Select(j => j.OrderBy(i => i.PostedAt).First()).OrderBy(i => i.PostedAt).Select(i => new DigestJob(i.JobId, i.JobTitle))]))
                .OrderBy(s => s.CloudName, StringComparer.CurrentCultureIgnoreCase)
                .ToList();
            var notification = BuildNotification(group.Key, sections, slotLocal, now);
            var notificationId = await writer.AddNotificationAsync(notification, ct);
            await writer.AddEmailAsync(group.Key, user.Email ?? "", notification.Title, BuildHtml(sections, slotLocal, db.Settings.PublicAddress), now, ct);
            // The unique (user, slot) key: a second sender fails here and its whole batch rolls back.
            var digestId = await writer.AddDigestAsync(group.Key, slot, slotLocal, now, notificationId, ct);
            foreach (var section in sections)
            {
                await writer.AddSectionAsync(digestId, notificationId, section.CloudId, section.Jobs.Count, ct);
            }

            foreach (var item in due)
            {
                await writer.ClaimAsync(item.Id, digestId, now, ct);
            }

            existingSlots.Add((group.Key, slot.UtcTicks));
            notified.Add(group.Key);
            sent++;
            delivered += due.Count;
        }

        // Written as plain SQL, so announced by hand: open pages of these users hear about their digest with the commit.
        db.AnnounceNotifications(notified);
        return new DigestRunResult(sent, delivered, dropped);
    }

    private sealed record DigestJob(int JobId, string Title);

    private sealed record DigestSectionContent(int CloudId, string CloudName, IReadOnlyList<DigestJob> Jobs);

    private static Notification BuildNotification(string userId, List<DigestSectionContent> sections, string slotLocal, DateTimeOffset now)
    {
        var jobs = sections.Sum(s => s.Jobs.Count);
        var title = sections.Count == 1
            ? $"Your digest: {Count(jobs, "new job")} in {sections[0].CloudName}"
            : $"Your digest: {Count(jobs, "new job")} in {sections.Count} Talent Clouds";
        var body = new StringBuilder();
        foreach (var section in sections)
        {
            body.Append(section.CloudName).Append(" — ").AppendLine(Count(section.Jobs.Count, "new job"));
            foreach (var job in section.Jobs.Take(20))
            {
                body.Append("• ").AppendLine(job.Title);
            }

            if (section.Jobs.Count > 20)
            {
                body.Append("• and ").Append(section.Jobs.Count - 20).AppendLine(" more");
            }

            body.AppendLine();
        }

        body.Append("Digest for ").Append(slotLocal).Append('.');
        return new Notification
        {
            UserId = userId,
            Kind = NotificationKind.Digest,
            Title = Text.Truncate(title, Notification.TitleMaxLength),
            Body = Text.Truncate(body.ToString(), Notification.BodyMaxLength),
            Link = "/my/talent-clouds/jobs",
            CloudId = sections.Count == 1 ? sections[0].CloudId : null,
            CreatedAt = now,
        };
    }

    private static string BuildHtml(List<DigestSectionContent> sections, string slotLocal, PublicAddress links)
    {
        var html = new StringBuilder();
        html.Append("<h1>Your Talent Cloud digest</h1>");
        foreach (var section in sections)
        {
            html.Append("<h2>").Append(WebUtility.HtmlEncode(section.CloudName)).Append("</h2><ul>");
            foreach (var job in section.Jobs)
            {
                html.Append("<li><a href=\"").Append(WebUtility.HtmlEncode(links.Link("/jobs/" + job.JobId.ToString(CultureInfo.InvariantCulture))))
                    .Append("\">").Append(WebUtility.HtmlEncode(job.Title)).Append("</a></li>");
            }

            html.Append("</ul>");
        }

        html.Append("<p>Digest for ").Append(WebUtility.HtmlEncode(slotLocal)).Append(". Change how often you hear from each cloud under <a href=\"")
            .Append(WebUtility.HtmlEncode(links.Link("/settings/notifications"))).Append("\">Settings › Notification settings</a>.</p>");
        return html.ToString();
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n.ToString("N0", CultureInfo.InvariantCulture)} {noun}s";
}
