using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Audit;
using TalentCloud.Core.Common;
using TalentCloud.Core.Data;
using TalentCloud.Core.Invitations;
using TalentCloud.Core.Notifications;
using TalentCloud.Core.Offers;

namespace TalentCloud.Core.Organizations;

/// <summary>An organisation's Enterprise subscription as pages show it.</summary>
public sealed record SubscriptionView(SubscriptionStatus Status, DateTimeOffset? EndsAt)
{
    public bool IsActive => Status == SubscriptionStatus.Active;

    /// <summary>"Active until 1 Dec 2027", "Ended on 3 Mar 2026", "No Enterprise subscription".</summary>
    public string Text => Status switch
    {
        SubscriptionStatus.Active when EndsAt is { } end => "Active until " + Date(end),
        SubscriptionStatus.Active => "Active, no end date set",
        SubscriptionStatus.Ended when EndsAt is { } end => "Ended on " + Date(end),
        _ => "No Enterprise subscription",
    };

    public static SubscriptionView Of(Organization organization)
    {
        ArgumentNullException.ThrowIfNull(organization);
        return new SubscriptionView(organization.SubscriptionStatus, organization.EnterpriseEndsAt);
    }

    internal static string Date(DateTimeOffset at) => Dates.Day(at);
}

/// <summary>
/// The life of an Enterprise subscription: a platform admin starts it with an end date, extends or ends it; a background step
/// ends those whose date has passed. Everything else reads <see cref="Organization.HasEnterpriseSubscription"/> live, so the
/// badge, the contact-details exception and the right to start anything new follow at once. While it is not active, open
/// invitations and offers are paused (derived from the subscription, nothing is rewritten); a renewal resumes them and moves
/// the expiry of each paused invitation on by the time it was paused.
/// </summary>
public sealed class SubscriptionService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxYearsAhead = 5;
    public const string NotFound = "That organisation was not found.";

    public Task<Result> StartAsync(Actor actor, int organizationId, DateOnly endDate, CancellationToken ct = default) =>
        ChangeAsync(actor, organizationId, (db, org, now) =>
        {
            if (org.HasEnterpriseSubscription)
            {
                return Task.FromResult<string?>($"{org.Name} already has an active Enterprise subscription; extend it instead.");
            }

            return StartOrExtendAsync(db, actor, org, endDate, now, extend: false, ct);
        }, ct);

    public Task<Result> ExtendAsync(Actor actor, int organizationId, DateOnly endDate, CancellationToken ct = default) =>
        ChangeAsync(actor, organizationId, (db, org, now) =>
        {
            if (!org.HasEnterpriseSubscription)
            {
                return Task.FromResult<string?>($"{org.Name} has no active Enterprise subscription to extend; start one instead.");
            }

            if (org.EnterpriseEndsAt is { } current && ToInstant(endDate) <= current)
            {
                return Task.FromResult<string?>($"Choose an end date after the current one ({SubscriptionView.Date(current)}).");
            }

            return StartOrExtendAsync(db, actor, org, endDate, now, extend: true, ct);
        }, ct);

    public Task<Result> EndAsync(Actor actor, int organizationId, CancellationToken ct = default) =>
        ChangeAsync(actor, organizationId, async (db, org, now) =>
        {
            if (!org.HasEnterpriseSubscription)
            {
                return $"{org.Name} has no active Enterprise subscription to end.";
            }

            await EndNowAsync(db, actor, org, now, now, AuditActions.SubscriptionEnded, "ended by TalentCloud", ct);
            return null;
        }, ct);

    /// <summary>
    /// Ends every subscription whose end date has passed (the background step, run by the system). Returns how many ended.
    /// Each runs in its own transaction and re-checks the date there, so two runs never end one twice.
    /// </summary>
    public async Task<int> EndExpiredAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        List<int> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            due = await db.Organizations.Where(o => o.HasEnterpriseSubscription && o.EnterpriseEndsAt != null && o.EnterpriseEndsAt <= now)
                .Select(o => o.Id).ToListAsync(ct);
        }

        var ended = 0;
        foreach (var id in due)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Held (PostgreSQL), so an admin's change and this run never decide on the same organisation at once.
            await DatabaseLocks.LockRowAsync<Organization>(db, id, ct);
            var org = await db.Organizations.SingleAsync(o => o.Id == id, ct);
            if (!org.EnterpriseIsDueToEnd(now))
            {
                continue;
            }

            await EndNowAsync(db, Actor.Visitor, org, org.EnterpriseEndsAt!.Value, now, AuditActions.SubscriptionExpired, "its end date passed", ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            ended++;
        }

        return ended;
    }

    private async Task<Result> ChangeAsync(Actor actor, int organizationId, Func<AppDbContext, Organization, DateTimeOffset, Task<string?>> change,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsPlatformAdmin)
        {
            return Result.NotFound(NotFound);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await DatabaseLocks.LockRowAsync<Organization>(db, organizationId, ct);
        var org = await db.Organizations.SingleOrDefaultAsync(o => o.Id == organizationId, ct);
        if (org is null)
        {
            return Result.NotFound(NotFound);
        }

        var error = await change(db, org, clock.GetUtcNow());
        if (error is not null)
        {
            return Result.Failure(error);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Result.Success;
    }

    private static async Task<string?> StartOrExtendAsync(AppDbContext db, Actor actor, Organization org, DateOnly endDate, DateTimeOffset now,
        bool extend, CancellationToken ct)
    {
        var endsAt = ToInstant(endDate);
        if (endsAt <= now)
        {
            return "Choose an end date after today.";
        }

        if (endsAt > now.AddYears(MaxYearsAhead))
        {
            return $"Choose an end date at most {MaxYearsAhead} years ahead.";
        }

        var outcome = $"until {SubscriptionView.Date(endsAt)}";
        if (extend)
        {
            org.ExtendEnterprise(endsAt);
        }
        else
        {
            var resumed = org.EnterpriseEndsAt is { } endedAt ? await ResumeInvitationsAsync(db, org.Id, endedAt, now, ct) : 0;
            org.StartEnterprise(endsAt);
            if (resumed > 0)
            {
                outcome += $"; {resumed} paused invitation(s) resumed";
            }
        }

        AuditLog.Record(db, actor, extend ? AuditActions.SubscriptionExtended : AuditActions.SubscriptionStarted, org.Name, outcome, now,
            organizationId: org.Id);
        await NotifyOwnersAsync(db, org, $"{org.Name}'s Enterprise subscription is active until {SubscriptionView.Date(endsAt)}",
            extend
                ? $"TalentCloud extended {org.Name}'s Enterprise subscription until {SubscriptionView.Date(endsAt)}."
                : $"{org.Name}'s Enterprise subscription is active until {SubscriptionView.Date(endsAt)}: your clouds, open invitations and offers work again.",
            now, ct);
        return null;
    }

    private static async Task EndNowAsync(AppDbContext db, Actor actor, Organization org, DateTimeOffset at, DateTimeOffset now, string action,
        string why, CancellationToken ct)
    {
        var openInvitations = await (from i in db.Invitations
                                     join c in db.Clouds on i.CloudId equals c.Id
                                     where c.OrganizationId == org.Id && i.Status == InvitationStatus.Pending && i.ExpiresAt > now
                                     select i.Id).CountAsync(ct);
        var openOffers = await db.Offers.CountAsync(o => o.OrganizationId == org.Id && (o.Status == OfferStatus.Open || o.Status == OfferStatus.AwaitingApproval), ct);
        org.EndEnterprise(at);
        AuditLog.Record(db, actor, action, org.Name, $"Ended ({why}); {openInvitations} invitation(s) and {openOffers} offer(s) paused", now,
            organizationId: org.Id);
        await NotifyOwnersAsync(db, org, $"{org.Name}'s Enterprise subscription has ended",
            $"{org.Name}'s Enterprise subscription ended on {SubscriptionView.Date(at)} ({why}). Your members stay and you still see your clouds, "
            + "but nothing new can start: no invitations, offers, cloud jobs or member approvals. Open invitations and offers are paused "
            + "until the subscription is renewed.", now, ct);
    }

    /// <summary>Moves each invitation that was still open when the subscription ended on by the time it spent paused.</summary>
    private static async Task<int> ResumeInvitationsAsync(AppDbContext db, int organizationId, DateTimeOffset endedAt, DateTimeOffset now,
        CancellationToken ct)
    {
        var paused = now - endedAt;
        if (paused <= TimeSpan.Zero)
        {
            return 0;
        }

        var invitations = await (from i in db.Invitations
                                 join c in db.Clouds on i.CloudId equals c.Id
                                 where c.OrganizationId == organizationId && i.Status == InvitationStatus.Pending && i.ExpiresAt > endedAt
                                 select i).ToListAsync(ct);
        foreach (var invitation in invitations)
        {
            invitation.ExtendBy(paused);
        }

        return invitations.Count;
    }

    private static async Task NotifyOwnersAsync(AppDbContext db, Organization org, string title, string body, DateTimeOffset now, CancellationToken ct)
    {
        var owners = await db.OrganizationMembers.Where(m => m.OrganizationId == org.Id && m.Role == OrganizationRole.Owner)
            .Select(m => m.UserId).ToListAsync(ct);
        foreach (var owner in owners)
        {
            NotificationEvents.Personal(db, owner, NotificationKind.General, title, body, "/org", now);
        }
    }

    /// <summary>An end date means the subscription ends at the start of that day (UTC).</summary>
    public static DateTimeOffset ToInstant(DateOnly endDate) => new(endDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
