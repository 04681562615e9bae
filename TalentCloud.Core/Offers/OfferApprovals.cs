using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Data;
using TalentCloud.Core.Notifications;
using TalentCloud.Core.Organizations;
using TalentCloud.Core.Profiles;

namespace TalentCloud.Core.Offers;

/// <summary>
/// The rules of the approval step and of paused offers, shared by <see cref="OfferService"/> and <see cref="OfferApprovalService"/>:
/// offers from people who may not send them alone (recruiters), and offers above an owner's threshold, wait for an approver —
/// an owner or hiring manager who is not the author. While the organisation's subscription is not active, open offers and
/// drafts are paused.
/// </summary>
internal static class OfferApprovals
{
    /// <summary>Why a new offer needs approval, or null when it goes to the freelancer at once.</summary>
    public static string? ReasonFor(OrganizationRole role, Organization org, PayKind kind, int amount)
    {
        if (!OrganizationPermissions.Allows(role, OrganizationAction.SendOffers))
        {
            return $"drafted by {OrganizationPermissions.WithArticle(role)}";
        }

        if (!org.OfferExceedsThreshold(kind, amount))
        {
            return null;
        }

        return kind == PayKind.Hourly
            ? $"above the ${org.OfferApprovalHourlyAbove:N0}/hr approval threshold"
            : $"above the ${org.OfferApprovalFixedAbove:N0} approval threshold";
    }

    public static bool IsPaused(Offer offer, bool organizationHasSubscription) =>
        !organizationHasSubscription && offer.Status is OfferStatus.Open or OfferStatus.AwaitingApproval;

    /// <summary>What the viewer may do with a draft awaiting approval, and why not when they may not.</summary>
    public static (bool CanApprove, bool CanReject, string? Notice) Decision(Actor actor, Offer offer, bool organizationHasSubscription, string organizationName)
    {
        if (offer.Status != OfferStatus.AwaitingApproval || actor.RoleIn(offer.OrganizationId) is not { } role)
        {
            return (false, false, null);
        }

        if (!OrganizationPermissions.Allows(role, OrganizationAction.ApproveOffers))
        {
            return (false, false, $"Waiting for approval by {OrganizationPermissions.WhoMay(OrganizationAction.ApproveOffers)}.");
        }

        if (offer.CreatedByUserId == actor.UserId)
        {
            return (false, false, OwnDraft);
        }

        if (!organizationHasSubscription)
        {
            return (false, true, SubscriptionErrors.Inactive(organizationName, null, SubscriptionErrors.NoNewOffers));
        }

        return (true, true, null);
    }

    public const string OwnDraft = "You drafted this offer, so another owner or hiring manager approves it.";

    /// <summary>Owners and hiring managers withdraw any open offer or draft; recruiters only their own.</summary>
    public static bool MayWithdraw(Actor actor, Offer offer) =>
        offer.Status is OfferStatus.Open or OfferStatus.AwaitingApproval
        && (actor.Can(offer.OrganizationId, OrganizationAction.SendOffers) || (actor.BelongsTo(offer.OrganizationId) && offer.CreatedByUserId == actor.UserId));

    public static string WithdrawRefusal(OrganizationRole role) =>
        $"{char.ToUpperInvariant(OrganizationPermissions.Name(role)[0])}{OrganizationPermissions.Name(role)[1..]}s can withdraw only the offers they drafted.";

    public static string StatusText(OfferStatus status) => status switch
    {
        OfferStatus.AwaitingApproval => "awaiting approval",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// The freelancer hears of the offer: when it is sent without approval, or when an approver approves it. <paramref name="cloudName"/>
    /// is null for an offer that places nobody in a cloud; <paramref name="jobTitle"/> names the job of the proposal it hires from.
    /// </summary>
    public static void NotifyFreelancer(AppDbContext db, Offer offer, Profile profile, string organizationName, string? cloudName, string senderName,
        DateTimeOffset now, string? jobTitle = null) =>
        NotificationEvents.Personal(db, profile.OwnerUserId, NotificationKind.OfferReceived, $"Offer from {organizationName}: {offer.Title}",
            (jobTitle is null
                ? $"{senderName} of {organizationName} sent {profile.DisplayName} an offer. "
                : $"{senderName} of {organizationName} wants to hire {profile.DisplayName} from the proposal to \"{jobTitle}\". ")
            + (cloudName is null
                ? "Accepting it starts the contract."
                : $"Complete the onboarding tasks and accept it to start the contract and join {cloudName}."),
            $"/offers/{offer.Id}", now, offer.CloudId);

    /// <summary>Every owner and hiring manager except the author hears that a draft waits for them.</summary>
    public static async Task NotifyApproversAsync(AppDbContext db, Offer offer, Actor author, string profileName, string reason, DateTimeOffset now,
        CancellationToken ct)
    {
        var approverRoles = Enum.GetValues<OrganizationRole>().Where(r => OrganizationPermissions.Allows(r, OrganizationAction.ApproveOffers)).ToList();
        var approvers = await db.OrganizationMembers
            .Where(m => m.OrganizationId == offer.OrganizationId && approverRoles.Contains(m.Role) && m.UserId != author.UserId)
            .Select(m => m.UserId).ToListAsync(ct);
        foreach (var approver in approvers)
        {
            NotificationEvents.Personal(db, approver, NotificationKind.General, $"Offer waiting for approval: {offer.Title}",
                $"{author.DisplayName} drafted an offer to {profileName} ({reason}). Approve or reject it on your dashboard.", "/org", now, offer.CloudId);
        }
    }
}
