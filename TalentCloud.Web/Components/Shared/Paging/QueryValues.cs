using System.Globalization;

namespace TalentCloud.Web.Components.Shared.Paging;

/// <summary>
/// The one lenient reader of query-string values. Pages bind every numeric, flag or enum query value as a string
/// (<c>[SupplyParameterFromQuery] public string? Page { get; set; }</c>) and read it here: a malformed, negative,
/// fractional or huge value becomes the default or the nearest allowed value, never an exception, so a hand-edited
/// address such as <c>/jobs?page=abc</c> or <c>?page=99999999999999999999</c> still gets a page.
/// </summary>
public static class QueryValues
{
    /// <summary>The highest page number any list accepts; services clamp further to their last page.</summary>
    public const int MaxPage = 100_000;

    /// <summary>A 1-based page number: 1 when missing or malformed, clamped to 1…<paramref name="max"/>.</summary>
    public static int Page(string? raw, int max = MaxPage) => Number(raw, fallback: 1, min: 1, max: max);

    /// <summary>
    /// A whole number in <paramref name="min"/>…<paramref name="max"/>. Missing or malformed text gives
    /// <paramref name="fallback"/>; a fraction is cut to its whole part; digits beyond any integer clamp to the bound
    /// on their side.
    /// </summary>
    public static int Number(string? raw, int fallback, int min, int max)
    {
        var text = raw?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return Math.Clamp(fallback, min, max);
        }

        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return number <= min ? min : number >= max ? max : (int)decimal.Truncate(number);
        }

        // Too many digits even for a decimal: clamp by sign, as the number was meant to be huge.
        var digits = text.TrimStart('+', '-');
        if (digits.Length > 0 && digits.All(char.IsAsciiDigit))
        {
            return text[0] == '-' ? min : max;
        }

        return Math.Clamp(fallback, min, max);
    }

    /// <summary>An optional whole number (an id filter): null when missing, malformed or outside the range.</summary>
    public static int? OptionalNumber(string? raw, int min = 1, int max = int.MaxValue) =>
        int.TryParse(raw?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : null;

    /// <summary>
    /// A day written as yyyy-MM-dd (what a date input sends); null when missing or malformed, and for the first and last
    /// representable years, so a caller can add a day or take the start of one without overflowing.
    /// </summary>
    public static DateOnly? Date(string? raw) =>
        DateOnly.TryParseExact(raw?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year > 1 && date.Year < 9999
            ? date
            : null;

    /// <summary>A check box in a GET form: "1", "true", "on" or "yes" (any case) mean true; anything else false.</summary>
    public static bool Flag(string? raw) =>
        raw?.Trim().ToLowerInvariant() is "1" or "true" or "on" or "yes";

    /// <summary>An enum value by name (any case); numbers, unknown names and missing text give <paramref name="fallback"/>.</summary>
    public static TEnum Enum<TEnum>(string? raw, TEnum fallback)
        where TEnum : struct, Enum
    {
        var text = raw?.Trim();
        return !string.IsNullOrEmpty(text) && !char.IsAsciiDigit(text[0]) && text[0] != '-' && text[0] != '+'
            && System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value)
                ? value
                : fallback;
    }

    /// <summary>Free text: trimmed, control characters dropped, cut to <paramref name="maxLength"/>; null when empty.</summary>
    public static string? Text(string? raw, int maxLength)
    {
        if (raw is null)
        {
            return null;
        }

        var text = new string([.. raw.Where(c => !char.IsControl(c))]).Trim();
        if (text.Length > maxLength)
        {
            text = text[..maxLength].TrimEnd();
        }

        return text.Length == 0 ? null : text;
    }
}
