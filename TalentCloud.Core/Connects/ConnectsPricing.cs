using TalentCloud.Core.Jobs;

namespace TalentCloud.Core.Connects;

/// <summary>What things cost in Connects. The README states the same tiers.</summary>
public static class ConnectsPricing
{
    /// <summary>Every new freelancer and agency starts with this many.</summary>
    public const int StartingGrant = 10;

    /// <summary>The most an admin grants in one go.</summary>
    public const int MaxAdminGrant = 500;

    public const int SmallJobCost = 2;
    public const int MediumJobCost = 4;
    public const int LargeJobCost = 6;

    /// <summary>Hourly budgets from this rate (per hour) up are medium; from <see cref="HourlyLargeFrom"/> up, large.</summary>
    public const int HourlyMediumFrom = 30;
    public const int HourlyLargeFrom = 80;

    /// <summary>Fixed budgets from this price up are medium; from <see cref="FixedLargeFrom"/> up, large.</summary>
    public const int FixedMediumFrom = 500;
    public const int FixedLargeFrom = 5_000;

    /// <summary>A public job's proposal cost by budget tier.</summary>
    public static int PublicJobCost(BudgetType type, int budget)
    {
        var (medium, large) = type == BudgetType.Hourly ? (HourlyMediumFrom, HourlyLargeFrom) : (FixedMediumFrom, FixedLargeFrom);
        return budget >= large ? LargeJobCost : budget >= medium ? MediumJobCost : SmallJobCost;
    }

    /// <summary>
    /// What a proposal costs: nothing when it is free for the sender (a member applying to their cloud's job), otherwise the
    /// public tier — also for a cloud-first job that has opened to everyone, when the sender is not in its cloud.
    /// </summary>
    public static int ProposalCost(bool freeForSender, BudgetType type, int budget) => freeForSender ? 0 : PublicJobCost(type, budget);
}
