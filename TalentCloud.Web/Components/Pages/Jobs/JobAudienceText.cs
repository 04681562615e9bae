using System.Globalization;
using TalentCloud.Core.Jobs;

namespace TalentCloud.Web.Components.Pages.Jobs;

/// <summary>A cloud job's audience in words, for those Core lets know it (members, the posting organisation, admins).</summary>
public static class JobAudienceText
{
    public static string? Describe(JobDetails job) => Describe(job.Audience, job.CloudName, job.PublicFrom);

    public static string? Describe(JobAudience audience, string? cloudName, DateTimeOffset? publicFrom) => audience switch
    {
        JobAudience.CloudOnly => $"Only members of {cloudName}",
        JobAudience.CloudFirst => $"Members of {cloudName} first; open to everyone from {Date(publicFrom)}",
        JobAudience.CloudFirstOpened => $"Posted to {cloudName} first; open to everyone since {Date(publicFrom)}",
        _ => null,
    };

    private static string Date(DateTimeOffset? at) => at?.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "";
}
