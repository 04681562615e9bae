using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Clouds;
using TalentCloud.Core.Data;
using TalentCloud.Core.Invitations;
using TalentCloud.Core.Offers;
using TalentCloud.Core.Organizations;
using TalentCloud.Core.Visibility;

namespace TalentCloud.Core.Memberships;

/// <summary>One of the member's memberships. <see cref="HiredFromJob"/> names the job whose proposal the joining contract hired from.</summary>
public sealed record MyMembership(int CloudId, string CloudName, string OrganizationName, string ProfileName, MembershipStatus Status,
    JoinMethod JoinedVia, string AddedBy, DateTimeOffset JoinedAt, DateTimeOffset? ActivatedAt, IReadOnlyList<string> UnmetCriteria,
    IReadOnlyList<string> Contracts, string? HiredFromJob = null)
{
    public bool IsPending => Status == MembershipStatus.PendingApproval;

    public string StatusText => IsPending ? "Pending approval" : "Active";

    public string HowJoined => JoinedVia == JoinMethod.Invitation
        ? $"Invitation from {AddedBy} ({OrganizationName})"
        : (HiredFromJob is null ? $"Contract with {OrganizationName}" : $"Contract from {OrganizationName}, hired from your proposal to \"{HiredFromJob}\"")
            + (AddedBy.Length > 0 ? $", offered by {AddedBy}" : "");
}

/// <summary>An open invitation. <see cref="IsPaused"/>: the organisation's subscription is not active, so it cannot be accepted now.</summary>
public sealed record MyInvitation(int Id, string CloudName, string OrganizationName, string InvitedBy, string ProfileName, string Note,
    DateTimeOffset SentAt, DateTimeOffset ExpiresAt, IReadOnlyList<string> Criteria, IReadOnlyList<string> UnmetNow, bool ManualApproval,
    bool IsPaused, string? PausedReason)
{
    public bool CanAccept => !IsPaused;
}

/// <summary>
/// An offer the member received. <see cref="CloudName"/> is null when it places nobody in a cloud, <see cref="JobTitle"/> set when
/// it hires from a proposal. <see cref="IsPaused"/>: open, but the organisation's subscription is not active.
/// </summary>
public sealed record MyOffer(int Id, string Title, string OrganizationName, string? CloudName, OfferStatus Status, DateTimeOffset SentAt,
    bool IsPaused, string? JobTitle = null)
{
    public string StatusText => IsPaused ? "Paused" : Status.ToString();
}

public sealed record MyTalentClouds(IReadOnlyList<MyMembership> Memberships, IReadOnlyList<MyInvitation> Invitations, IReadOnlyList<MyOffer> Offers);

/// <summary>The "My Talent Clouds" page of a freelancer or agency owner: memberships, open invitations, offers.</summary>
public sealed class MyTalentCloudsService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Null when the actor has no freelancer or agency profile (the page answers 404).</summary>
    public async Task<MyTalentClouds?> GetAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsTalent)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var profileIds = actor.ProfileIds.ToList();
        var now = clock.GetUtcNow();
        var membershipRows = await (from m in db.CloudMemberships
                                    join c in db.Clouds on m.CloudId equals c.Id
                                    join o in db.Organizations on c.OrganizationId equals o.Id
                                    join p in db.Profiles on m.ProfileId equals p.Id
                                    where profileIds.Contains(m.ProfileId)
                                    orderby c.Name
                                    select new
                                    {
                                        m.CloudId, m.ProfileId, Cloud = c.Name, c.OrganizationId, Org = o.Name, Profile = p.DisplayName, m.Status, m.JoinedVia,
                                        AddedBy = db.Users.Where(u => u.Id == m.AddedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                                        m.JoinedAt, m.ActivatedAt,
                                        HiredFrom = (from f in db.Offers
                                                     join pr in db.Proposals on f.ProposalId equals pr.Id
                                                     join j in db.Jobs on pr.JobId equals j.Id
                                                     where f.CloudId == m.CloudId && f.ProfileId == m.ProfileId && f.Status == OfferStatus.Accepted
                                                     orderby f.ClosedAt descending
                                                     select j.Title).FirstOrDefault(),
                                        Unmet = db.Invitations.Where(i => i.CloudId == m.CloudId && i.ProfileId == m.ProfileId && i.Status == InvitationStatus.Accepted)
                                            .OrderByDescending(i => i.Id).Select(i => i.UnmetCriteria).FirstOrDefault(),
                                    }).AsNoTracking().ToListAsync(ct);
        var contracts = await (from c in db.Contracts
                               join o in db.Organizations on c.OrganizationId equals o.Id
                               where profileIds.Contains(c.ProfileId)
                               select new { c.ProfileId, c.OrganizationId, c.Title, Org = o.Name, c.StartedAt }).ToListAsync(ct);

        var memberships = new List<MyMembership>();
        foreach (var r in membershipRows)
        {
            // This page is private to the member. The rule is asked as for an active membership: the member sees their own clouds' names,
            // including the pending ones only they and the cloud's managers know of.
            if (MembershipVisibility.Decide(actor, new MembershipFacts(r.ProfileId, r.OrganizationId, MembershipStatus.Active)) != MembershipView.Full)
            {
                continue;
            }

            memberships.Add(new MyMembership(r.CloudId, r.Cloud, r.Org, r.Profile, r.Status, r.JoinedVia, r.AddedBy ?? "", r.JoinedAt, r.ActivatedAt,
                r.Status == MembershipStatus.PendingApproval && !string.IsNullOrEmpty(r.Unmet) ? r.Unmet.Split('\n') : [],
                [.. contracts.Where(c => c.ProfileId == r.ProfileId && c.OrganizationId == r.OrganizationId).OrderBy(c => c.StartedAt)
                    .Select(c => $"{c.Title} (with {c.Org}, since {c.StartedAt:d MMM yyyy})")],
                r.JoinedVia == JoinMethod.Contract ? r.HiredFrom : null));
        }

        var invitationRows = await (from i in db.Invitations
                                    join c in db.Clouds on i.CloudId equals c.Id
                                    join o in db.Organizations on c.OrganizationId equals o.Id
                                    join p in db.Profiles on i.ProfileId equals p.Id
                                    where profileIds.Contains(i.ProfileId) && i.Status == InvitationStatus.Pending && i.ExpiresAt > now
                                        // An offer may have placed the profile in the cloud meanwhile: nothing is left to answer.
                                        && !db.CloudMemberships.Any(m => m.CloudId == i.CloudId && m.ProfileId == i.ProfileId && m.Status == MembershipStatus.Active)
                                    orderby i.CreatedAt descending
                                    select new
                                    {
                                        i.Id, i.ProfileId, Cloud = c, Org = o.Name, o.HasEnterpriseSubscription, Profile = p.DisplayName, i.Note, i.CreatedAt, i.ExpiresAt,
                                        InvitedBy = db.Users.Where(u => u.Id == i.InvitedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                                    }).AsNoTracking().ToListAsync(ct);
        var invitations = new List<MyInvitation>();
        foreach (var r in invitationRows)
        {
            var criteria = CloudCriteria.Of(r.Cloud);
            var facts = await ProfileFacts.LoadAsync(db, r.ProfileId, ct);
            invitations.Add(new MyInvitation(r.Id, r.Cloud.Name, r.Org, r.InvitedBy ?? "", r.Profile, r.Note, r.CreatedAt, r.ExpiresAt,
                criteria.Describe(), CriteriaEvaluator.Unmet(criteria, facts!), criteria.RequiresManualApproval,
                !r.HasEnterpriseSubscription, r.HasEnterpriseSubscription ? null : SubscriptionErrors.InvitationPaused(r.Org)));
        }

        var offers = await (from f in db.Offers
                            join o in db.Organizations on f.OrganizationId equals o.Id
                            where profileIds.Contains(f.ProfileId) && f.ReleasedAt != null
                            orderby f.Status, f.ReleasedAt descending
                            select new MyOffer(f.Id, f.Title, o.Name, db.Clouds.Where(c => c.Id == f.CloudId).Select(c => c.Name).FirstOrDefault(),
                                f.Status, f.ReleasedAt!.Value, f.Status == OfferStatus.Open && !o.HasEnterpriseSubscription,
                                (from pr in db.Proposals join j in db.Jobs on pr.JobId equals j.Id where pr.Id == f.ProposalId select j.Title).FirstOrDefault()))
            .AsNoTracking().ToListAsync(ct);
        return new MyTalentClouds(memberships, invitations, offers);
    }
}
