using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Clouds;
using TalentCloud.Core.Data;
using TalentCloud.Core.Invitations;
using TalentCloud.Core.Offers;

namespace TalentCloud.Core.Organizations;

public sealed record OutstandingInvitation(string ProfileName, string ProfileUrl, string CloudName, DateTimeOffset SentAt, DateTimeOffset ExpiresAt);

/// <summary>An offer waiting for an answer; <see cref="CloudName"/> is null for an offer from a proposal that places nobody in a cloud.</summary>
public sealed record OpenOffer(int Id, string Title, string ProfileName, string? CloudName, DateTimeOffset SentAt);

public sealed record ActivityItem(DateTimeOffset At, string ActorName, string Action, string Subject, string Outcome);

/// <summary>The client dashboard at /org. Cloud content only for Enterprise organisations.</summary>
public sealed record OrgDashboard(int OrganizationId, string OrganizationName, bool IsEnterprise, OrganizationRole Role,
    IReadOnlyList<CloudSummary> Clouds, IReadOnlyList<OutstandingInvitation> Invitations, IReadOnlyList<OpenOffer> Offers,
    IReadOnlyList<ActivityItem> Activity);

public sealed class OrgDashboardService(IDbContextFactory<AppDbContext> dbFactory, CloudService clouds, TimeProvider clock)
{
    /// <summary>Null when the actor acts for no organisation (the page answers 404).</summary>
    public async Task<OrgDashboard?> GetAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsClient)
        {
            return null;
        }

        var list = await clouds.ListAsync(actor, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (list is null)
        {
            var (orgId, role) = actor.Organizations.OrderBy(o => o.Key).First();
            var name = await db.Organizations.Where(o => o.Id == orgId).Select(o => o.Name).SingleAsync(ct);
            return new OrgDashboard(orgId, name, false, role, [], [], [], []);
        }

        var now = clock.GetUtcNow();
        var id = list.OrganizationId;
        var invitations = await (from i in db.Invitations
                                 join c in db.Clouds on i.CloudId equals c.Id
                                 join p in db.Profiles on i.ProfileId equals p.Id
                                 where c.OrganizationId == id && i.Status == InvitationStatus.Pending && i.ExpiresAt > now
                                 orderby i.CreatedAt descending
                                 select new { p.DisplayName, p.Handle, p.Kind, Cloud = c.Name, i.CreatedAt, i.ExpiresAt }).Take(20).ToListAsync(ct);
        var offers = await (from f in db.Offers
                            join p in db.Profiles on f.ProfileId equals p.Id
                            where f.OrganizationId == id && f.Status == OfferStatus.Open
                            orderby f.CreatedAt descending
                            select new OpenOffer(f.Id, f.Title, p.DisplayName, db.Clouds.Where(c => c.Id == f.CloudId).Select(c => c.Name).FirstOrDefault(),
                                f.CreatedAt)).Take(20).ToListAsync(ct);
        var activity = await db.AuditEntries.AsNoTracking()
            .Where(e => e.OrganizationId == id && (e.Action.StartsWith("membership.") || e.Action.StartsWith("invitation.") || e.Action.StartsWith("offer.")))
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(10)
            .Select(e => new ActivityItem(e.At, e.ActorName, e.Action, e.Subject, e.Outcome)).ToListAsync(ct);
        return new OrgDashboard(id, list.OrganizationName, true, actor.Organizations[id], list.Clouds,
            [.. invitations.Select(i => new OutstandingInvitation(i.DisplayName, (i.Kind == Profiles.ProfileKind.Agency ? "/agencies/" : "/freelancers/") + i.Handle,
                i.Cloud, i.CreatedAt, i.ExpiresAt))],
            offers, activity);
    }
}
