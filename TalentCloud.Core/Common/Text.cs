namespace TalentCloud.Core.Common;

/// <summary>Small text helpers for values the system writes itself (never for user input, which is validated).</summary>
internal static class Text
{
    /// <summary>Cuts system-composed text to a column's limit so a long title can never fail a write.</summary>
    public static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
