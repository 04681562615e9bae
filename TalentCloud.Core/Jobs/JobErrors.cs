namespace TalentCloud.Core.Jobs;

/// <summary>The messages a user gets for job mistakes.</summary>
public static class JobErrors
{
    /// <summary>Said for unknown jobs and for cloud jobs the user may not see alike, so it reveals nothing.</summary>
    public const string NotFound = "This job does not exist or is no longer available.";

    public const string NotYourOrganization = "You can post and manage jobs only for an organisation you belong to.";
    public const string CloudNeedsEnterprise = "Only an organisation with an active Enterprise subscription can post a job to a Talent Cloud.";
    public const string NotYourCloud = "Choose one of your organisation's own Talent Clouds, or post the job publicly.";
    public const string OnlyPosterCloses = "Only the organisation that posted a job can close it.";
    public const string OnlyPosterChangesAudience = "Only the organisation that posted a job can open it to everyone.";
    public const string AlreadyClosed = "This job is already closed.";
    public const string AlreadyPublic = "This job is already open to everyone.";
    public const string OfferFromProposalWaiting =
        "An offer made from one of this job's proposals is waiting for an answer. Withdraw it, or wait for the answer, before closing the job.";
    public const string CloudFirstNeedsCloud = "Only a job posted to a Talent Cloud can go to the cloud first; a public job is open to everyone at once.";
    public const string TitleRequired = "Enter a title.";
    public const string DescriptionRequired = "Describe the job.";
    public const string ChooseBudgetType = "Choose hourly or fixed price.";
    public const string ChooseLevel = "Choose an experience level.";

    public static string TitleTooLong => $"The title can be at most {Job.TitleMaxLength} characters.";

    public static string DescriptionTooLong => $"The description can be at most {Job.DescriptionMaxLength:N0} characters.";

    public static string TooManySkills => $"List at most {Job.MaxSkills} skills.";

    public static string SkillTooLong(int max) => $"Each skill can be at most {max} characters.";

    public static string CloudFirstDaysOutOfRange => $"Choose between {Job.MinCloudFirstDays} and {Job.MaxCloudFirstDays} days before the job opens to everyone.";

    public static string AudienceOnlyWidens(DateTimeOffset opensAt) =>
        $"This job already opens to everyone on {opensAt:d MMM yyyy HH:mm} UTC. Its audience can only widen sooner; it never goes back to the cloud.";

    public static string BudgetOutOfRange(BudgetType type) => type == BudgetType.Hourly
        ? $"Enter an hourly budget from ${Job.MinHourlyBudget} to ${Job.MaxHourlyBudget:N0} per hour."
        : $"Enter a fixed budget from ${Job.MinFixedBudget} to ${Job.MaxFixedBudget:N0}.";
}
