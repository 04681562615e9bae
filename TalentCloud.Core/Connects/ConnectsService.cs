using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Common;
using TalentCloud.Core.Data;
using TalentCloud.Core.Notifications;
using TalentCloud.Core.Profiles;

namespace TalentCloud.Core.Connects;

public sealed record ConnectsLedgerRow(long Id, ConnectsEntryKind Kind, int Amount, string Reason, DateTimeOffset At, int Balance);

public sealed record ConnectsAccount(int ProfileId, string ProfileName, int Balance, IReadOnlyList<ConnectsLedgerRow> Rows);

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

    /// <summary>A profile's balance and ledger, newest first, for its owner or a platform admin; otherwise null.</summary>
    public async Task<ConnectsAccount?> GetAccountAsync(Actor actor, int profileId, CancellationToken ct = default)
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
        return new ConnectsAccount(profileId, name, running, rows);
    }

    /// <summary>A platform admin gives a profile Connects, with a reason kept in the ledger and the audit log.</summary>
    public async Task<Result> GrantAsync(Actor actor, string? profileHandle, int amount, string? reason, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsPlatformAdmin)
        {
            return Result.Failure(ConnectsErrors.OnlyAdminsGrant);
        }

        var why = (reason ?? "").Trim();
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

        var handle = (profileHandle ?? "").Trim().ToLowerInvariant();
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
