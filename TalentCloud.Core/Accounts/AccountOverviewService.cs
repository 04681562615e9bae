using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Data;
using TalentCloud.Core.Organizations;
using TalentCloud.Core.Profiles;

namespace TalentCloud.Core.Accounts;

/// <summary>The role a home page is built for.</summary>
public enum HomeRole
{
    Visitor = 0,
    Freelancer = 1,
    AgencyOwner = 2,
    EnterpriseOwner = 3,
    HiringManager = 4,
    ClientOwner = 5,
    PlatformAdmin = 6,
    /// <summary>Signed in, but with neither a profile nor an organisation.</summary>
    Member = 7,

    /// <summary>A recruiter of an Enterprise organisation: searches, invites, messages, drafts offers for approval.</summary>
    Recruiter = 8,
}

public sealed record ProfileLink(ProfileKind Kind, string Handle, string DisplayName)
{
    public string Url => (Kind == ProfileKind.Agency ? "/agencies/" : "/freelancers/") + Handle;
}

public sealed record OrganizationSummary(int Id, string Name, bool IsEnterprise, OrganizationRole Role, IReadOnlyList<string> CloudNames)
{
    /// <summary>The user's part in the organisation, in words ("owner", "hiring manager", "recruiter").</summary>
    public string RoleName => OrganizationPermissions.Name(Role);
}

/// <summary>
/// What a signed-in user is and owns, for the home page and the navigation. The <c>Can…</c> flags say which areas the
/// navigation offers; each page still asks its own service, which checks the actor again.
/// </summary>
public sealed record AccountOverview(HomeRole Role, string DisplayName, IReadOnlyList<ProfileLink> Profiles, OrganizationSummary? Organization)
{
    public bool IsSignedIn => Role != HomeRole.Visitor;

    /// <summary>Freelancer and agency tools: memberships, cloud jobs, proposals, Connects, profile settings.</summary>
    public bool CanWorkAsTalent => Profiles.Count > 0;

    /// <summary>Client tools: dashboard, jobs, posting, talent search.</summary>
    public bool CanHire => Organization is not null;

    /// <summary>Talent search: client users and platform admins.</summary>
    public bool CanSearchTalent => Organization is not null || Role == HomeRole.PlatformAdmin;

    /// <summary>
    /// The organisation's Talent Clouds: people of an Enterprise organisation, and of one whose subscription ended but that
    /// still has clouds (they keep seeing them).
    /// </summary>
    public bool CanManageClouds => Organization is { IsEnterprise: true } or { CloudNames.Count: > 0 };

    /// <summary>Posting jobs: owners and hiring managers (not recruiters).</summary>
    public bool CanPostJobs => Organization is { } org && OrganizationPermissions.Allows(org.Role, OrganizationAction.PostJobs);

    /// <summary>The company description: the organisation's owner.</summary>
    public bool CanEditCompanyProfile => Organization is { } org && OrganizationPermissions.Allows(org.Role, OrganizationAction.EditOrganization);

    /// <summary>The team page (<c>/org/team</c>): the organisation's owners.</summary>
    public bool CanManageTeam => Organization is { } org && OrganizationPermissions.Allows(org.Role, OrganizationAction.ManageTeam);

    /// <summary>Private messages: talent and client users.</summary>
    public bool CanMessage => Profiles.Count > 0 || Organization is not null;

    /// <summary>The admin area.</summary>
    public bool CanAdminister => Role == HomeRole.PlatformAdmin;
}

public sealed class AccountOverviewService(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<AccountOverview> GetAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsSignedIn)
        {
            return new AccountOverview(HomeRole.Visitor, "", [], null);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var profiles = await db.Profiles.AsNoTracking()
            .Where(p => p.OwnerUserId == actor.UserId)
            .OrderBy(p => p.Id)
            .Select(p => new ProfileLink(p.Kind, p.Handle, p.DisplayName))
            .ToListAsync(ct);

        OrganizationSummary? organization = null;
        if (actor.Organizations.Count > 0)
        {
            var (orgId, role) = actor.Organizations.OrderBy(o => o.Key).First();
            var org = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == orgId, ct);
            // The organisation's own people see their clouds' names, also while its subscription is not active.
            var clouds = await db.Clouds.Where(c => c.OrganizationId == orgId).OrderBy(c => c.Name).Select(c => c.Name).ToListAsync(ct);
            organization = new OrganizationSummary(org.Id, org.Name, org.HasEnterpriseSubscription, role, clouds);
        }

        var homeRole = actor switch
        {
            { IsPlatformAdmin: true } => HomeRole.PlatformAdmin,
            _ when organization is { IsEnterprise: true, Role: OrganizationRole.Owner } => HomeRole.EnterpriseOwner,
            _ when organization is { IsEnterprise: true, Role: OrganizationRole.Recruiter } => HomeRole.Recruiter,
            _ when organization is { IsEnterprise: true } => HomeRole.HiringManager,
            _ when organization is not null => HomeRole.ClientOwner,
            _ when profiles.Any(p => p.Kind == ProfileKind.Agency) => HomeRole.AgencyOwner,
            _ when profiles.Count > 0 => HomeRole.Freelancer,
            _ => HomeRole.Member,
        };
        return new AccountOverview(homeRole, actor.DisplayName, profiles, organization);
    }
}
