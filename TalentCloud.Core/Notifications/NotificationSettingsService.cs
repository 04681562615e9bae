using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Common;
using TalentCloud.Core.Data;
using TalentCloud.Core.Memberships;

namespace TalentCloud.Core.Notifications;

/// <summary>One row of Settings › Notification settings › Groups &amp; Invitations: a cloud the actor is an Active member of.</summary>
public sealed record CloudNotificationRow(int CloudId, string CloudName, int ProfileId, string ProfileName, NotificationFrequency Frequency, bool Prioritised);

/// <summary>A change the actor asks for on one row.</summary>
public sealed record CloudNotificationChange(int CloudId, int ProfileId, NotificationFrequency Frequency, bool Prioritised);

public sealed record NotificationSettingsView(string TimeZoneId, IReadOnlyList<CloudNotificationRow> Clouds)
{
    /// <summary>Whether rows name their profile: only when the actor's memberships belong to more than one profile.</summary>
    public bool ShowsProfileNames => Clouds.Select(c => c.ProfileId).Distinct().Skip(1).Any();
}

/// <summary>Per-cloud notification frequency and priority, and the user's time zone for digests.</summary>
public sealed class NotificationSettingsService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public static readonly IReadOnlyList<NotificationFrequency> Frequencies =
        [NotificationFrequency.Instant, NotificationFrequency.TwiceADay, NotificationFrequency.Daily, NotificationFrequency.Never];

    public static string Label(NotificationFrequency frequency) => frequency switch
    {
        NotificationFrequency.Instant => "Instant",
        NotificationFrequency.TwiceADay => "Twice a day",
        NotificationFrequency.Daily => "Daily",
        NotificationFrequency.Never => "Never",
        _ => frequency.ToString(),
    };

    /// <summary>The actor's Active memberships (by full name: the member may see them) with their settings; empty for others.</summary>
    public async Task<NotificationSettingsView> GetAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsSignedIn)
        {
            return new NotificationSettingsView("UTC", []);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var zone = await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.TimeZoneId).SingleOrDefaultAsync(ct) ?? "UTC";
        var rows = await ActiveRows(db, actor).ToListAsync(ct);
        return new NotificationSettingsView(zone, [.. rows.OrderBy(r => r.CloudName, StringComparer.CurrentCultureIgnoreCase).ThenBy(r => r.ProfileName)]);
    }

    /// <summary>
    /// Saves changes for clouds the actor is an Active member of, all or nothing. A cloud the actor is not an Active
    /// member of (or does not exist) is "not found"; a frequency outside the four is rejected.
    /// </summary>
    public Task<Result> SaveAsync(Actor actor, IReadOnlyList<CloudNotificationChange> changes, CancellationToken ct = default) =>
        SaveAsync(actor, changes, null, ct);

    /// <summary>
    /// Saves the per-cloud changes and, when <paramref name="timeZoneId"/> is given, the time zone in one transaction: a
    /// refusal of either (an unknown zone, a cloud that is not the actor's) changes nothing at all.
    /// </summary>
    public async Task<Result> SaveAsync(Actor actor, IReadOnlyList<CloudNotificationChange> changes, string? timeZoneId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(changes);
        if (!actor.IsSignedIn)
        {
            return Result.Failure(NotificationErrors.SignInRequired);
        }

        if (changes.Any(c => !Enum.IsDefined(c.Frequency)))
        {
            return Result.Failure(NotificationErrors.UnknownFrequency);
        }

        timeZoneId = timeZoneId?.Trim();
        if (timeZoneId is not null && !DigestSchedule.IsKnownZone(timeZoneId))
        {
            return Result.Failure(NotificationErrors.UnknownTimeZone);
        }

        return await UnitOfWork.RunAsync(dbFactory, clock, async uow =>
        {
            var db = uow.Db;
            var allowed = (await ActiveRows(db, actor).Select(r => new { r.CloudId, r.ProfileId, r.CloudName }).ToListAsync(ct))
                .ToDictionary(r => (r.CloudId, r.ProfileId), r => r.CloudName);
            if (changes.Any(c => !allowed.ContainsKey((c.CloudId, c.ProfileId))))
            {
                return Result.Failure(NotificationErrors.CloudNotFound);
            }

            var profileIds = changes.Select(c => c.ProfileId).Distinct().ToList();
            var existing = await db.CloudNotificationSettings.Where(s => profileIds.Contains(s.ProfileId)).ToListAsync(ct);
            foreach (var change in changes)
            {
                var setting = existing.FirstOrDefault(s => s.CloudId == change.CloudId && s.ProfileId == change.ProfileId);
                if (setting is null)
                {
                    setting = new CloudNotificationSetting { CloudId = change.CloudId, ProfileId = change.ProfileId };
                    db.CloudNotificationSettings.Add(setting);
                    existing.Add(setting);
                }

                if (setting.Id != 0 && setting.Frequency == change.Frequency && setting.Prioritised == change.Prioritised)
                {
                    continue;
                }

                setting.Frequency = change.Frequency;
                setting.Prioritised = change.Prioritised;
                uow.Audit(actor, "notifications.settings.update", allowed[(change.CloudId, change.ProfileId)],
                    $"{Label(change.Frequency)}{(change.Prioritised ? ", prioritised" : "")}", change.CloudId, change.ProfileId);
            }

            if (timeZoneId is not null)
            {
                var user = await db.Users.SingleAsync(u => u.Id == actor.UserId, ct);
                if (user.TimeZoneId != timeZoneId)
                {
                    uow.Audit(actor, "notifications.timezone.update", actor.DisplayName, timeZoneId);
                    user.TimeZoneId = timeZoneId;
                }
            }

            return Result.Success;
        }, ct, Duplicate<Result>.RunAgain(CloudNotificationSetting.OnePerMembershipIndex));
    }

    /// <summary>Sets the time zone digests follow. Must be an IANA id this server knows.</summary>
    public async Task<Result> SetTimeZoneAsync(Actor actor, string? timeZoneId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsSignedIn)
        {
            return Result.Failure(NotificationErrors.SignInRequired);
        }

        timeZoneId = timeZoneId?.Trim();
        if (!DigestSchedule.IsKnownZone(timeZoneId))
        {
            return Result.Failure(NotificationErrors.UnknownTimeZone);
        }

        return await UnitOfWork.RunAsync(dbFactory, clock, async uow =>
        {
            var user = await uow.Db.Users.SingleAsync(u => u.Id == actor.UserId, ct);
            if (user.TimeZoneId != timeZoneId)
            {
                uow.Audit(actor, "notifications.timezone.update", actor.DisplayName, timeZoneId!);
                user.TimeZoneId = timeZoneId!;
            }

            return Result.Success;
        }, ct);
    }

    /// <summary>The IANA time zones offered in the settings form.</summary>
    public static IReadOnlyList<string> KnownTimeZones() =>
        [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal) || id == "UTC").Order(StringComparer.Ordinal)];

    private static IQueryable<CloudNotificationRow> ActiveRows(AppDbContext db, Actor actor)
    {
        var profileIds = actor.ProfileIds.ToList();
        return from m in db.CloudMemberships
               join c in db.Clouds on m.CloudId equals c.Id
               join p in db.Profiles on m.ProfileId equals p.Id
               where profileIds.Contains(m.ProfileId) && m.Status == MembershipStatus.Active
               let s = db.CloudNotificationSettings.FirstOrDefault(s => s.CloudId == m.CloudId && s.ProfileId == m.ProfileId)
               select new CloudNotificationRow(c.Id, c.Name, p.Id, p.DisplayName,
                   s == null ? NotificationFrequency.Instant : s.Frequency,
                   s != null && s.Prioritised);
    }
}
