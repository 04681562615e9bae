namespace TalentCloud.Core.Common;

/// <summary>
/// "Contains this text, ignoring case" as a LIKE that means the same on both databases: SQLite's LIKE ignores ASCII
/// case and PostgreSQL's does not, so the query lower-cases the column (<c>column.ToLower()</c>) and the pattern
/// is lower-cased here, with LIKE's wildcards escaped so typed <c>%</c> and <c>_</c> are plain characters.
/// </summary>
internal static class TextMatch
{
    /// <summary>The escape character the patterns use; pass it to <c>EF.Functions.Like</c>.</summary>
    public const string Escape = "\\";

    /// <summary>A pattern matching <paramref name="text"/> anywhere, for a lower-cased column.</summary>
    public static string ContainsPattern(string text) =>
        "%" + text.ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
