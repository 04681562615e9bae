namespace TalentCloud.Core.Common;

/// <summary>Small text helpers for values the system writes itself (never for user input, which is validated).</summary>
internal static class Text
{
    /// <summary>Cuts system-composed text to a column's limit so a long title can never fail a write.</summary>
    public static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];

    /// <summary>
    /// One line for a mail header such as the subject: line breaks (CR, LF, NEL, the Unicode line and paragraph
    /// separators) and other control characters become spaces, so a name with a line break can neither break nor
    /// inject a header.
    /// </summary>
    public static string SingleLine(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var chars = value.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsControl(chars[i]) || chars[i] is '\u2028' or '\u2029')
            {
                chars[i] = ' ';
            }
        }

        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
