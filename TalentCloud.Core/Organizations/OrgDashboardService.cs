using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Audit;
using TalentCloud.Core.Clouds;
using TalentCloud.Core.Data;
using TalentCloud.Core.Invitations;
using TalentCloud.Core.Jobs;
using TalentCloud.Core.Offers;
using TalentCloud.Core.Profiles;
using TalentCloud.Core.Proposals;

namespace TalentCloud.Core.Organizations;

public sealed record OutstandingInvitation(string ProfileName, string ProfileUrl, string CloudName, string InvitedBy, DateTimeOffset SentAt,
    DateTimeOffset ExpiresAt, bool IsPaused);

/// <summary>An offer waiting for an answer; <see cref="CloudName"/> is null for an offer from a proposal that places nobody in a cloud.</summary>
public sealed record OpenOffer(int Id, string Title, string ProfileName, string? CloudName, string SentBy, DateTimeOffset SentAt, bool IsPaused);

/// <summary>One recent step in the organisation's clouds, offers and team; <see cref="What"/> says it in words.</summary>
public sealed record ActivityItem(DateTimeOffset At, string ActorName, string Action, string Subject, string Outcome)
{
    public string What => Action switch
    {
        "invitation.sent" => "invited",
        "invitation.accepted" => "accepted an invitation",
        "invitation.declined" => "declined an invitation",
        "membership.approved" => "approved",
        "membership.rejected" => "rejected",
        "membership.joined" => "joined by contract",
        "offer.sent" => "sent an offer",
        "offer.accepted" => "accepted an offer",
        "offer.declined" => "declined an offer",
        "offer.withdrawn" => "withdrew an offer",
        "offer.agreement-accepted" => "accepted an agreement",
        "offer.document-acknowledged" => "acknowledged a document",
        "offer.check-consented" => "consented to a background check",
        "offer.check-result-recorded" => "recorded a background check result",
        AuditActions.OfferSubmittedForApproval => "drafted an offer for approval",
        AuditActions.OfferApproved => "approved an offer",
        AuditActions.OfferRejected => "rejected an offer",
        AuditActions.TeamInvitationAccepted => "joined the team",
        AuditActions.TeamRoleChanged => "changed a role",
        AuditActions.TeamMemberRemoved => "removed a colleague",
        _ => Action,
    };
}

/// <summary>What the viewer's role allows from the dashboard (and whether the subscription lets it start now).</summary>
public sealed record OrgDashboardActions(bool CanManageTeam, bool CanOpenClouds, bool CanInvite, bool CanOffer, bool CanPostJobs, bool CanSearch,
    string? Notice);

public sealed record WeekCount(DateOnly WeekStart, int Count);

public sealed record CloudJobProposals(int JobId, string Title, string CloudName, int Proposals);

/// <summary>The figures the dashboard draws: members per cloud by status (from the clouds), joins per week, proposals per open cloud job.</summary>
public sealed record OrgCharts(IReadOnlyList<WeekCount> JoinsPerWeek, IReadOnlyList<CloudJobProposals> ProposalsPerCloudJob);

/// <summary>
/// The client dashboard at /org. Cloud content for organisations with an active Enterprise subscription, and — read-only, with the
/// subscription's status — for those whose subscription ended (their people still see their own clouds).
/// </summary>
public sealed record OrgDashboard(int OrganizationId, string OrganizationName, bool IsEnterprise, OrganizationRole Role,
    IReadOnlyList<CloudSummary> Clouds, IReadOnlyList<OutstandingInvitation> Invitations, IReadOnlyList<OpenOffer> Offers,
    IReadOnlyList<ActivityItem> Activity, SubscriptionView Subscription, bool ShowsClouds, OrgDashboardActions Actions, OrgCharts Charts)
{
    public string RoleName => OrganizationPermissions.Name(Role);
}

public sealed class OrgDashboardService(IDbContextFactory<AppDbContext> dbFactory, CloudService clouds, TimeProvider clock)
{
    public const int ChartWeeks = 12;
    public const int ChartJobs = 10;

    /// <summary>Null when the actor acts for no organisation (the page answers 404).</summary>
    public async Task<OrgDashboard?> GetAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsClient)
        {
            return null;
        }

        var (orgId, role) = actor.Organizations.OrderBy(o => o.Key).First();
        var list = await clouds.ListAsync(actor, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var org = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orgId, ct);
        if (org is null)
        {
            return null;
        }

        var active = org.HasEnterpriseSubscription;
        bool Can(OrganizationAction action) => OrganizationPermissions.Allows(role, action);
        var actions = new OrgDashboardActions(Can(OrganizationAction.ManageTeam), list is not null,
            Can(OrganizationAction.InviteToCloud) && active, Can(OrganizationAction.DraftOffers) && active, Can(OrganizationAction.PostJobs),
            Can(OrganizationAction.SearchTalent),
            list is not null && !active ? SubscriptionErrors.Inactive(org.Name, org.EnterpriseEndsAt,
                $"{SubscriptionErrors.NoNewInvitations}, {SubscriptionErrors.NoNewOffers}, {SubscriptionErrors.NoCloudJobs} and {SubscriptionErrors.NoMemberApprovals}") : null);
        if (list is null)
        {
            return new OrgDashboard(orgId, org.Name, false, role, [], [], [], [], SubscriptionView.Of(org), false, actions, new OrgCharts([], []));
        }

        var now = clock.GetUtcNow();
        var invitations = await (from i in db.Invitations
                                 join c in db.Clouds on i.CloudId equals c.Id
                                 join p in db.Profiles on i.ProfileId equals p.Id
                                 where c.OrganizationId == orgId && i.Status == InvitationStatus.Pending && i.ExpiresAt > now
                                 orderby i.CreatedAt descending
                                 select new
                                 {
                                     p.DisplayName, p.Handle, p.Kind, Cloud = c.Name, i.CreatedAt, i.ExpiresAt,
                                     By = db.Users.Where(u => u.Id == i.InvitedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                                 }).Take(20).ToListAsync(ct);
        var offers = await (from f in db.Offers
                            join p in db.Profiles on f.ProfileId equals p.Id
                            where f.OrganizationId == orgId && f.Status == OfferStatus.Open
                            orderby f.CreatedAt descending
                            select new OpenOffer(f.Id, f.Title, p.DisplayName, db.Clouds.Where(c => c.Id == f.CloudId).Select(c => c.Name).FirstOrDefault(),
                                db.Users.Where(u => u.Id == f.CreatedByUserId).Select(u => u.DisplayName).FirstOrDefault() ?? "", f.CreatedAt, !active))
            .Take(20).ToListAsync(ct);
        var activity = await db.AuditEntries.AsNoTracking()
            .Where(e => e.OrganizationId == orgId && (e.Action.StartsWith("membership.") || e.Action.StartsWith("invitation.") || e.Action.StartsWith("offer.")
                || e.Action == AuditActions.TeamInvitationAccepted || e.Action == AuditActions.TeamRoleChanged || e.Action == AuditActions.TeamMemberRemoved))
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(10)
            .Select(e => new ActivityItem(e.At, e.ActorName, e.Action, e.Subject, e.Outcome)).ToListAsync(ct);
        return new OrgDashboard(orgId, org.Name, active, role, list.Clouds,
            [.. invitations.Select(i => new OutstandingInvitation(i.DisplayName, (i.Kind == ProfileKind.Agency ? "/agencies/" : "/freelancers/") + i.Handle,
                i.Cloud, i.By ?? "", i.CreatedAt, i.ExpiresAt, !active))],
            offers, activity, SubscriptionView.Of(org), true, actions, await ChartsAsync(db, orgId, now, ct));
    }

    private static async Task<OrgCharts> ChartsAsync(AppDbContext db, int orgId, DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var firstWeek = today.AddDays(-(((int)today.DayOfWeek + 6) % 7)).AddDays(-7 * (ChartWeeks - 1));
        var since = new DateTimeOffset(firstWeek.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var joins = await (from m in db.CloudMemberships
                           join c in db.Clouds on m.CloudId equals c.Id
                           where c.OrganizationId == orgId && m.JoinedAt >= since
                           select m.JoinedAt).ToListAsync(ct);
        var perWeek = Enumerable.Range(0, ChartWeeks).Select(w => firstWeek.AddDays(7 * w))
            .Select(start => new WeekCount(start, joins.Count(j =>
            {
                var day = DateOnly.FromDateTime(j.UtcDateTime);
                return day >= start && day < start.AddDays(7);
            })))
            .ToList();
        var jobs = await (from j in db.Jobs
                          join c in db.Clouds on j.CloudId equals c.Id
                          where j.OrganizationId == orgId && j.Status == JobStatus.Open
                          orderby j.PostedAt descending, j.Id descending
                          select new CloudJobProposals(j.Id, j.Title, c.Name,
                              db.Proposals.Count(p => p.JobId == j.Id && p.Status != ProposalStatus.Withdrawn)))
            .Take(ChartJobs).ToListAsync(ct);
        return new OrgCharts(perWeek, jobs);
    }
}
