using System.Globalization;

namespace TalentCloud.Core.Common;

/// <summary>How dates appear in the texts Core writes (messages, notifications, audit outcomes).</summary>
internal static class Dates
{
    /// <summary>"7 Dec 2026".</summary>
    public static string Day(DateTimeOffset at) => at.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
