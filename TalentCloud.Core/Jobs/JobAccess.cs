using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Connects;
using TalentCloud.Core.Data;
using TalentCloud.Core.Memberships;

namespace TalentCloud.Core.Jobs;

/// <summary>
/// Who may see which job, as one query filter every job read goes through. A public job is seen by everyone; a cloud
/// job only by the cloud's Active members, the posting organisation's people and platform admins — until it opens to
/// everyone, if it was posted "cloud first". For anyone else it is filtered out before counting, so it is absent from
/// pages, lists, counts and searches alike.
/// </summary>
internal static class JobAccess
{
    /// <summary>The viewer with the facts every job rule needs: their Active clouds and the time.</summary>
    public static async Task<JobViewer> ViewerAsync(AppDbContext db, Actor viewer, DateTimeOffset now, CancellationToken ct) =>
        new(viewer, await ActiveCloudIdsAsync(db, viewer, ct), now);

    public static async Task<IQueryable<Job>> VisibleJobsAsync(AppDbContext db, Actor viewer, DateTimeOffset now, CancellationToken ct) =>
        (await ViewerAsync(db, viewer, now, ct)).Visible(db);

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
}

/// <summary>One viewer of jobs at one moment: what they may see, whether a job's cloud is theirs to know, and what a proposal costs them.</summary>
internal sealed record JobViewer(Actor Actor, IReadOnlyList<int> ActiveCloudIds, DateTimeOffset Now)
{
    public IQueryable<Job> Visible(AppDbContext db)
    {
        var jobs = db.Jobs.AsNoTracking();
        if (Actor.IsPlatformAdmin)
        {
            return jobs;
        }

        var clouds = ActiveCloudIds.ToList();
        var organizations = Actor.Organizations.Keys.ToList();
        var now = Now;
        return jobs.Where(j => j.CloudId == null || (j.PublicFrom != null && j.PublicFrom <= now)
            || organizations.Contains(j.OrganizationId) || clouds.Contains(j.CloudId.Value));
    }

    /// <summary>
    /// Whether the viewer may know the job's cloud (its name, that the job went to the cloud first): the cloud's Active members,
    /// the posting organisation's people and platform admins. Everyone else sees an opened cloud-first job as a public job.
    /// </summary>
    public bool KnowsCloudOf(int organizationId, int? cloudId) =>
        cloudId is int cloud && (Actor.IsPlatformAdmin || Actor.BelongsTo(organizationId) || ActiveCloudIds.Contains(cloud));

    public bool IsMemberOf(int? cloudId) => cloudId is int cloud && ActiveCloudIds.Contains(cloud);

    /// <summary>Members of the job's cloud pay nothing; anyone else pays the public tier once the job is open to everyone.</summary>
    public int ProposalCost(int? cloudId, DateTimeOffset? publicFrom, BudgetType type, int budget)
    {
        var free = cloudId is not null && (IsMemberOf(cloudId) || publicFrom is null || publicFrom > Now);
        return ConnectsPricing.ProposalCost(free, type, budget);
    }

    /// <summary>The audience as this viewer may know it: an opened cloud-first job is simply public to outsiders.</summary>
    public JobAudience AudienceOf(int organizationId, int? cloudId, DateTimeOffset? publicFrom)
    {
        if (!KnowsCloudOf(organizationId, cloudId))
        {
            return JobAudience.Public;
        }

        return publicFrom is null ? JobAudience.CloudOnly : publicFrom <= Now ? JobAudience.CloudFirstOpened : JobAudience.CloudFirst;
    }
}
