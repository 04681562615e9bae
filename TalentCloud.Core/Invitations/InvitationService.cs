using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Clouds;
using TalentCloud.Core.Common;
using TalentCloud.Core.Data;
using TalentCloud.Core.Memberships;
using TalentCloud.Core.Notifications;
using TalentCloud.Core.Organizations;

namespace TalentCloud.Core.Invitations;

/// <summary>What happened when an invitation was accepted.</summary>
public sealed record InvitationOutcome(MembershipStatus Status, IReadOnlyList<string> UnmetCriteria, bool NeedsManualApproval);

/// <summary>A cloud a hiring manager may invite a given profile to.</summary>
public sealed record InvitableCloud(int Id, string Name);

/// <summary>What a profile page offers the people of an Enterprise organisation: clouds to invite to, an offer, or why neither.</summary>
public sealed record HiringActions(IReadOnlyList<InvitableCloud> Clouds, bool CanOffer, string? Notice)
{
    public static readonly HiringActions None = new([], false, null);

    public bool CanInvite => Clouds.Count > 0;

    /// <summary>Whether the panel shows at all.</summary>
    public bool IsVisible => CanInvite || CanOffer || Notice is not null;
}

/// <summary>Joining by invitation: a hiring manager invites, the invitee accepts (criteria decide Active or Pending) or declines.</summary>
public sealed class InvitationService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public const string InvitationNotFound = "That invitation does not exist.";

    /// <summary>
    /// The hiring actions a profile page offers the actor for this profile: the actor's clouds it could be invited to (not a
    /// member, no pending invitation) and whether an offer can be drafted. For the people of an organisation whose Enterprise
    /// subscription ended, <see cref="HiringActions.Notice"/> says why neither is possible. Nothing for anyone else.
    /// </summary>
    public async Task<HiringActions> GetHiringActionsAsync(Actor actor, int profileId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.OwnsProfile(profileId) || !actor.IsClient)
        {
            return HiringActions.None;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await CloudAccess.CloudOrganizationAsync(db, actor, ct);
        if (found is not { } cloudOrg || !await db.Clouds.AnyAsync(c => c.OrganizationId == cloudOrg.Org.Id, ct))
        {
            return HiringActions.None;
        }

        var (org, role) = cloudOrg;
        if (!org.HasEnterpriseSubscription)
        {
            return new HiringActions([], false, SubscriptionErrors.Inactive(org.Name, org.EnterpriseEndsAt, SubscriptionErrors.NoNewInvitations + " and " + SubscriptionErrors.NoNewOffers));
        }

        var now = clock.GetUtcNow();
        var clouds = !OrganizationPermissions.Allows(role, OrganizationAction.InviteToCloud)
            ? []
            : await db.Clouds.AsNoTracking()
                .Where(c => c.OrganizationId == org.Id
                    && !db.CloudMemberships.Any(m => m.CloudId == c.Id && m.ProfileId == profileId)
                    && !db.Invitations.Any(i => i.CloudId == c.Id && i.ProfileId == profileId && i.Status == InvitationStatus.Pending && i.ExpiresAt > now))
                .OrderBy(c => c.Name)
                .Select(c => new InvitableCloud(c.Id, c.Name))
                .ToListAsync(ct);
        return new HiringActions(clouds, OrganizationPermissions.Allows(role, OrganizationAction.DraftOffers), null);
    }

    /// <summary>Invites a freelancer or agency to a cloud the actor manages, with an optional note.</summary>
    public Task<Result<int>> InviteAsync(Actor actor, int cloudId, int profileId, string? note, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        note = UserText.Block(note);
        if (note.Length > Invitation.NoteMaxLength)
        {
            return Task.FromResult(Result<int>.Failure($"The note is at most {Invitation.NoteMaxLength:N0} characters."));
        }

        return UnitOfWork.RunAsync(dbFactory, clock, async uow =>
        {
            var db = uow.Db;
            var managed = await CloudAccess.FindManagedAsync(db, actor, cloudId, ct);
            if (managed is null)
            {
                return Result<int>.NotFound(CloudAccess.NotFound);
            }

            if ((managed.RefuseUnless(OrganizationAction.InviteToCloud) ?? managed.RefuseUnlessSubscribed(SubscriptionErrors.NoNewInvitations)) is { } refusal)
            {
                return Result<int>.Failure(refusal);
            }

            var profile = await db.Profiles.AsNoTracking().SingleOrDefaultAsync(p => p.Id == profileId, ct);
            if (profile is null)
            {
                return Result<int>.Failure("That freelancer or agency does not exist.");
            }

            if (await db.CloudMemberships.AnyAsync(m => m.CloudId == cloudId && m.ProfileId == profileId, ct))
            {
                return Result<int>.Failure($"{profile.DisplayName} is already a member of {managed.Cloud.Name}.");
            }

            var duplicateMessage = $"{profile.DisplayName} already has a pending invitation to {managed.Cloud.Name}.";
            var pending = await db.Invitations.SingleOrDefaultAsync(i => i.CloudId == cloudId && i.ProfileId == profileId && i.Status == InvitationStatus.Pending, ct);
            if (pending is not null)
            {
                if (!pending.IsExpiredAt(uow.Now))
                {
                    return Result<int>.Failure(duplicateMessage);
                }

                // An expired invitation no longer counts; it makes room for the new one.
                pending.Expire();
            }

            if (await ActionLimiter.TryCountAsync(db, actor.UserId!, LimitedAction.CloudInvitation, uow.Now, ct) is { } limited)
            {
                return Result<int>.Failure(limited);
            }

            var invitation = Invitation.Create(cloudId, profileId, actor.UserId!, note, uow.Now);
            db.Invitations.Add(invitation);
            await uow.SaveAsync();
            uow.Audit(actor, "invitation.sent", $"{profile.DisplayName} to {managed.Cloud.Name}", "Pending", cloudId, profileId, managed.Organization.Id);
            uow.Notify(profile.OwnerUserId, NotificationKind.InvitationReceived, $"Invitation to join {managed.Cloud.Name}",
                $"{actor.DisplayName} of {managed.Organization.Name} invited {profile.DisplayName} to the Talent Cloud {managed.Cloud.Name}."
                + (note.Length > 0 ? $" Note: {note}" : ""), "/my/talent-clouds", cloudId);
            return Result<int>.Success(invitation.Id);
        }, ct, Duplicate<Result<int>>.RunAgain(Invitation.OnePendingIndex));
    }

    /// <summary>
    /// The invitee accepts: the cloud's criteria are evaluated against the profile. All met and no manual approval → Active;
    /// otherwise PendingApproval with the unmet criteria recorded and returned. The invitation is held while it is
    /// answered, so a second accept waits and then finds it answered.
    /// </summary>
    public Task<Result<InvitationOutcome>> AcceptAsync(Actor actor, int invitationId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return UnitOfWork.RunAsync(dbFactory, clock, async uow =>
        {
            var db = uow.Db;
            var (invitation, error) = await FindAnswerableAsync(uow, actor, invitationId, ct);
            if (invitation is null)
            {
                return error == InvitationNotFound ? Result<InvitationOutcome>.NotFound(error) : Result<InvitationOutcome>.Failure(error!);
            }

            var cloud = await db.Clouds.AsNoTracking().SingleAsync(c => c.Id == invitation.CloudId, ct);
            var org = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == cloud.OrganizationId, ct);
            if (!org.HasEnterpriseSubscription)
            {
                return Result<InvitationOutcome>.Failure(SubscriptionErrors.InvitationPaused(org.Name));
            }

            if (await db.CloudMemberships.AnyAsync(m => m.CloudId == cloud.Id && m.ProfileId == invitation.ProfileId, ct))
            {
                return Result<InvitationOutcome>.Failure($"You are already a member of {cloud.Name}.");
            }

            var facts = await ProfileFacts.LoadAsync(db, invitation.ProfileId, ct);
            var criteria = CloudCriteria.Of(cloud);
            var unmet = CriteriaEvaluator.Unmet(criteria, facts!);
            var active = unmet.Count == 0 && !criteria.RequiresManualApproval;
            invitation.Accept(uow.Now, unmet);
            db.CloudMemberships.Add(CloudMembership.Join(cloud.Id, invitation.ProfileId, JoinMethod.Invitation, invitation.InvitedByUserId, active, uow.Now));
            var profileName = await db.Profiles.Where(p => p.Id == invitation.ProfileId).Select(p => p.DisplayName).SingleAsync(ct);
            var outcome = active
                ? "Active"
                : unmet.Count == 0 ? "Pending approval (manual approval)" : $"Pending approval; unmet: {string.Join("; ", unmet)}";
            uow.Audit(actor, "invitation.accepted", $"{profileName} to {cloud.Name}", outcome, cloud.Id, invitation.ProfileId, cloud.OrganizationId);
            var status = active ? MembershipStatus.Active : MembershipStatus.PendingApproval;
            return Result<InvitationOutcome>.Success(new InvitationOutcome(status, unmet, criteria.RequiresManualApproval));
        }, ct, Duplicate<Result<InvitationOutcome>>.RunAgain(CloudMembership.OnePerCloudIndex));
    }

    /// <summary>The invitee declines; nothing else changes.</summary>
    public Task<Result> DeclineAsync(Actor actor, int invitationId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return UnitOfWork.RunAsync(dbFactory, clock, async uow =>
        {
            var (invitation, error) = await FindAnswerableAsync(uow, actor, invitationId, ct);
            if (invitation is null)
            {
                return error == InvitationNotFound ? Result.NotFound(error) : Result.Failure(error!);
            }

            invitation.Decline(uow.Now);
            var names = await (from p in uow.Db.Profiles
                               from c in uow.Db.Clouds
                               where p.Id == invitation.ProfileId && c.Id == invitation.CloudId
                               select new { Profile = p.DisplayName, Cloud = c.Name, c.OrganizationId }).SingleAsync(ct);
            uow.Audit(actor, "invitation.declined", $"{names.Profile} to {names.Cloud}", "Declined", invitation.CloudId, invitation.ProfileId, names.OrganizationId);
            return Result.Success;
        }, ct);
    }

    /// <summary>The actor's own invitation, held for this unit of work, if it can still be answered; otherwise why not.</summary>
    private static async Task<(Invitation? Invitation, string? Error)> FindAnswerableAsync(UnitOfWork uow, Actor actor, int invitationId, CancellationToken ct)
    {
        await uow.LockAsync<Invitation>(invitationId);
        var invitation = await uow.Db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId, ct);
        // Someone else's invitation is reported exactly like a missing one.
        if (invitation is null || !actor.OwnsProfile(invitation.ProfileId))
        {
            return (null, InvitationNotFound);
        }

        if (invitation.Status != InvitationStatus.Pending)
        {
            return (null, $"This invitation has already been answered ({invitation.Status.ToString().ToLowerInvariant()}).");
        }

        if (invitation.IsExpiredAt(uow.Now))
        {
            return (null, $"This invitation expired on {invitation.ExpiresAt:d MMM yyyy}. Ask the organisation for a new one.");
        }

        return (invitation, null);
    }
}
