using System.Globalization;

namespace TalentCloud.Core.Notifications;

/// <summary>
/// When digests are due: Twice a day at 08:00 and 17:00, Daily at 08:00, in the recipient's own time zone.
/// Local times are turned into instants with the zone's rules of that day, so a DST change moves the instant, never
/// the local hour. Pure functions: the scheduler and the tests share them.
/// </summary>
public static class DigestSchedule
{
    public static readonly TimeOnly Morning = new(8, 0);
    public static readonly TimeOnly Afternoon = new(17, 0);

    /// <summary>The zone for an IANA id; unknown or empty ids fall back to UTC.</summary>
    public static TimeZoneInfo ZoneOrUtc(string? timeZoneId)
    {
        if (!string.IsNullOrWhiteSpace(timeZoneId))
        {
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
            }
            catch (TimeZoneNotFoundException)
            {
            }
            catch (InvalidTimeZoneException)
            {
            }
        }

        return TimeZoneInfo.Utc;
    }

    /// <summary>True when <paramref name="timeZoneId"/> names a time zone this server knows.</summary>
    public static bool IsKnownZone(string? timeZoneId)
    {
        if (string.IsNullOrWhiteSpace(timeZoneId) || timeZoneId.Length > Accounts.AppUser.TimeZoneIdMaxLength)
        {
            return false;
        }

        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
        catch (InvalidTimeZoneException)
        {
            return false;
        }
    }

    /// <summary>The local delivery times a frequency uses (none for Instant and Never).</summary>
    public static IReadOnlyList<TimeOnly> TimesFor(NotificationFrequency frequency) => frequency switch
    {
        NotificationFrequency.TwiceADay => [Morning, Afternoon],
        NotificationFrequency.Daily => [Morning],
        _ => [],
    };

    /// <summary>The instant of a local date and time in a zone. A time skipped by DST is moved past the gap; a repeated one takes its first occurrence.</summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        var offset = zone.IsAmbiguousTime(local)
            ? zone.GetAmbiguousTimeOffsets(local).Max()
            : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>
    /// The first delivery time strictly after <paramref name="postedAt"/> for this frequency: the digest that should
    /// carry a job posted then. Instant and Never are treated as Twice a day (the earliest slot).
    /// </summary>
    public static DateTimeOffset FirstSlotAfter(DateTimeOffset postedAt, NotificationFrequency frequency, TimeZoneInfo zone)
    {
        var times = frequency == NotificationFrequency.Daily ? TimesFor(NotificationFrequency.Daily) : TimesFor(NotificationFrequency.TwiceADay);
        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(postedAt, zone).DateTime);
        for (var day = localDate.AddDays(-1); ; day = day.AddDays(1))
        {
            foreach (var time in times)
            {
                var instant = ToInstant(day, time, zone);
                if (instant > postedAt)
                {
                    return instant;
                }
            }
        }
    }

    /// <summary>The latest delivery time (08:00 or 17:00 local) at or before <paramref name="now"/>: the key of a digest sent now.</summary>
    public static DateTimeOffset LatestSlotAtOrBefore(DateTimeOffset now, TimeZoneInfo zone)
    {
        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        for (var day = localDate.AddDays(1); ; day = day.AddDays(-1))
        {
            foreach (var time in new[] { Afternoon, Morning })
            {
                var instant = ToInstant(day, time, zone);
                if (instant <= now)
                {
                    return instant;
                }
            }
        }
    }

    /// <summary>A slot as the user reads it, e.g. "2026-11-24 08:00 (Europe/Berlin)".</summary>
    public static string Describe(DateTimeOffset slot, TimeZoneInfo zone)
    {
        var text = TimeZoneInfo.ConvertTime(slot, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " " + zone.Id;
        return text.Length <= NotificationDigest.SlotLocalMaxLength ? text : text[..NotificationDigest.SlotLocalMaxLength];
    }
}
