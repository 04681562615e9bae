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

/// <summary>
/// A job posted by a client organisation. A public job (no <see cref="CloudId"/>) is seen by everyone; a cloud job
/// exists only for that cloud's Active members, the owning organisation's people and platform admins.
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

    public int Id { get; private set; }
    public int OrganizationId { get; private set; }

    /// <summary>The Talent Cloud the job is exclusive to, or null for a public job.</summary>
    public int? CloudId { get; private set; }

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

    /// <summary>Creates an open job from input that <see cref="JobService"/> has already validated.</summary>
    public static Job Post(int organizationId, int? cloudId, string title, string description, BudgetType budgetType, int budget,
        ExperienceLevel level, IEnumerable<string> skills, string postedByUserId, DateTimeOffset at) => new()
        {
            OrganizationId = organizationId,
            CloudId = cloudId,
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
