using TalentCloud.Core.Offers;

namespace TalentCloud.Core.Organizations;

/// <summary>A client company. With an active Enterprise subscription it may own Talent Clouds.</summary>
public sealed class Organization
{
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 2000;

    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";

    /// <summary>
    /// Whether the Enterprise subscription is active now. Changed only by platform admins (start, extend, end) and by the
    /// step that ends subscriptions whose end date has passed; never self-granted.
    /// </summary>
    public bool HasEnterpriseSubscription { get; private set; }

    /// <summary>
    /// While active: when the subscription ends (null for a subscription started without an end date). While inactive:
    /// when it ended (null when the organisation never had one).
    /// </summary>
    public DateTimeOffset? EnterpriseEndsAt { get; private set; }

    /// <summary>Offers above this hourly rate (whole dollars) need an approver; null = no threshold.</summary>
    public int? OfferApprovalHourlyAbove { get; private set; }

    /// <summary>Offers above this fixed price (whole dollars) need an approver; null = no threshold.</summary>
    public int? OfferApprovalFixedAbove { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<OrganizationMember> Members { get; set; } = [];

    public SubscriptionStatus SubscriptionStatus => HasEnterpriseSubscription
        ? SubscriptionStatus.Active
        : EnterpriseEndsAt is null ? SubscriptionStatus.None : SubscriptionStatus.Ended;

    /// <summary>Starts (or renews) the subscription until <paramref name="endsAt"/>.</summary>
    public void StartEnterprise(DateTimeOffset endsAt)
    {
        HasEnterpriseSubscription = true;
        EnterpriseEndsAt = endsAt;
    }

    /// <summary>Moves the end of an active subscription.</summary>
    public void ExtendEnterprise(DateTimeOffset endsAt)
    {
        if (!HasEnterpriseSubscription)
        {
            throw new InvalidOperationException("Only an active subscription can be extended.");
        }

        EnterpriseEndsAt = endsAt;
    }

    /// <summary>Ends the subscription now; <see cref="EnterpriseEndsAt"/> then records when.</summary>
    public void EndEnterprise(DateTimeOffset at)
    {
        HasEnterpriseSubscription = false;
        EnterpriseEndsAt = at;
    }

    /// <summary>True when the subscription is still marked active although its end date has passed.</summary>
    public bool EnterpriseIsDueToEnd(DateTimeOffset now) => HasEnterpriseSubscription && EnterpriseEndsAt is { } end && end <= now;

    public void SetOfferApprovalThresholds(int? hourlyAbove, int? fixedAbove)
    {
        OfferApprovalHourlyAbove = hourlyAbove;
        OfferApprovalFixedAbove = fixedAbove;
    }

    /// <summary>Whether an offer of this size needs approval under the owner's thresholds (recruiters' offers always do).</summary>
    public bool OfferExceedsThreshold(PayKind kind, int amount) => kind switch
    {
        PayKind.Hourly => OfferApprovalHourlyAbove is { } hourly && amount > hourly,
        PayKind.FixedPrice => OfferApprovalFixedAbove is { } fixedPrice && amount > fixedPrice,
        _ => false,
    };
}

/// <summary>Where an organisation's Enterprise subscription stands.</summary>
public enum SubscriptionStatus
{
    /// <summary>Never had one: an ordinary client.</summary>
    None = 0,
    Active = 1,

    /// <summary>Had one that ended (by an admin or by its date): nothing new starts; open invitations and offers are paused.</summary>
    Ended = 2,
}

/// <summary>A person's role in an organisation. What each role may do is decided by <see cref="OrganizationPermissions"/>.</summary>
public enum OrganizationRole
{
    Owner = 1,
    HiringManager = 2,
    Recruiter = 3,
}

/// <summary>A user who acts for an organisation. One account belongs to at most one organisation (a unique index).</summary>
public sealed class OrganizationMember
{
    /// <summary>The unique index that keeps one account in at most one organisation.</summary>
    public const string OnePerUserIndex = "IX_OrganizationMembers_UserId";

    public int OrganizationId { get; set; }
    public string UserId { get; set; } = "";
    public OrganizationRole Role { get; set; }
}
