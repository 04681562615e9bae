namespace TalentCloud.Core.Common;

/// <summary>
/// "Contains this text, ignoring case" as a LIKE that means the same on both databases: SQLite's LIKE ignores ASCII
/// case and PostgreSQL's does not, so the query lower-cases the column in SQL (<see cref="Lower"/>) and the pattern
/// is lower-cased here, with LIKE's wildcards escaped so typed <c>%</c> and <c>_</c> are plain characters.
/// </summary>
internal static class TextMatch
{
    /// <summary>The escape character the patterns use; pass it to <c>EF.Functions.Like</c>.</summary>
    public const string Escape = "\\";

    /// <summary>
    /// A pattern matching <paramref name="text"/> anywhere, for a column passed through <see cref="Lower"/>. The filter is
    /// cleaned as stored names are (<see cref="UserText.Line"/>): a control character could never match one, and PostgreSQL
    /// refuses a NUL in a parameter outright.
    /// </summary>
    public static string ContainsPattern(string text) =>
        "%" + UserText.Line(text).ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";

    /// <summary>
    /// The database's own <c>lower()</c> of a column, in a query (the model maps it; see <c>AppDbContext</c>). Both
    /// databases lower-case without any culture of the app's process, so the query means the same wherever it runs.
    /// </summary>
    public static string Lower(string column) =>
        throw new InvalidOperationException($"{nameof(TextMatch)}.{nameof(Lower)} runs only inside a database query.");
}
