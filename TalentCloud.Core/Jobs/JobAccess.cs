using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Data;
using TalentCloud.Core.Memberships;

namespace TalentCloud.Core.Jobs;

/// <summary>
/// Who may see which job, as one query filter every job read goes through. A public job is seen by everyone; a cloud
/// job only by the cloud's Active members, the posting organisation's people and platform admins. For anyone else
/// it is filtered out before counting, so it is absent from pages, lists, counts and searches alike.
/// </summary>
internal static class JobAccess
{
    public static async Task<IQueryable<Job>> VisibleJobsAsync(AppDbContext db, Actor viewer, CancellationToken ct)
    {
        var jobs = db.Jobs.AsNoTracking();
        if (viewer.IsPlatformAdmin)
        {
            return jobs;
        }

        var clouds = await ActiveCloudIdsAsync(db, viewer, ct);
        var organizations = viewer.Organizations.Keys.ToList();
        return jobs.Where(j => j.CloudId == null || organizations.Contains(j.OrganizationId) || clouds.Contains(j.CloudId.Value));
    }

    /// <summary>The clouds in which one of the viewer's profiles is an Active member (pending grants nothing).</summary>
    public static async Task<List<int>> ActiveCloudIdsAsync(AppDbContext db, Actor viewer, CancellationToken ct)
    {
        if (viewer.ProfileIds.Count == 0)
        {
            return [];
        }

        var profiles = viewer.ProfileIds.ToList();
        return await db.CloudMemberships
            .Where(m => profiles.Contains(m.ProfileId) && m.Status == MembershipStatus.Active)
            .Select(m => m.CloudId)
            .Distinct()
            .ToListAsync(ct);
    }

    /// <summary>True when the viewer may see a job with these facts (the same rule as the filter, for one loaded job).</summary>
    public static bool CanSee(Actor viewer, int organizationId, int? cloudId, IReadOnlyCollection<int> activeCloudIds) =>
        cloudId is null || viewer.IsPlatformAdmin || viewer.BelongsTo(organizationId) || activeCloudIds.Contains(cloudId.Value);
}
