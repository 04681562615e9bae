using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Common;
using TalentCloud.Core.Data;
using TalentCloud.Core.Invitations;
using TalentCloud.Core.Memberships;
using TalentCloud.Core.Notifications;
using TalentCloud.Core.Offers;
using TalentCloud.Core.Organizations;
using TalentCloud.Core.Profiles;

namespace TalentCloud.Core.Clouds;

public sealed record CloudSummary(int Id, string Name, string Description, int ActiveCount, int PendingCount, int OutstandingInvitations, int OpenOffers);

/// <summary>The clouds of the actor's organisation; <see cref="CanCreate"/> for owners while the subscription is active.</summary>
public sealed record CloudList(int OrganizationId, string OrganizationName, bool CanCreate, IReadOnlyList<CloudSummary> Clouds, SubscriptionView Subscription);

/// <summary>
/// One cloud for its organisation's people. <see cref="CanApproveMembers"/> and <see cref="CanRejectMembers"/> follow the role and
/// the subscription; <see cref="MembersNotice"/> says why deciding is not possible, when it is not.
/// </summary>
public sealed record CloudDetail(int Id, int OrganizationId, string OrganizationName, string Name, string Description, CloudCriteria Criteria,
    bool CanEdit, int ActiveCount, int PendingCount, bool CanApproveMembers, bool CanRejectMembers, string? MembersNotice);

/// <summary>The columns the member list sorts by; <see cref="Status"/> puts those waiting for a decision first.</summary>
public enum MemberSort
{
    Status = 0,
    Name = 1,
    Joined = 2,
}

public sealed record MemberQuery(string? Search = null, MembershipStatus? Status = null, int Page = 1, int PageSize = 20,
    MemberSort Sort = MemberSort.Status, bool Descending = false)
{
    public const int SearchMaxLength = 100;
}

public sealed record MemberRow(int MembershipId, int ProfileId, ProfileKind Kind, string Handle, string DisplayName, string Title, string Country,
    MembershipStatus Status, JoinMethod JoinedVia, string AddedBy, DateTimeOffset JoinedAt, IReadOnlyList<string> UnmetCriteria)
{
    public string ProfileUrl => (Kind == ProfileKind.Agency ? "/agencies/" : "/freelancers/") + Handle;

    /// <summary>Whether the viewer (a manager of the cloud) can approve or reject this member now: pending members only.</summary>
    public bool CanDecide => Status == MembershipStatus.PendingApproval;
}

public sealed record MemberPage(IReadOnlyList<MemberRow> Rows, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Clouds of Enterprise organisations: creating and describing them (owner), their criteria, their members and approvals.</summary>
public sealed class CloudService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public const int RejectionReasonMaxLength = 1000;

    private static string DuplicateName(string name) => $"Your organisation already has a cloud named \"{name}\".";

    /// <summary>The clouds of the actor's Enterprise organisation, or null when the actor has none (the pages answer 404).</summary>
    public async Task<CloudList?> ListAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await CloudAccess.CloudOrganizationAsync(db, actor, ct);
        if (found is not { } enterprise)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var orgId = enterprise.Org.Id;
        var clouds = await db.Clouds.AsNoTracking().Where(c => c.OrganizationId == orgId).OrderBy(c => c.Name)
            .Select(c => new CloudSummary(c.Id, c.Name, c.Description,
                db.CloudMemberships.Count(m => m.CloudId == c.Id && m.Status == MembershipStatus.Active),
                db.CloudMemberships.Count(m => m.CloudId == c.Id && m.Status == MembershipStatus.PendingApproval),
                db.Invitations.Count(i => i.CloudId == c.Id && i.Status == InvitationStatus.Pending && i.ExpiresAt > now),
                db.Offers.Count(o => o.CloudId == c.Id && o.Status == OfferStatus.Open)))
            .ToListAsync(ct);
        return new CloudList(orgId, enterprise.Org.Name,
            OrganizationPermissions.Allows(enterprise.Role, OrganizationAction.ManageClouds) && enterprise.Org.HasEnterpriseSubscription, clouds,
            SubscriptionView.Of(enterprise.Org));
    }

    public async Task<CloudDetail?> GetAsync(Actor actor, int cloudId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var managed = await CloudAccess.FindManagedAsync(db, actor, cloudId, ct);
        if (managed is null)
        {
            return null;
        }

        var counts = await db.CloudMemberships.Where(m => m.CloudId == cloudId).GroupBy(m => m.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var roleRefusal = managed.RefuseUnless(OrganizationAction.DecideMembers);
        var subscriptionRefusal = managed.RefuseUnlessSubscribed(SubscriptionErrors.NoMemberApprovals);
        return new CloudDetail(managed.Cloud.Id, managed.Organization.Id, managed.Organization.Name, managed.Cloud.Name, managed.Cloud.Description,
            CloudCriteria.Of(managed.Cloud), managed.Can(OrganizationAction.ManageClouds),
            counts.Where(c => c.Key == MembershipStatus.Active).Sum(c => c.Count),
            counts.Where(c => c.Key == MembershipStatus.PendingApproval).Sum(c => c.Count),
            CanApproveMembers: roleRefusal is null && subscriptionRefusal is null, CanRejectMembers: roleRefusal is null,
            MembersNotice: roleRefusal ?? subscriptionRefusal);
    }

    /// <summary>Creates a cloud in the actor's Enterprise organisation; owners only.</summary>
    public Task<Result<int>> CreateAsync(Actor actor, string? name, string? description, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var errors = ValidateNameAndDescription(ref name, ref description);
        return UnitOfWork.RunAsync(dbFactory, clock, async uow =>
        {
            var db = uow.Db;
            var found = await CloudAccess.CloudOrganizationAsync(db, actor, ct);
            if (found is not { } enterprise || !OrganizationPermissions.Allows(enterprise.Role, OrganizationAction.ManageClouds))
            {
                return Result<int>.Failure("Only the owner of an Enterprise organisation can create Talent Clouds.");
            }

            if (!enterprise.Org.HasEnterpriseSubscription)
            {
                return Result<int>.Failure(SubscriptionErrors.Inactive(enterprise.Org.Name, enterprise.Org.EnterpriseEndsAt, SubscriptionErrors.NoNewClouds));
            }

            if (errors.Count > 0)
            {
                return Result<int>.Failure([.. errors]);
            }

            var orgId = enterprise.Org.Id;
            // The unique (organisation, name) index refuses a second cloud of the same name even when two creates
            // race past this check; the loser gets the same message.
            if (await db.Clouds.AnyAsync(c => c.OrganizationId == orgId && c.Name == name, ct))
            {
                return Result<int>.Failure(DuplicateName(name!));
            }

            var cloud = Cloud.Create(orgId, name!, description!, uow.Now);
            db.Clouds.Add(cloud);
            await uow.SaveAsync();
            uow.Audit(actor, "cloud.created", cloud.Name, "Created", cloud.Id, organizationId: orgId);
            return Result<int>.Success(cloud.Id);
        }, ct, new Duplicate<Result<int>>(Cloud.OneNamePerOrganizationIndex, Result<int>.Failure(DuplicateName(name!))));
    }

    /// <summary>Renames and describes a cloud; owners of its organisation only.</summary>
    public Task<Result> UpdateAsync(Actor actor, int cloudId, string? name, string? description, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return UnitOfWork.RunAsync(dbFactory, clock, async uow =>
        {
            var db = uow.Db;
            var managed = await CloudAccess.FindManagedAsync(db, actor, cloudId, ct, tracking: true);
            if (managed is null)
            {
                return Result.NotFound(CloudAccess.NotFound);
            }

            if (managed.RefuseUnless(OrganizationAction.ManageClouds) is { } refusal)
            {
                return Result.Failure(refusal);
            }

            var errors = ValidateNameAndDescription(ref name, ref description);
            if (errors.Count > 0)
            {
                return Result.Failure([.. errors]);
            }

            if (await db.Clouds.AnyAsync(c => c.OrganizationId == managed.Cloud.OrganizationId && c.Id != cloudId && c.Name == name, ct))
            {
                return Result.Failure(DuplicateName(name!));
            }

            var old = managed.Cloud.Name;
            managed.Cloud.Describe(name!, description!);
            uow.Audit(actor, "cloud.updated", name!, old == name ? "Description changed" : $"Renamed from \"{old}\"",
                cloudId, organizationId: managed.Cloud.OrganizationId);
            return Result.Success;
        }, ct, new Duplicate<Result>(Cloud.OneNamePerOrganizationIndex, Result.Failure(DuplicateName(name?.Trim() ?? ""))));
    }

    /// <summary>Sets the cloud's approval criteria; owners only. Countries are ISO codes; skills are matched without case.</summary>
    public Task<Result> SetCriteriaAsync(Actor actor, int cloudId, CloudCriteria criteria, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(criteria);
        var errors = new List<string>();
        var skills = criteria.RequiredSkills.Select(UserText.Line).Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (skills.Count > Cloud.MaxRequiredSkills)
        {
            errors.Add($"At most {Cloud.MaxRequiredSkills} required skills.");
        }

        if (skills.Any(s => s.Length > Profile.SkillMaxLength))
        {
            errors.Add($"Each skill is at most {Profile.SkillMaxLength} characters.");
        }

        var countries = criteria.AllowedCountries.Select(c => UserText.Line(c).ToUpperInvariant()).Where(c => c.Length > 0).Distinct().ToList();
        if (countries.Count > Cloud.MaxAllowedCountries)
        {
            errors.Add($"At most {Cloud.MaxAllowedCountries} allowed countries.");
        }

        var unknown = countries.Where(c => !IsCountryCode(c)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add($"Unknown country code{(unknown.Count == 1 ? "" : "s")}: {string.Join(", ", unknown)} (use two-letter ISO codes such as US, DE, SG).");
        }

        if ((criteria.AcceptedEngagementTypes & ~(EngagementTypes.Hourly | EngagementTypes.FixedPrice)) != 0)
        {
            errors.Add("Unknown engagement type.");
        }

        if (criteria.ContractorProofMinimumClients is < 1 or > Cloud.MaxContractorProofClients)
        {
            errors.Add($"The number of distinct clients must be between 1 and {Cloud.MaxContractorProofClients}.");
        }

        return UnitOfWork.RunAsync(dbFactory, clock, async uow =>
        {
            var managed = await CloudAccess.FindManagedAsync(uow.Db, actor, cloudId, ct, tracking: true);
            if (managed is null)
            {
                return Result.NotFound(CloudAccess.NotFound);
            }

            if (managed.RefuseUnless(OrganizationAction.ManageClouds) is { } refusal)
            {
                return Result.Failure(refusal);
            }

            if (errors.Count > 0)
            {
                return Result.Failure([.. errors]);
            }

            var cloud = managed.Cloud;
            cloud.SetCriteria(criteria with { RequiredSkills = skills, AllowedCountries = countries });
            var described = CloudCriteria.Of(cloud).Describe();
            uow.Audit(actor, "cloud.criteria-set", cloud.Name, described.Count == 0 ? "No criteria" : string.Join("; ", described),
                cloudId, organizationId: cloud.OrganizationId);
            return Result.Success;
        }, ct);
    }

    /// <summary>Members (Active and Pending) of a cloud the actor manages, filtered and paged; null when the cloud is not theirs.</summary>
    public async Task<MemberPage?> ListMembersAsync(Actor actor, int cloudId, MemberQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await CloudAccess.FindManagedAsync(db, actor, cloudId, ct) is null)
        {
            return null;
        }

        var pageSize = Math.Clamp(query.PageSize, 1, 100);
        var rows = from m in db.CloudMemberships
                   join p in db.Profiles on m.ProfileId equals p.Id
                   where m.CloudId == cloudId
                   select new { m, p };
        if (query.Status is { } status)
        {
            rows = rows.Where(r => r.m.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var search = query.Search.Trim();
            var term = TextMatch.ContainsPattern(search.Length > MemberQuery.SearchMaxLength ? search[..MemberQuery.SearchMaxLength] : search);
            rows = rows.Where(r => EF.Functions.Like(TextMatch.Lower(r.p.DisplayName), term, TextMatch.Escape)
                || EF.Functions.Like(TextMatch.Lower(r.p.Title), term, TextMatch.Escape)
                || r.p.Skills.Any(s => EF.Functions.Like(TextMatch.Lower(s.Name), term, TextMatch.Escape)));
        }

        var total = await rows.CountAsync(ct);
        var page = Math.Clamp(query.Page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var desc = query.Descending;
        var ordered = query.Sort switch
        {
            MemberSort.Name => desc ? rows.OrderByDescending(r => r.p.DisplayName) : rows.OrderBy(r => r.p.DisplayName),
            MemberSort.Joined => desc ? rows.OrderByDescending(r => r.m.JoinedAt) : rows.OrderBy(r => r.m.JoinedAt),
            _ => desc
                ? rows.OrderByDescending(r => r.m.Status == MembershipStatus.PendingApproval ? 0 : 1)
                : rows.OrderBy(r => r.m.Status == MembershipStatus.PendingApproval ? 0 : 1),
        };
        var items = await ordered.ThenBy(r => r.p.DisplayName).ThenBy(r => r.m.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(r => new
            {
                r.m.Id, ProfileId = r.p.Id, r.p.Kind, r.p.Handle, r.p.DisplayName, r.p.Title, r.p.Country, r.m.Status, r.m.JoinedVia, r.m.JoinedAt,
                AddedBy = db.Users.Where(u => u.Id == r.m.AddedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                Unmet = db.Invitations.Where(i => i.CloudId == cloudId && i.ProfileId == r.p.Id && i.Status == InvitationStatus.Accepted)
                    .OrderByDescending(i => i.Id).Select(i => i.UnmetCriteria).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return new MemberPage(
            [.. items.Select(i => new MemberRow(i.Id, i.ProfileId, i.Kind, i.Handle, i.DisplayName, i.Title, i.Country, i.Status, i.JoinedVia,
                i.AddedBy ?? "", i.JoinedAt,
                i.Status == MembershipStatus.PendingApproval && !string.IsNullOrEmpty(i.Unmet) ? i.Unmet.Split('\n') : []))],
            total, page, pageSize);
    }

    /// <summary>Approves a pending member of a cloud the actor manages.</summary>
    public Task<Result> ApproveAsync(Actor actor, int membershipId, CancellationToken ct = default) =>
        DecideAsync(actor, membershipId, approve: true, reason: null, ct);

    /// <summary>Rejects a pending member with a reason the member is told; the pending membership is removed.</summary>
    public Task<Result> RejectAsync(Actor actor, int membershipId, string? reason, CancellationToken ct = default) =>
        DecideAsync(actor, membershipId, approve: false, reason, ct);

    private Task<Result> DecideAsync(Actor actor, int membershipId, bool approve, string? reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        reason = UserText.Block(reason);
        if (!approve && reason.Length == 0)
        {
            return Task.FromResult(Result.Failure("Give a reason for the rejection; the applicant is told it."));
        }

        if (reason.Length > RejectionReasonMaxLength)
        {
            return Task.FromResult(Result.Failure($"The reason is at most {RejectionReasonMaxLength:N0} characters."));
        }

        return UnitOfWork.RunAsync(dbFactory, clock, async uow =>
        {
            var db = uow.Db;
            // Held while it is decided: an approval and a rejection of the same member happen one after the other.
            await uow.LockAsync<CloudMembership>(membershipId);
            var membership = await db.CloudMemberships.SingleOrDefaultAsync(m => m.Id == membershipId, ct);
            var managed = membership is null ? null : await CloudAccess.FindManagedAsync(db, actor, membership.CloudId, ct);
            if (membership is null || managed is null)
            {
                return Result.NotFound("That membership does not exist or is not in a cloud you manage.");
            }

            if ((managed.RefuseUnless(OrganizationAction.DecideMembers)
                ?? (approve ? managed.RefuseUnlessSubscribed(SubscriptionErrors.NoMemberApprovals) : null)) is { } refusal)
            {
                return Result.Failure(refusal);
            }

            if (membership.IsActive)
            {
                return Result.Failure("This member is already active; there is nothing to decide.");
            }

            var profile = await db.Profiles.AsNoTracking().SingleAsync(p => p.Id == membership.ProfileId, ct);
            var cloudName = managed.Cloud.Name;
            var subject = $"{profile.DisplayName} in {cloudName}";
            if (approve)
            {
                membership.Activate(uow.Now);
                uow.Audit(actor, "membership.approved", subject, "Active", membership.CloudId, profile.Id, managed.Organization.Id);
                uow.Notify(profile.OwnerUserId, NotificationKind.MembershipApproved, $"You are now a member of {cloudName}",
                    $"{managed.Organization.Name} approved {profile.DisplayName} as a member of {cloudName}.", "/my/talent-clouds", membership.CloudId);
            }
            else
            {
                db.CloudMemberships.Remove(membership);
                uow.Audit(actor, "membership.rejected", subject, $"Rejected: {reason}", membership.CloudId, profile.Id, managed.Organization.Id);
                uow.Notify(profile.OwnerUserId, NotificationKind.MembershipRejected, $"Your request to join {cloudName} was not approved",
                    $"{managed.Organization.Name} did not approve {profile.DisplayName} for {cloudName}. Reason: {reason}", "/my/talent-clouds",
                    membership.CloudId);
            }

            return Result.Success;
        }, ct);
    }

    private static List<string> ValidateNameAndDescription(ref string? name, ref string? description)
    {
        name = UserText.Line(name);
        description = UserText.Block(description);
        var errors = new List<string>();
        if (name.Length == 0)
        {
            errors.Add("Give the cloud a name.");
        }
        else if (name.Length > Cloud.NameMaxLength)
        {
            errors.Add($"The name is at most {Cloud.NameMaxLength} characters.");
        }

        if (description.Length > Cloud.DescriptionMaxLength)
        {
            errors.Add($"The description is at most {Cloud.DescriptionMaxLength:N0} characters.");
        }

        return errors;
    }

    internal static bool IsCountryCode(string code)
    {
        if (code.Length != 2 || !code.All(char.IsAsciiLetterUpper))
        {
            return false;
        }

        try
        {
            _ = new RegionInfo(code);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
