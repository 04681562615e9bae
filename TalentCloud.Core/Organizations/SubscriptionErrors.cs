using TalentCloud.Core.Common;

namespace TalentCloud.Core.Organizations;

/// <summary>What people are told while an organisation's Enterprise subscription is not active.</summary>
public static class SubscriptionErrors
{
    public const string NoNewInvitations = "new invitations to its Talent Clouds cannot be sent";
    public const string NoNewOffers = "new offers cannot be sent or approved";
    public const string NoCloudJobs = "jobs cannot be posted to its Talent Clouds";
    public const string NoMemberApprovals = "pending members cannot be approved";
    public const string NoNewClouds = "new Talent Clouds cannot be created";

    /// <summary>The refusal the organisation's own people get, saying what is refused and why.</summary>
    public static string Inactive(string organizationName, DateTimeOffset? endedAt, string consequence) =>
        $"{organizationName}'s Enterprise subscription is not active{Ended(endedAt)}, so {consequence}. "
        + "Your members stay in your clouds; TalentCloud's support team can renew the subscription.";

    /// <summary>What a freelancer or agency sees on an offer while the organisation's subscription is not active.</summary>
    public static string OfferPaused(string organizationName) =>
        $"Paused: {organizationName}'s Enterprise subscription is not active, so this offer cannot be accepted or worked on for now. "
        + "It resumes as it is if the subscription is renewed.";

    /// <summary>What a freelancer or agency sees on an invitation while the organisation's subscription is not active.</summary>
    public static string InvitationPaused(string organizationName) =>
        $"Paused: {organizationName}'s Enterprise subscription is not active, so this invitation cannot be accepted for now. "
        + "It resumes if the subscription is renewed.";

    private static string Ended(DateTimeOffset? endedAt) =>
        endedAt is { } at ? " (it ended on " + Dates.Day(at) + ")" : "";
}
