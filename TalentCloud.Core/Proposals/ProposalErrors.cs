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
    public const string HireDirectly = "Your organisation has no active Enterprise subscription: hire directly, which starts a contract without an offer.";
    public const string HireThroughOffer =
        "Enterprise organisations hire through an offer: choose Hire to prepare one with the cloud and its onboarding tasks. The contract starts when the freelancer accepts.";
    public const string CloudJobOfferCloud = "An offer hiring from a Talent Cloud job's proposal goes to that job's own cloud.";
    public const string OfferWaiting =
        "An offer made from this proposal is waiting for an answer. Withdraw the offer first (on the offer's page) if you no longer want to hire.";
    public const string OfferWaitingForYou =
        "An offer made from this proposal is waiting for your answer: decline the offer instead, on the offer's page.";

    public static string AlreadyHired(string applicant) => $"{applicant} has already been hired from this proposal.";

    public static string OfferAlreadySent(string applicant) =>
        $"An offer from this proposal is already waiting for {applicant}'s answer. You can hire again only if it is declined or withdrawn.";

    public static string CoverLetterTooLong => $"The cover letter can be at most {Proposal.CoverLetterMaxLength:N0} characters.";

    public static string BidOutOfRange(BudgetType type) => type == BudgetType.Hourly
        ? $"Enter an hourly rate from $1 to ${Job.MaxHourlyBudget:N0} per hour."
        : $"Enter a bid from $1 to ${Job.MaxFixedBudget:N0}.";
}
