using System.Net;
using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Audit;
using TalentCloud.Core.Common;
using TalentCloud.Core.Data;
using TalentCloud.Core.Notifications;
using TalentCloud.Core.Offers;

namespace TalentCloud.Core.Organizations;

/// <summary>
/// The team page (<c>/org/team</c>): an organisation's owners invite colleagues by e-mail with a role, change roles, remove
/// colleagues, and set the offer-approval thresholds. Everyone else — other roles, other organisations — gets "not found".
/// Every change re-reads the acting owner's role inside its write transaction, so a change made a moment ago by another
/// owner (or the actor's own removal) applies at once, and the organisation always keeps at least one owner.
/// The invitation e-mail's link is absolute (from the configured public address) and is also logged at Debug level, as the
/// account e-mails' links are, so a local user without a mail server can follow it.
/// </summary>
public sealed class TeamService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, ILogger<TeamService>? logger = null)
{
    private readonly ILogger logger = logger ?? NullLogger<TeamService>.Instance;

    public const int DefaultPageSize = 20;

    public static readonly IReadOnlyList<RoleChoice> RoleChoices =
    [
        new(OrganizationRole.Owner, "Owner", "Everything, including the team, the organisation's settings and its clouds."),
        new(OrganizationRole.HiringManager, "Hiring manager",
            "Search, invite to clouds, approve members, post cloud jobs, send and approve offers, hire."),
        new(OrganizationRole.Recruiter, "Recruiter",
            "Search, invite to clouds, message, and draft offers that wait for an owner's or hiring manager's approval."),
    ];

    /// <summary>The team page's head for an owner; null for anyone else (the page answers 404).</summary>
    public async Task<TeamView?> GetAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (OwnedOrganization(actor) is not { } orgId)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var org = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orgId, ct);
        if (org is null)
        {
            return null;
        }

        var roles = await db.OrganizationMembers.Where(m => m.OrganizationId == orgId).Select(m => m.Role).ToListAsync(ct);
        var pending = await db.TeamInvitations.CountAsync(i => i.OrganizationId == orgId && i.Status == TeamInvitationStatus.Pending, ct);
        return new TeamView(org.Id, org.Name, roles.Count, roles.Count(r => r == OrganizationRole.Owner), pending,
            new OfferApprovalRules(org.OfferApprovalHourlyAbove, org.OfferApprovalFixedAbove), RoleChoices, CanInvite: true, CanEditApprovalRules: true);
    }

    /// <summary>The organisation's people, owners first, then by name; null for anyone but its owners.</summary>
    public async Task<TeamListPage<TeamMemberView>?> ListMembersAsync(Actor actor, int page = 1, int pageSize = DefaultPageSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (OwnedOrganization(actor) is not { } orgId)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = from m in db.OrganizationMembers
                   join u in db.Users on m.UserId equals u.Id
                   where m.OrganizationId == orgId
                   select new { m.UserId, u.DisplayName, u.Email, m.Role };
        var total = await rows.CountAsync(ct);
        var owners = await rows.CountAsync(r => r.Role == OrganizationRole.Owner, ct);
        (page, pageSize) = Clamp(page, pageSize, total);
        var items = await rows.OrderBy(r => r.Role).ThenBy(r => r.DisplayName).ThenBy(r => r.UserId)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new TeamListPage<TeamMemberView>(
            [.. items.Select(r =>
            {
                // The last owner can be neither removed nor made something else; the page offers neither.
                var lastOwner = r.Role == OrganizationRole.Owner && owners <= 1;
                return new TeamMemberView(r.UserId, r.DisplayName, r.Email ?? "", r.Role, r.UserId == actor.UserId, !lastOwner, !lastOwner);
            })],
            total, page, pageSize);
    }

    /// <summary>Pending invitations (open and expired), newest first; null for anyone but the organisation's owners.</summary>
    public async Task<TeamListPage<TeamInvitationView>?> ListInvitationsAsync(Actor actor, int page = 1, int pageSize = DefaultPageSize,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (OwnedOrganization(actor) is not { } orgId)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var rows = db.TeamInvitations.AsNoTracking().Where(i => i.OrganizationId == orgId && i.Status == TeamInvitationStatus.Pending);
        var total = await rows.CountAsync(ct);
        (page, pageSize) = Clamp(page, pageSize, total);
        var items = await rows.OrderByDescending(i => i.SentAt).ThenByDescending(i => i.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(i => new
            {
                Invitation = i,
                InvitedBy = db.Users.Where(u => u.Id == i.InvitedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return new TeamListPage<TeamInvitationView>(
            [.. items.Select(r => new TeamInvitationView(r.Invitation.Id, r.Invitation.Email, r.Invitation.Role, r.InvitedBy ?? "", r.Invitation.SentAt,
                r.Invitation.ExpiresAt, r.Invitation.IsExpiredAt(now), r.Invitation.SendCount, CanResend: true, CanWithdraw: true))],
            total, page, pageSize);
    }

    /// <summary>
    /// Invites a colleague by e-mail with a role. Refused: an invalid address or role; someone already on the team or already
    /// invited; an address whose account belongs to another organisation (without saying which); too many invitations in an hour.
    /// </summary>
    public async Task<Result<int>> InviteAsync(Actor actor, string? email, OrganizationRole role, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (OwnedOrganization(actor) is not { } orgId)
        {
            return Result<int>.NotFound(TeamErrors.NotFound);
        }

        var address = UserText.Line(email);
        var errors = new List<string>();
        if (ValidateEmail(address) is { } emailError)
        {
            errors.Add(emailError);
        }

        if (!Enum.IsDefined(role))
        {
            errors.Add(TeamErrors.ChooseRole);
        }

        if (errors.Count > 0)
        {
            return Result<int>.Failure([.. errors]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The write lock is taken here (SQLite begins IMMEDIATE), so the checks below and the insert are one step.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var org = await OwnedOrganizationAsync(db, actor, orgId, ct);
        if (org is null)
        {
            return Result<int>.NotFound(TeamErrors.NotFound);
        }

        var now = clock.GetUtcNow();
        if (await IsRateLimitedAsync(db, actor, now, ct))
        {
            return Result<int>.Failure(TeamErrors.RateLimited);
        }

        var normalized = TeamInvitation.Normalize(address);
        var existingUser = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).FirstOrDefaultAsync(ct);
        if (existingUser is not null)
        {
            var memberOf = await db.OrganizationMembers.Where(m => m.UserId == existingUser).Select(m => (int?)m.OrganizationId).FirstOrDefaultAsync(ct);
            if (memberOf == orgId)
            {
                return Result<int>.Failure(TeamErrors.AlreadyOnTeam(address));
            }

            if (memberOf is not null)
            {
                return Result<int>.Failure(TeamErrors.BelongsToAnotherOrganization);
            }
        }

        var pending = await db.TeamInvitations.SingleOrDefaultAsync(i => i.OrganizationId == orgId && i.NormalizedEmail == normalized
            && i.Status == TeamInvitationStatus.Pending, ct);
        if (pending is not null)
        {
            if (!pending.IsExpiredAt(now))
            {
                return Result<int>.Failure(TeamErrors.AlreadyInvited(address));
            }

            // An expired invitation makes room for the new one.
            pending.Supersede(now);
            await db.SaveChangesAsync(ct);
        }

        var (token, hash) = TeamInvitation.NewToken();
        var invitation = TeamInvitation.Create(orgId, address, role, actor.UserId!, hash, now);
        db.TeamInvitations.Add(invitation);
        var (subject, link) = QueueInvitationEmail(db, invitation, token, actor.DisplayName, org.Name);
        AuditLog.Record(db, actor, AuditActions.TeamInvitationSent, $"{address} to {org.Name}", $"as {OrganizationPermissions.Name(role)}", now,
            organizationId: orgId);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        LogLink(subject, address, link);
        return Result<int>.Success(invitation.Id);
    }

    /// <summary>Sends a pending invitation again with a new link and a new 14-day term (also after it expired).</summary>
    public Task<Result> ResendAsync(Actor actor, int invitationId, CancellationToken ct = default) =>
        InvitationChangeAsync(actor, invitationId, async (db, org, invitation, now) =>
        {
            if (await IsRateLimitedAsync(db, actor, now, ct))
            {
                return TeamErrors.RateLimited;
            }

            var (token, hash) = TeamInvitation.NewToken();
            invitation.Resend(hash, now);
            var (subject, link) = QueueInvitationEmail(db, invitation, token, actor.DisplayName, org.Name);
            LogLink(subject, invitation.Email, link);
            AuditLog.Record(db, actor, AuditActions.TeamInvitationResent, $"{invitation.Email} to {org.Name}",
                $"sent again (time {invitation.SendCount}); expires {Dates.Day(invitation.ExpiresAt)}", now, organizationId: org.Id);
            return null;
        }, ct);

    /// <summary>Withdraws a pending invitation; its link stops working.</summary>
    public Task<Result> WithdrawAsync(Actor actor, int invitationId, CancellationToken ct = default) =>
        InvitationChangeAsync(actor, invitationId, (db, org, invitation, now) =>
        {
            invitation.Withdraw(now);
            AuditLog.Record(db, actor, AuditActions.TeamInvitationWithdrawn, $"{invitation.Email} to {org.Name}", "withdrawn", now, organizationId: org.Id);
            return Task.FromResult<string?>(null);
        }, ct);

    /// <summary>Gives a colleague another role; it applies to their next action. The last owner keeps the owner role.</summary>
    public Task<Result> ChangeRoleAsync(Actor actor, string? userId, OrganizationRole role, CancellationToken ct = default) =>
        MemberChangeAsync(actor, userId, async (db, org, member, name, now) =>
        {
            if (!Enum.IsDefined(role))
            {
                return TeamErrors.ChooseRole;
            }

            if (member.Role == role)
            {
                return $"{name} is already {OrganizationPermissions.WithArticle(role)}.";
            }

            if (member.Role == OrganizationRole.Owner && await OwnerCountAsync(db, org.Id, ct) <= 1)
            {
                return TeamErrors.LastOwner;
            }

            var from = member.Role;
            member.Role = role;
            AuditLog.Record(db, actor, AuditActions.TeamRoleChanged, $"{name} at {org.Name}",
                $"{OrganizationPermissions.Name(from)} → {OrganizationPermissions.Name(role)}", now, organizationId: org.Id);
            NotificationEvents.Personal(db, member.UserId, NotificationKind.General, $"Your role at {org.Name} changed",
                $"{actor.DisplayName} made you {OrganizationPermissions.WithArticle(role)} of {org.Name}.", "/org", now);
            return null;
        }, ct);

    /// <summary>
    /// Removes a colleague at once: their next action on an organisation page finds nothing, and profiles stop showing them the
    /// organisation's cloud names. What they created (jobs, offers, conversations, invitations) stays with the organisation.
    /// </summary>
    public Task<Result> RemoveAsync(Actor actor, string? userId, CancellationToken ct = default) =>
        MemberChangeAsync(actor, userId, async (db, org, member, name, now) =>
        {
            if (member.Role == OrganizationRole.Owner && await OwnerCountAsync(db, org.Id, ct) <= 1)
            {
                return TeamErrors.LastOwner;
            }

            db.OrganizationMembers.Remove(member);
            AuditLog.Record(db, actor, AuditActions.TeamMemberRemoved, $"{name} from {org.Name}",
                $"was {OrganizationPermissions.WithArticle(member.Role)}", now, organizationId: org.Id);
            NotificationEvents.Personal(db, member.UserId, NotificationKind.General, $"You are no longer part of {org.Name}",
                $"{actor.DisplayName} removed you from {org.Name} on TalentCloud. Your account stays; what you created stays with {org.Name}.", "/", now);
            return null;
        }, ct);

    /// <summary>Sets the offer-approval thresholds (empty = none). Recruiters' offers need approval whatever they are.</summary>
    public async Task<Result> SetOfferApprovalRulesAsync(Actor actor, int? hourlyAbove, int? fixedAbove, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (OwnedOrganization(actor) is not { } orgId)
        {
            return Result.NotFound(TeamErrors.NotFound);
        }

        var errors = new List<string>();
        if (hourlyAbove is < 1 or > Offer.MaxAmount)
        {
            errors.Add(TeamErrors.ThresholdOutOfRange("hourly rate"));
        }

        if (fixedAbove is < 1 or > Offer.MaxAmount)
        {
            errors.Add(TeamErrors.ThresholdOutOfRange("fixed price"));
        }

        if (errors.Count > 0)
        {
            return Result.Failure([.. errors]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var org = await OwnedOrganizationAsync(db, actor, orgId, ct, tracking: true);
        if (org is null)
        {
            return Result.NotFound(TeamErrors.NotFound);
        }

        org.SetOfferApprovalThresholds(hourlyAbove, fixedAbove);
        AuditLog.Record(db, actor, AuditActions.OfferApprovalRulesChanged, org.Name,
            $"recruiters always; hourly above {(hourlyAbove is { } h ? $"${h:N0}/hr" : "—")}; fixed above {(fixedAbove is { } f ? $"${f:N0}" : "—")}",
            clock.GetUtcNow(), organizationId: org.Id);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Result.Success;
    }

    /// <summary>Checks an address as typed: required, at most 256 characters, one plain address (no display name).</summary>
    public static string? ValidateEmail(string email)
    {
        if (email.Length == 0)
        {
            return TeamErrors.EmailRequired;
        }

        if (email.Length > TeamInvitation.EmailMaxLength)
        {
            return TeamErrors.EmailTooLong;
        }

        var at = email.LastIndexOf('@');
        var valid = MailAddress.TryCreate(email, out var parsed)
            && parsed.Address == email
            && at > 0
            && email.IndexOf('.', at) > at + 1
            && !email.EndsWith('.')
            && !email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));
        return valid ? null : TeamErrors.EmailInvalid;
    }

    private async Task<Result> InvitationChangeAsync(Actor actor, int invitationId,
        Func<AppDbContext, Organization, TeamInvitation, DateTimeOffset, Task<string?>> change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (OwnedOrganization(actor) is not { } orgId)
        {
            return Result.NotFound(TeamErrors.NotFound);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var org = await OwnedOrganizationAsync(db, actor, orgId, ct);
        var invitation = org is null ? null : await db.TeamInvitations.SingleOrDefaultAsync(i => i.Id == invitationId && i.OrganizationId == orgId, ct);
        if (org is null || invitation is null)
        {
            return Result.NotFound(TeamErrors.NotFound);
        }

        if (invitation.Status != TeamInvitationStatus.Pending)
        {
            return Result.Failure($"This invitation is no longer pending ({invitation.Status.ToString().ToLowerInvariant()}).");
        }

        var error = await change(db, org, invitation, clock.GetUtcNow());
        if (error is not null)
        {
            return Result.Failure(error);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Result.Success;
    }

    private async Task<Result> MemberChangeAsync(Actor actor, string? userId,
        Func<AppDbContext, Organization, OrganizationMember, string, DateTimeOffset, Task<string?>> change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (OwnedOrganization(actor) is not { } orgId || string.IsNullOrEmpty(userId))
        {
            return Result.NotFound(TeamErrors.NotFound);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Two owners removing each other at the same moment run one after the other here; the second finds itself removed.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var org = await OwnedOrganizationAsync(db, actor, orgId, ct);
        var member = org is null ? null : await db.OrganizationMembers.SingleOrDefaultAsync(m => m.OrganizationId == orgId && m.UserId == userId, ct);
        if (org is null || member is null)
        {
            return Result.NotFound(TeamErrors.NotFound);
        }

        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(ct);
        var error = await change(db, org, member, name, clock.GetUtcNow());
        if (error is not null)
        {
            return Result.Failure(error);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Result.Success;
    }

    /// <summary>The organisation the actor owns according to the loaded actor (re-checked in the database before any change).</summary>
    private static int? OwnedOrganization(Actor actor) =>
        actor.Organizations.Where(o => OrganizationPermissions.Allows(o.Value, OrganizationAction.ManageTeam)).Select(o => (int?)o.Key).FirstOrDefault();

    /// <summary>The organisation, if the actor is still its owner in the database right now.</summary>
    private static async Task<Organization?> OwnedOrganizationAsync(AppDbContext db, Actor actor, int orgId, CancellationToken ct, bool tracking = false)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            // A team change holds its organisation (PostgreSQL; SQLite's writer already is alone), so rules over the whole
            // team (the last owner stays, one invitation per address) are decided one change at a time.
            await DatabaseLocks.LockRowAsync<Organization>(db, orgId, ct);
        }

        var stillOwner = await db.OrganizationMembers.AnyAsync(m => m.OrganizationId == orgId && m.UserId == actor.UserId
            && m.Role == OrganizationRole.Owner, ct);
        if (!stillOwner)
        {
            return null;
        }

        var orgs = tracking ? db.Organizations : db.Organizations.AsNoTracking();
        return await orgs.SingleAsync(o => o.Id == orgId, ct);
    }

    private static Task<int> OwnerCountAsync(AppDbContext db, int orgId, CancellationToken ct) =>
        db.OrganizationMembers.CountAsync(m => m.OrganizationId == orgId && m.Role == OrganizationRole.Owner, ct);

    /// <summary>Invitations and resends by this person in the last hour, counted inside the write transaction.</summary>
    private static async Task<bool> IsRateLimitedAsync(AppDbContext db, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var since = now.AddHours(-1);
        var sent = await db.AuditEntries.CountAsync(e => e.ActorUserId == actor.UserId && e.At > since
            && (e.Action == AuditActions.TeamInvitationSent || e.Action == AuditActions.TeamInvitationResent), ct);
        return sent >= TeamErrors.InvitationsPerHour;
    }

    private void LogLink(string subject, string to, string link) =>
        logger.LogDebug("E-mail \"{Subject}\" to {To} is in the outbox: {Link}", subject, to, link);

    /// <summary>Queues the invitation e-mail with its absolute link; returns the subject and the link.</summary>
    internal static (string Subject, string Link) QueueInvitationEmail(AppDbContext db, TeamInvitation invitation, string token, string inviter,
        string organization)
    {
        var link = db.Settings.PublicAddress.Link(TeamInvitation.JoinPath(token));
        var role = OrganizationPermissions.WithArticle(invitation.Role);
        var html = $"<p>{WebUtility.HtmlEncode(inviter)} invited you to join {WebUtility.HtmlEncode(organization)} on TalentCloud as {role}.</p>"
            + $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">Accept the invitation</a> — with your TalentCloud account, or create one through the link. "
            + $"The link works until {Dates.Day(invitation.ExpiresAt)}.</p>"
            + "<p>If you did not expect this e-mail, you can ignore it.</p>";
        var subject = $"{inviter} invited you to join {organization} on TalentCloud";
        NotificationEvents.QueueEmailTo(db, invitation.Email, subject, html, invitation.SentAt);
        return (subject, link);
    }

    private static (int Page, int PageSize) Clamp(int page, int pageSize, int total)
    {
        pageSize = Math.Clamp(pageSize, 1, 100);
        return (Math.Clamp(page, 1, Math.Max(1, (total + pageSize - 1) / pageSize)), pageSize);
    }
}
