namespace TalentCloud.Core.Memberships;

public enum MembershipStatus
{
    PendingApproval = 1,
    Active = 2,
}

/// <summary>How a member came into the cloud.</summary>
public enum JoinMethod
{
    Invitation = 1,
    Contract = 2,
}

/// <summary>A freelancer's or agency's membership of one cloud. Only Active memberships grant anything.</summary>
public sealed class CloudMembership
{
    public int Id { get; set; }
    public int CloudId { get; set; }
    public int ProfileId { get; set; }
    public MembershipStatus Status { get; set; }
    public JoinMethod JoinedVia { get; set; }

    /// <summary>The user on the organisation's side who invited or contracted the member.</summary>
    public string? AddedByUserId { get; set; }

    public DateTimeOffset JoinedAt { get; set; }
    public DateTimeOffset? ActivatedAt { get; set; }
}
