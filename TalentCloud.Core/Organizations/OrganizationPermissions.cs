using TalentCloud.Core.Accounts;

namespace TalentCloud.Core.Organizations;

/// <summary>Everything a person may do for an organisation; each role allows a subset (see <see cref="OrganizationPermissions"/>).</summary>
public enum OrganizationAction
{
    /// <summary>Invite, re-role and remove colleagues.</summary>
    ManageTeam = 1,

    /// <summary>The organisation's description and its offer-approval thresholds.</summary>
    EditOrganization = 2,

    /// <summary>Create, rename and describe clouds and set their criteria.</summary>
    ManageClouds = 3,
    SearchTalent = 4,
    InviteToCloud = 5,

    /// <summary>Approve or reject pending members of a cloud.</summary>
    DecideMembers = 6,

    /// <summary>Post jobs (public or to a cloud) and close them.</summary>
    PostJobs = 7,

    /// <summary>Send offers that reach the freelancer without an approver (unless above a threshold).</summary>
    SendOffers = 8,

    /// <summary>Draft offers; without <see cref="SendOffers"/> they wait for an approver.</summary>
    DraftOffers = 9,
    ApproveOffers = 10,

    /// <summary>Hire or decline proposals and record background-check results.</summary>
    Hire = 11,
    Message = 12,
}

/// <summary>
/// The roles of an organisation's people and what each may do: owners everything; hiring managers search, invite, approve
/// members, post jobs, send and approve offers, hire; recruiters search, invite, message and draft offers that wait for
/// approval. Every Core service asks this table with the acting user's current role; pages only show its answers.
/// </summary>
public static class OrganizationPermissions
{
    private static readonly OrganizationAction[] RecruiterActions =
        [OrganizationAction.SearchTalent, OrganizationAction.InviteToCloud, OrganizationAction.DraftOffers, OrganizationAction.Message];

    private static readonly OrganizationAction[] HiringManagerActions =
    [
        .. RecruiterActions, OrganizationAction.DecideMembers, OrganizationAction.PostJobs, OrganizationAction.SendOffers,
        OrganizationAction.ApproveOffers, OrganizationAction.Hire,
    ];

    public static bool Allows(OrganizationRole role, OrganizationAction action) => role switch
    {
        OrganizationRole.Owner => Enum.IsDefined(action),
        OrganizationRole.HiringManager => HiringManagerActions.Contains(action),
        OrganizationRole.Recruiter => RecruiterActions.Contains(action),
        _ => false,
    };

    /// <summary>The roles that may do <paramref name="action"/>, in words ("owners and hiring managers").</summary>
    public static string WhoMay(OrganizationAction action)
    {
        var roles = Enum.GetValues<OrganizationRole>().Where(r => Allows(r, action)).Select(r => Plural(r)).ToList();
        return roles.Count switch
        {
            0 => "nobody",
            1 => roles[0],
            _ => string.Join(", ", roles[..^1]) + " and " + roles[^1],
        };
    }

    /// <summary>Why <paramref name="role"/> may not do <paramref name="action"/>, naming who may.</summary>
    public static string Refusal(OrganizationRole role, OrganizationAction action)
    {
        var who = Plural(role);
        return $"{char.ToUpperInvariant(who[0])}{who[1..]} cannot {Phrase(action)}; only {WhoMay(action)} can.";
    }

    public static string Name(OrganizationRole role) => role switch
    {
        OrganizationRole.Owner => "owner",
        OrganizationRole.HiringManager => "hiring manager",
        OrganizationRole.Recruiter => "recruiter",
        _ => "member",
    };

    /// <summary>"a recruiter", "an owner".</summary>
    public static string WithArticle(OrganizationRole role) => (role == OrganizationRole.Owner ? "an " : "a ") + Name(role);

    private static string Plural(OrganizationRole role) => Name(role) + "s";

    private static string Phrase(OrganizationAction action) => action switch
    {
        OrganizationAction.ManageTeam => "manage the team",
        OrganizationAction.EditOrganization => "change the organisation's settings",
        OrganizationAction.ManageClouds => "create or change Talent Clouds",
        OrganizationAction.SearchTalent => "search for talent",
        OrganizationAction.InviteToCloud => "invite people to a Talent Cloud",
        OrganizationAction.DecideMembers => "approve or reject members",
        OrganizationAction.PostJobs => "post or close jobs",
        OrganizationAction.SendOffers => "send offers without approval",
        OrganizationAction.DraftOffers => "draft offers",
        OrganizationAction.ApproveOffers => "approve or reject offers",
        OrganizationAction.Hire => "hire, decline proposals or record background checks",
        OrganizationAction.Message => "message freelancers and agencies",
        _ => "do that",
    };
}

public static class ActorOrganizationExtensions
{
    /// <summary>The actor's role in the organisation, or null when they do not belong to it.</summary>
    public static OrganizationRole? RoleIn(this Actor actor, int organizationId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Organizations.TryGetValue(organizationId, out var role) ? role : null;
    }

    /// <summary>Whether the actor belongs to the organisation with a role that allows <paramref name="action"/>.</summary>
    public static bool Can(this Actor actor, int organizationId, OrganizationAction action) =>
        actor.RoleIn(organizationId) is { } role && OrganizationPermissions.Allows(role, action);
}
