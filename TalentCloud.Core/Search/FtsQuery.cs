namespace TalentCloud.Core.Search;

/// <summary>
/// Turns what a user typed into an FTS5 query that searches every word as text: each word becomes a quoted phrase
/// (inner quotes doubled), so quotes, <c>*</c>, <c>NEAR</c>, parentheses, <c>-</c>, <c>OR</c> and column filters are
/// never read as FTS syntax. Words without a letter or digit carry nothing searchable and are dropped;
/// control characters separate words.
/// </summary>
public static class FtsQuery
{
    public static IReadOnlyList<string> Terms(string? text, int maxTerms) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            // Control characters (NUL ends an FTS5 query string) count as spaces.
            : [.. new string([.. text.Select(c => char.IsControl(c) ? ' ' : c)])
                .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                .Where(w => w.Any(char.IsLetterOrDigit))
                .Take(maxTerms)];

    /// <summary>The MATCH expression: all terms must occur (implicit AND), each as a literal phrase.</summary>
    public static string ToMatch(IEnumerable<string> terms) =>
        string.Join(' ', terms.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));

    /// <summary>
    /// The strings a skill name is compared with to count "skills matched": each term, each pair of neighbouring
    /// terms ("react native") and the whole text.
    /// </summary>
    public static IReadOnlyList<string> SkillCandidates(IReadOnlyList<string> terms)
    {
        var candidates = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var term in terms)
        {
            candidates.Add(term);
        }

        for (var i = 0; i + 1 < terms.Count; i++)
        {
            candidates.Add(terms[i] + " " + terms[i + 1]);
        }

        if (terms.Count > 2)
        {
            candidates.Add(string.Join(' ', terms));
        }

        return [.. candidates];
    }
}
