using System.Globalization;

namespace TalentCloud.Web.Components.Pages.Admin;

/// <summary>How the admin pages write ages and times.</summary>
public static class AdminFormat
{
    public static string Age(TimeSpan age) => age switch
    {
        { TotalMinutes: < 1 } => "less than a minute",
        { TotalHours: < 1 } => Plural((int)age.TotalMinutes, "minute"),
        { TotalDays: < 1 } => Plural((int)age.TotalHours, "hour"),
        _ => Plural((int)age.TotalDays, "day") + (age.Hours > 0 ? ", " + Plural(age.Hours, "hour") : ""),
    };

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Plural(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
}
