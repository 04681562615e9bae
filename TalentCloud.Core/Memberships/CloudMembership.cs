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
    /// <summary>The unique (cloud, profile) index: one membership per cloud and profile, also when two joins race.</summary>
    public const string OnePerCloudIndex = "IX_CloudMemberships_CloudId_ProfileId";

    public int Id { get; private set; }
    public int CloudId { get; private set; }
    public int ProfileId { get; private set; }
    public MembershipStatus Status { get; private set; }
    public JoinMethod JoinedVia { get; private set; }

    /// <summary>The user on the organisation's side who invited or contracted the member.</summary>
    public string? AddedByUserId { get; private set; }

    public DateTimeOffset JoinedAt { get; private set; }
    public DateTimeOffset? ActivatedAt { get; private set; }

    public bool IsActive => Status == MembershipStatus.Active;

    /// <summary>A profile joins a cloud: Active at once, or waiting for a hiring manager's approval.</summary>
    public static CloudMembership Join(int cloudId, int profileId, JoinMethod via, string? addedByUserId, bool active, DateTimeOffset at)
    {
        var membership = new CloudMembership
        {
            CloudId = cloudId,
            ProfileId = profileId,
            Status = MembershipStatus.PendingApproval,
            JoinedVia = via,
            AddedByUserId = addedByUserId,
            JoinedAt = at,
        };
        if (active)
        {
            membership.Activate(at);
        }

        return membership;
    }

    /// <summary>
    /// The one way a membership becomes Active: a hiring manager approves it, or a contract places the member (then
    /// <paramref name="placedVia"/> and <paramref name="placedByUserId"/> record how and by whom).
    /// </summary>
    public void Activate(DateTimeOffset at, JoinMethod? placedVia = null, string? placedByUserId = null)
    {
        if (IsActive)
        {
            throw new InvalidOperationException("The membership is already Active.");
        }

        Status = MembershipStatus.Active;
        ActivatedAt = at;
        if (placedVia is { } via)
        {
            JoinedVia = via;
            AddedByUserId = placedByUserId;
        }
    }
}
