using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Audit;
using TalentCloud.Core.Common;
using TalentCloud.Core.ContactRules;
using TalentCloud.Core.Data;
using TalentCloud.Core.Notifications;

namespace TalentCloud.Core.Organizations;

/// <summary>
/// Joining an organisation through a team invitation's link: a person with an account accepts it while signed in with the
/// invited address; a new person creates their account through the link and becomes a member of that organisation (no new
/// organisation is created). The link proves the address, so such an account starts confirmed. One account belongs to at
/// most one organisation. Scoped: Identity's user store and this service share one context and transaction.
/// </summary>
public sealed class TeamJoinService(UserManager<AppUser> userManager, AppDbContext db, TimeProvider clock)
{
    public const int TokenMaxLength = 100;

    /// <summary>What the link's page shows; null for an unknown or malformed token.</summary>
    public async Task<TeamJoinView?> GetAsync(string? token, CancellationToken ct = default)
    {
        var invitation = await FindAsync(token, ct);
        if (invitation is null)
        {
            return null;
        }

        var names = await (from o in db.Organizations
                           where o.Id == invitation.OrganizationId
                           select new
                           {
                               o.Name,
                               InvitedBy = db.Users.Where(u => u.Id == invitation.InvitedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                           }).SingleAsync(ct);
        return new TeamJoinView(names.Name, invitation.Role, names.InvitedBy ?? "", invitation.Email, invitation.ExpiresAt,
            StateOf(invitation, clock.GetUtcNow()));
    }

    /// <summary>A signed-in person accepts with their account; it must be the invited address and belong to no organisation yet.</summary>
    public async Task<Result<string>> AcceptAsync(Actor actor, string? token, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsSignedIn)
        {
            return Result<string>.Failure("Sign in to accept the invitation.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var invitation = await FindAsync(token, ct, tracking: true);
        if (Refuse(invitation) is { } refusal)
        {
            return Result<string>.Failure(refusal);
        }

        var email = await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.NormalizedEmail).SingleAsync(ct);
        if (email != invitation!.NormalizedEmail)
        {
            return Result<string>.Failure(TeamErrors.WrongAccount(invitation.Email));
        }

        if (await db.OrganizationMembers.AnyAsync(m => m.UserId == actor.UserId, ct))
        {
            return Result<string>.Failure(TeamErrors.AlreadyInAnOrganization);
        }

        var organization = await JoinAsync(invitation, actor, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DatabaseErrors.UniqueConstraint(db, e) == OrganizationMember.OnePerUserIndex)
        {
            // The unique index on the member's user: another acceptance for this account won the race.
            return Result<string>.Failure(TeamErrors.AlreadyInAnOrganization);
        }

        await transaction.CommitAsync(ct);
        return Result<string>.Success(organization);
    }

    /// <summary>
    /// A new person creates their account through the link: the invited address, a name and a password. The account starts
    /// confirmed (the link reached the address) and belongs to the inviting organisation with the invitation's role.
    /// </summary>
    public async Task<Result<AppUser>> RegisterAsync(string? token, string? displayName, string? password, CancellationToken ct = default)
    {
        var name = UserText.Line(displayName);
        var errors = new List<string>();
        if (name.Length == 0)
        {
            errors.Add("Enter your name.");
        }
        else if (name.Length > AppUser.DisplayNameMaxLength)
        {
            errors.Add($"Your name can be at most {AppUser.DisplayNameMaxLength} characters.");
        }
        else
        {
            errors.AddRange(PublicTextPolicy.Check(name, "Your name").Errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var invitation = await FindAsync(token, ct, tracking: true);
        if (Refuse(invitation) is { } refusal)
        {
            return Result<AppUser>.Failure(refusal);
        }

        if (errors.Count > 0)
        {
            return Result<AppUser>.Failure([.. errors]);
        }

        if (await db.Users.AnyAsync(u => u.NormalizedEmail == invitation!.NormalizedEmail, ct))
        {
            return Result<AppUser>.Failure($"An account with {invitation!.Email} already exists. Sign in with it, then open the link again to accept.");
        }

        var now = clock.GetUtcNow();
        var user = new AppUser { UserName = invitation!.Email, Email = invitation.Email, EmailConfirmed = true, DisplayName = name, CreatedAt = now };
        var created = await userManager.CreateAsync(user, password ?? "");
        if (!created.Succeeded)
        {
            await transaction.RollbackAsync(ct);
            return Result<AppUser>.Failure([.. created.Errors.Select(e => e.Description)]);
        }

        await JoinAsync(invitation, new Actor(user.Id, name, false, [], new Dictionary<int, OrganizationRole>()), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Result<AppUser>.Success(user);
    }

    /// <summary>Adds the member, closes the invitation, records and tells the inviter, in the caller's unit of work; returns the organisation's name.</summary>
    private async Task<string> JoinAsync(TeamInvitation invitation, Actor joiner, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var org = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == invitation.OrganizationId, ct);
        db.OrganizationMembers.Add(new OrganizationMember { OrganizationId = org.Id, UserId = joiner.UserId!, Role = invitation.Role });
        invitation.Accept(joiner.UserId!, now);
        AuditLog.Record(db, joiner, AuditActions.TeamInvitationAccepted, $"{joiner.DisplayName} ({invitation.Email}) joined {org.Name}",
            $"as {OrganizationPermissions.Name(invitation.Role)}", now, organizationId: org.Id);
        if (await db.OrganizationMembers.AnyAsync(m => m.OrganizationId == org.Id && m.UserId == invitation.InvitedByUserId, ct))
        {
            NotificationEvents.Personal(db, invitation.InvitedByUserId, NotificationKind.General, $"{joiner.DisplayName} joined {org.Name}",
                $"{joiner.DisplayName} accepted your invitation and is now {OrganizationPermissions.WithArticle(invitation.Role)} of {org.Name}.",
                "/org/team", now);
        }

        return org.Name;
    }

    private string? Refuse(TeamInvitation? invitation)
    {
        if (invitation is null)
        {
            return TeamErrors.InvitationNotFound;
        }

        return StateOf(invitation, clock.GetUtcNow()) switch
        {
            TeamJoinState.Open => null,
            TeamJoinState.Expired => TeamErrors.Expired(invitation.ExpiresAt),
            var state => TeamErrors.NoLongerOpen(state),
        };
    }

    private static TeamJoinState StateOf(TeamInvitation invitation, DateTimeOffset now) => invitation.Status switch
    {
        TeamInvitationStatus.Accepted => TeamJoinState.Accepted,
        TeamInvitationStatus.Pending when invitation.IsExpiredAt(now) => TeamJoinState.Expired,
        TeamInvitationStatus.Pending => TeamJoinState.Open,
        _ => TeamJoinState.Withdrawn,
    };

    private async Task<TeamInvitation?> FindAsync(string? token, CancellationToken ct, bool tracking = false)
    {
        if (string.IsNullOrEmpty(token) || token.Length > TokenMaxLength || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return null;
        }

        var hash = TeamInvitation.Hash(token);
        if (tracking)
        {
            // Joining changes the invitation: two uses of one link take turns (PostgreSQL; SQLite's writer is alone).
            await DatabaseLocks.HoldAsync(db, "team-join:" + hash, ct);
        }

        var invitations = tracking ? db.TeamInvitations : db.TeamInvitations.AsNoTracking();
        return await invitations.SingleOrDefaultAsync(i => i.TokenHash == hash, ct);
    }
}
