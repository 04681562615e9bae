namespace TalentCloud.Core.Audit;

/// <summary>Audit action names of the Enterprise team, offer approvals and the subscription's life, in one place.</summary>
public static class AuditActions
{
    public const string TeamInvitationSent = "team.invitation_sent";
    public const string TeamInvitationResent = "team.invitation_resent";
    public const string TeamInvitationWithdrawn = "team.invitation_withdrawn";
    public const string TeamInvitationAccepted = "team.invitation_accepted";
    public const string TeamRoleChanged = "team.role_changed";
    public const string TeamMemberRemoved = "team.member_removed";
    public const string OfferApprovalRulesChanged = "organization.offer_approval_rules_changed";

    public const string OfferSubmittedForApproval = "offer.submitted_for_approval";
    public const string OfferApproved = "offer.approved";
    public const string OfferRejected = "offer.rejected";

    public const string SubscriptionStarted = "organization.subscription_started";
    public const string SubscriptionExtended = "organization.subscription_extended";
    public const string SubscriptionEnded = "organization.subscription_ended";
    public const string SubscriptionExpired = "organization.subscription_expired";
}
