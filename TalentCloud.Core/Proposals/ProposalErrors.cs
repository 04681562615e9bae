using TalentCloud.Core.Jobs;

namespace TalentCloud.Core.Proposals;

public static class ProposalErrors
{
    public const string NotFound = "This proposal does not exist or is not yours to change.";
    public const string NotYourProfile = "Send proposals from your own freelancer or agency profile.";
    public const string JobClosed = "This job is closed and no longer takes proposals.";
    public const string Duplicate = "You have already sent a proposal to this job. Find it under My proposals.";
    public const string CoverLetterRequired = "Write a cover letter: tell the client why you fit this job.";
    public const string OwnJob = "You cannot send a proposal to your own organisation's job.";
    public const string NotSubmitted = "Only a proposal that is still waiting for an answer can be changed.";

    public static string CoverLetterTooLong => $"The cover letter can be at most {Proposal.CoverLetterMaxLength:N0} characters.";

    public static string BidOutOfRange(BudgetType type) => type == BudgetType.Hourly
        ? $"Enter an hourly rate from $1 to ${Job.MaxHourlyBudget:N0} per hour."
        : $"Enter a bid from $1 to ${Job.MaxFixedBudget:N0}.";
}
