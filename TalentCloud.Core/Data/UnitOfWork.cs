using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Audit;
using TalentCloud.Core.Notifications;

namespace TalentCloud.Core.Data;

/// <summary>What a use case answers: whether it succeeded. A unit of work commits only a success.</summary>
public interface IOutcome
{
    bool Succeeded { get; }
}

/// <summary>
/// A unique index or key a use case expects a race to run into, and what happens then: the user is told
/// <see cref="Outcome"/>, or (<see cref="RunAgain"/>) the whole use case runs again and finds the row that won.
/// </summary>
public sealed record Duplicate<TResult>(string Constraint, TResult Outcome)
{
    public bool Retry { get; private init; }

    /// <summary>Runs the use case again when <paramref name="constraint"/> is hit (it then sees the other writer's row).</summary>
    public static Duplicate<TResult> RunAgain(string constraint) => new(constraint, default!) { Retry = true };
}

/// <summary>How strongly <see cref="UnitOfWork.LockAsync{TEntity}"/> holds a row until the commit.</summary>
public enum RowLock
{
    /// <summary><c>FOR UPDATE</c>: this use case will change the row or decide on its current state; others wait.</summary>
    Update = 0,

    /// <summary><c>FOR SHARE</c>: the row must not change under this use case; readers that share proceed together.</summary>
    Share = 1,
}

/// <summary>
/// One use case in one transaction: the work checks, changes, and records its audit entries and notifications on
/// <see cref="Db"/>; the unit saves and commits it all if the work succeeded, and rolls everything back otherwise.
/// <para>
/// On SQLite the transaction takes the database's single write lock when it begins (Microsoft.Data.Sqlite begins
/// <c>IMMEDIATE</c>), so use cases run one after another. On PostgreSQL (READ COMMITTED) they run side by side: a use
/// case that decides on a row's current state locks it first with <see cref="LockAsync{TEntity}"/>, a serialization
/// failure or deadlock runs the whole work again on a fresh context, and a unique constraint named in
/// <c>duplicates</c> turns into that use case's answer instead of an error.
/// </para>
/// </summary>
public sealed class UnitOfWork
{
    /// <summary>How often a use case is tried when PostgreSQL keeps aborting it in favour of concurrent ones.</summary>
    public const int MaxAttempts = 8;

    private UnitOfWork(AppDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        Db = db;
        Now = now;
        cancellationToken = ct;
    }

    private readonly CancellationToken cancellationToken;

    /// <summary>This attempt's context; everything added to it commits together.</summary>
    public AppDbContext Db { get; }

    /// <summary>The time this use case happens at (one instant for every row it writes).</summary>
    public DateTimeOffset Now { get; }

    /// <summary>
    /// Runs <paramref name="work"/> as one transaction and commits what it did when its result succeeded. A failed
    /// result (the user's mistake, a refused rule) rolls back: a refused action leaves nothing behind.
    /// </summary>
    public static Task<TResult> RunAsync<TResult>(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock,
        Func<UnitOfWork, Task<TResult>> work, CancellationToken ct = default, params Duplicate<TResult>[] duplicates)
        where TResult : IOutcome =>
        RunAsync(dbFactory, clock, work, result => result.Succeeded, ct, duplicates);

    /// <summary>As the other overload, for work whose answer is not a result: <paramref name="commit"/> decides.</summary>
    public static async Task<T> RunAsync<T>(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock,
        Func<UnitOfWork, Task<T>> work, Func<T, bool> commit, CancellationToken ct = default, params Duplicate<T>[] duplicates)
    {
        ArgumentNullException.ThrowIfNull(dbFactory);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(commit);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var result = await work(new UnitOfWork(db, clock.GetUtcNow(), ct));
                if (!commit(result))
                {
                    await transaction.RollbackAsync(ct);
                    return result;
                }

                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return result;
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or DbException
                && duplicates.FirstOrDefault(d => d.Constraint == DatabaseErrors.UniqueConstraint(db, e)) is { } duplicate
                && (!duplicate.Retry || attempt < MaxAttempts))
            {
                if (!duplicate.Retry)
                {
                    return duplicate.Outcome;
                }
            }
            catch (Exception e) when (attempt < MaxAttempts && DatabaseErrors.IsTransientConflict(e))
            {
                // PostgreSQL chose a concurrent transaction over this one: wait a little (longer each time) and run it again.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20) * attempt), ct);
            }
        }
    }

    /// <summary>Saves what was added so far (e.g. to learn generated ids); it still commits or rolls back with the unit.</summary>
    public Task SaveAsync() => Db.SaveChangesAsync(cancellationToken);

    /// <summary>
    /// Holds the row of <typeparamref name="TEntity"/> with primary key <paramref name="key"/> until the commit, so
    /// what this use case reads and decides from it cannot be changed by a concurrent one. Call it before reading the
    /// row. On SQLite the whole database is already held, so this does nothing there.
    /// </summary>
    public Task LockAsync<TEntity>(object key, RowLock mode = RowLock.Update)
        where TEntity : class =>
        DatabaseLocks.LockRowAsync<TEntity>(Db, key, cancellationToken, mode);

    /// <summary>Holds a named lock until the commit, for a rule with no single row to hold (see <see cref="DatabaseLocks"/>).</summary>
    public Task HoldAsync(string name) => DatabaseLocks.HoldAsync(Db, name, cancellationToken);

    /// <summary>Records the step in the audit log, in this unit: it commits (or vanishes) with the change it describes.</summary>
    public void Audit(Actor actor, string action, string subject, string outcome, int? cloudId = null, int? profileId = null, int? organizationId = null) =>
        AuditLog.Record(Db, actor, action, subject, outcome, Now, cloudId, profileId, organizationId);

    /// <summary>Tells someone about this step (notification centre and e-mail), in this unit.</summary>
    public void Notify(string userId, NotificationKind kind, string title, string body, string link, int? cloudId = null) =>
        NotificationEvents.Personal(Db, userId, kind, title, body, link, Now, cloudId);
}
