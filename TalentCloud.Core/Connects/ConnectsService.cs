using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Common;
using TalentCloud.Core.Data;
using TalentCloud.Core.Notifications;
using TalentCloud.Core.Profiles;

namespace TalentCloud.Core.Connects;

public sealed record ConnectsLedgerRow(long Id, ConnectsEntryKind Kind, int Amount, string Reason, DateTimeOffset At, int Balance);

/// <summary>A profile's balance and one page of its ledger (newest first; each row with the balance after it).</summary>
public sealed record ConnectsAccount(int ProfileId, string ProfileName, int Balance, IReadOnlyList<ConnectsLedgerRow> Rows,
    int Page = 1, int PageCount = 1, int TotalRows = 0);

/// <summary>One Connects grant made by an admin, as the grant page lists it.</summary>
public sealed record ConnectsGrantRow(long Id, DateTimeOffset At, string ProfileName, string ProfileHandle, int Amount, string Reason, string GrantedBy);

/// <summary>The admin's grant page: the limits of a grant and the latest grants made by admins.</summary>
public sealed record ConnectsGrantView(int MaxAmount, int ReasonMaxLength, IReadOnlyList<ConnectsGrantRow> RecentGrants);

/// <summary>Connects balances (the sum of an append-only ledger), their history and admin grants.</summary>
public sealed class ConnectsService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The balance of the actor's own freelancer or agency profile (the first, if several), or null without one.</summary>
    public async Task<int?> GetMyBalanceAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.ProfileIds.Count == 0)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await BalanceAsync(db, actor.ProfileIds.Min(), ct);
    }

    public const int LedgerPageSize = 25;

    /// <summary>The account of the actor's own freelancer or agency profile (the first, if several), or null without one.</summary>
    public async Task<ConnectsAccount?> GetMyAccountAsync(Actor actor, int page = 1, int pageSize = LedgerPageSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.ProfileIds.Count == 0 ? null : await GetAccountAsync(actor, actor.ProfileIds.Min(), page, pageSize, ct);
    }

    /// <summary>
    /// A profile's balance and one page of its ledger, newest first, for its owner or a platform admin; otherwise null. A page
    /// past the end gives the last one; without a page size, the whole ledger.
    /// </summary>
    public async Task<ConnectsAccount?> GetAccountAsync(Actor actor, int profileId, int page = 1, int pageSize = int.MaxValue, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.OwnsProfile(profileId) && !actor.IsPlatformAdmin)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var name = await db.Profiles.Where(p => p.Id == profileId).Select(p => p.DisplayName).SingleOrDefaultAsync(ct);
        if (name is null)
        {
            return null;
        }

        var entries = await db.ConnectsEntries.AsNoTracking().Where(e => e.ProfileId == profileId).OrderBy(e => e.Id).ToListAsync(ct);
        var running = 0;
        var rows = new List<ConnectsLedgerRow>(entries.Count);
        foreach (var e in entries)
        {
            running += e.Amount;
            rows.Add(new ConnectsLedgerRow(e.Id, e.Kind, e.Amount, e.Reason, e.At, running));
        }

        rows.Reverse();
        pageSize = Math.Max(1, pageSize);
        var pageCount = Math.Max(1, (int)(((long)rows.Count + pageSize - 1) / pageSize));
        page = Math.Clamp(page, 1, pageCount);
        return new ConnectsAccount(profileId, name, running, [.. rows.Skip((page - 1) * pageSize).Take(pageSize)], page, pageCount, rows.Count);
    }

    /// <summary>How many of the latest admin grants the grant page lists.</summary>
    public const int RecentGrantCount = 10;

    /// <summary>What the grant page shows a platform admin; null for everyone else (the page answers 404).</summary>
    public async Task<ConnectsGrantView?> GetGrantViewAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsPlatformAdmin)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await (from e in db.ConnectsEntries.AsNoTracking()
                          join p in db.Profiles on e.ProfileId equals p.Id
                          join u in db.Users on e.ActorUserId equals u.Id
                          where e.Kind == ConnectsEntryKind.Grant
                          orderby e.Id descending
                          select new ConnectsGrantRow(e.Id, e.At, p.DisplayName, p.Handle, e.Amount, e.Reason, u.DisplayName))
            .Take(RecentGrantCount).ToListAsync(ct);
        return new ConnectsGrantView(ConnectsPricing.MaxAdminGrant, ConnectsEntry.ReasonMaxLength, rows);
    }

    /// <summary>A platform admin gives a profile Connects, with a reason kept in the ledger and the audit log.</summary>
    public async Task<Result> GrantAsync(Actor actor, string? profileHandle, int amount, string? reason, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsPlatformAdmin)
        {
            return Result.Failure(ConnectsErrors.OnlyAdminsGrant);
        }

        var why = UserText.Block(reason);
        var errors = new List<string>();
        if (amount < 1 || amount > ConnectsPricing.MaxAdminGrant)
        {
            errors.Add(ConnectsErrors.AmountOutOfRange);
        }

        if (why.Length == 0)
        {
            errors.Add(ConnectsErrors.ReasonRequired);
        }
        else if (why.Length > ConnectsEntry.ReasonMaxLength)
        {
            errors.Add(ConnectsErrors.ReasonTooLong);
        }

        var handle = UserText.Line(profileHandle).ToLowerInvariant();
        if (!ProfileHandle.IsValid(handle))
        {
            errors.Add(ConnectsErrors.ProfileNotFound);
        }

        if (errors.Count > 0)
        {
            return Result.Failure([.. errors]);
        }

        return await UnitOfWork.RunAsync(dbFactory, clock, async uow =>
        {
            var profile = await uow.Db.Profiles.AsNoTracking().SingleOrDefaultAsync(p => p.Handle == handle, ct);
            if (profile is null)
            {
                return Result.Failure(ConnectsErrors.ProfileNotFound);
            }

            uow.Db.ConnectsEntries.Add(ConnectsEntry.Grant(profile.Id, amount, why, uow.Now, actor.UserId));
            uow.Audit(actor, "connects.granted", $"{profile.DisplayName} ({profile.Handle})", $"{amount} Connects: {why}", profileId: profile.Id);
            uow.Notify(profile.OwnerUserId, NotificationKind.General, $"You received {amount} Connects", why, "/my/connects");
            return Result.Success;
        }, ct);
    }

    /// <summary>The ledger's sum for one profile.</summary>
    internal static async Task<int> BalanceAsync(AppDbContext db, int profileId, CancellationToken ct) =>
        await db.ConnectsEntries.Where(e => e.ProfileId == profileId).SumAsync(e => e.Amount, ct);

    /// <summary>The starting grant of a new freelancer or agency, added to the caller's unit of work.</summary>
    internal static void AddStartingGrant(AppDbContext db, int profileId, DateTimeOffset at) =>
        db.ConnectsEntries.Add(ConnectsEntry.Grant(profileId, ConnectsPricing.StartingGrant, "Welcome grant for a new account", at, null));
}
