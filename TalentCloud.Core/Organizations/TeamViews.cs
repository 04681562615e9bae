namespace TalentCloud.Core.Organizations;

/// <summary>One colleague as the team page shows them to an owner, with what the owner may do to them.</summary>
public sealed record TeamMemberView(string UserId, string Name, string Email, OrganizationRole Role, bool IsYou, bool CanChangeRole, bool CanRemove)
{
    public string RoleName => OrganizationPermissions.Name(Role);
}

/// <summary>A pending team invitation (open or expired) with what the owner may do to it.</summary>
public sealed record TeamInvitationView(int Id, string Email, OrganizationRole Role, string InvitedBy, DateTimeOffset SentAt, DateTimeOffset ExpiresAt,
    bool IsExpired, int SendCount, bool CanResend, bool CanWithdraw)
{
    public string RoleName => OrganizationPermissions.Name(Role);
}

/// <summary>The offer-approval thresholds: offers above them need an approver (recruiters' offers always do).</summary>
public sealed record OfferApprovalRules(int? HourlyAbove, int? FixedAbove);

/// <summary>A role an owner can give, with what it allows in words.</summary>
public sealed record RoleChoice(OrganizationRole Role, string Name, string Description);

/// <summary>The head of the team page: the organisation, counts, the approval rules and the roles to choose from.</summary>
public sealed record TeamView(int OrganizationId, string OrganizationName, int MemberCount, int OwnerCount, int PendingInvitations,
    OfferApprovalRules ApprovalRules, IReadOnlyList<RoleChoice> Roles, bool CanInvite, bool CanEditApprovalRules);

/// <summary>One page of a team list.</summary>
public sealed record TeamListPage<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Where an invitation link stands for the person who opened it.</summary>
public enum TeamJoinState
{
    Open = 1,
    Expired = 2,
    Accepted = 3,
    Withdrawn = 4,
}

/// <summary>What the page behind an invitation link shows: who invites whom to what, and whether it can still be accepted.</summary>
public sealed record TeamJoinView(string OrganizationName, OrganizationRole Role, string InvitedBy, string Email, DateTimeOffset ExpiresAt, TeamJoinState State)
{
    public string RoleName => OrganizationPermissions.Name(Role);
}
