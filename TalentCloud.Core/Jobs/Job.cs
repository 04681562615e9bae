namespace TalentCloud.Core.Jobs;

public enum BudgetType
{
    /// <summary>The budget is the most the client pays per hour, in whole US dollars.</summary>
    Hourly = 1,

    /// <summary>The budget is the fixed price for the whole job, in whole US dollars.</summary>
    Fixed = 2,
}

public enum ExperienceLevel
{
    Entry = 1,
    Intermediate = 2,
    Expert = 3,
}

public enum JobStatus
{
    Open = 1,
    Closed = 2,
}

/// <summary>Who a job is for, as far as the viewer may know it.</summary>
public enum JobAudience
{
    /// <summary>Posted publicly, or (for a viewer outside its cloud) a cloud-first job that has opened.</summary>
    Public = 0,

    /// <summary>Only the cloud's Active members, for as long as the job lives.</summary>
    CloudOnly = 1,

    /// <summary>The cloud first; everyone from <see cref="Job.PublicFrom"/>, which has not come yet.</summary>
    CloudFirst = 2,

    /// <summary>Posted to the cloud first and open to everyone since <see cref="Job.PublicFrom"/>.</summary>
    CloudFirstOpened = 3,
}

/// <summary>
/// A job posted by a client organisation. A public job (no <see cref="CloudId"/>) is seen by everyone; a cloud job
/// exists only for that cloud's Active members, the owning organisation's people and platform admins, until
/// <see cref="PublicFrom"/> (when it was posted "cloud first"), after which everyone sees it. The audience only ever widens.
/// </summary>
public sealed class Job
{
    public const int TitleMaxLength = 120;
    public const int DescriptionMaxLength = 5000;
    public const int MaxSkills = 10;
    public const int MinHourlyBudget = 5;
    public const int MaxHourlyBudget = 1000;
    public const int MinFixedBudget = 5;
    public const int MaxFixedBudget = 1_000_000;
    public const int MinCloudFirstDays = 1;
    public const int MaxCloudFirstDays = 30;

    public int Id { get; private set; }
    public int OrganizationId { get; private set; }

    /// <summary>The Talent Cloud the job is exclusive to, or null for a public job.</summary>
    public int? CloudId { get; private set; }

    /// <summary>For a cloud job posted "cloud first": when it opens to everyone. Null for a cloud-only or a public job.</summary>
    public DateTimeOffset? PublicFrom { get; private set; }

    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public BudgetType BudgetType { get; private set; }

    /// <summary>Whole US dollars: per hour for <see cref="BudgetType.Hourly"/>, in total for <see cref="BudgetType.Fixed"/>.</summary>
    public int Budget { get; private set; }

    public ExperienceLevel ExperienceLevel { get; private set; }
    public JobStatus Status { get; private set; }
    public string PostedByUserId { get; private set; } = "";
    public DateTimeOffset PostedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    public List<JobSkill> Skills { get; private set; } = [];

    public bool IsOpen => Status == JobStatus.Open;

    public bool IsCloudJob => CloudId is not null;

    /// <summary>Whether everyone may see the job at <paramref name="now"/>.</summary>
    public bool IsPublicAt(DateTimeOffset now) => CloudId is null || PublicFrom <= now;

    public JobAudience AudienceAt(DateTimeOffset now) => CloudId is null ? JobAudience.Public
        : PublicFrom is null ? JobAudience.CloudOnly
        : PublicFrom <= now ? JobAudience.CloudFirstOpened
        : JobAudience.CloudFirst;

    /// <summary>Creates an open job from input that <see cref="JobService"/> has already validated.</summary>
    public static Job Post(int organizationId, int? cloudId, string title, string description, BudgetType budgetType, int budget,
        ExperienceLevel level, IEnumerable<string> skills, string postedByUserId, DateTimeOffset at, DateTimeOffset? publicFrom = null) => new()
        {
            OrganizationId = organizationId,
            CloudId = cloudId,
            PublicFrom = cloudId is null ? null : publicFrom,
            Title = title,
            Description = description,
            BudgetType = budgetType,
            Budget = budget,
            ExperienceLevel = level,
            Status = JobStatus.Open,
            PostedByUserId = postedByUserId,
            PostedAt = at,
            Skills = [.. skills.Select(s => new JobSkill { Name = s })],
        };

    /// <summary>
    /// Widens a cloud job's audience: everyone may see it from <paramref name="from"/>. Only forward: a cloud-only job may
    /// get an opening time, a cloud-first job an earlier one; no job ever goes back to its cloud. Returns why not, or null.
    /// </summary>
    public string? OpenToPublic(DateTimeOffset from, DateTimeOffset now)
    {
        if (CloudId is null || IsPublicAt(now))
        {
            return JobErrors.AlreadyPublic;
        }

        if (Status == JobStatus.Closed)
        {
            return JobErrors.AlreadyClosed;
        }

        if (PublicFrom is { } current && from > current)
        {
            return JobErrors.AudienceOnlyWidens(current);
        }

        PublicFrom = from < now ? now : from;
        return null;
    }

    public void Close(DateTimeOffset at)
    {
        if (Status == JobStatus.Closed)
        {
            return;
        }

        Status = JobStatus.Closed;
        ClosedAt = at;
    }

    public static int MinBudget(BudgetType type) => type == BudgetType.Hourly ? MinHourlyBudget : MinFixedBudget;

    public static int MaxBudget(BudgetType type) => type == BudgetType.Hourly ? MaxHourlyBudget : MaxFixedBudget;
}

/// <summary>One required skill of a job, stored as its own row so the skill filter stays in SQL.</summary>
public sealed class JobSkill
{
    public int JobId { get; set; }
    public string Name { get; set; } = "";
}
