using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using TalentCloud.Core.Data;
using TalentCloud.Core.Messaging;
using TalentCloud.Core.Notifications;

namespace TalentCloud.Core.Live;

/// <summary>
/// The notification items and messages a context saved, plus items announced for rows written without entities
/// (<see cref="AppDbContext.AnnounceNotifications"/>), waiting for their commit.
/// </summary>
internal sealed class LiveUpdateBuffer
{
    private readonly HashSet<object> saved = new(ReferenceEqualityComparer.Instance);
    private readonly List<string> announced = [];

    public bool IsEmpty => saved.Count == 0 && announced.Count == 0;

    public void Track(IEnumerable<object> entities) => saved.UnionWith(entities);

    public void Announce(IEnumerable<string> userIds) => announced.AddRange(userIds);

    /// <summary>The updates owed so far (entities have their generated ids by now), emptying the buffer.</summary>
    public LiveUpdateBatch Take()
    {
        var users = saved.OfType<Notification>().Select(n => n.UserId).Concat(announced).Distinct(StringComparer.Ordinal).ToList();
        var conversations = saved.OfType<Message>().Select(m => new ConversationUpdate(m.ConversationId, m.Id)).ToList();
        Clear();
        return new LiveUpdateBatch(users, conversations);
    }

    public void Clear()
    {
        saved.Clear();
        announced.Clear();
    }
}

/// <summary>
/// Tells open pages about new notification items and messages once they are durable, whoever wrote them: right after
/// SaveChanges outside a transaction, or when the surrounding transaction commits (nothing on rollback). Every
/// feature that adds a <see cref="Notification"/> or a <see cref="Message"/> gets live updates without doing anything more.
/// <para>
/// On PostgreSQL the updates are also announced to the other instances on <see cref="LiveUpdateHub.Channel"/> with
/// <c>pg_notify</c> inside the committing transaction: PostgreSQL delivers a notification only if its transaction
/// commits, so other instances hear exactly about committed changes.
/// </para>
/// </summary>
public sealed class LiveUpdateInterceptor(LiveUpdateHub hub, ILogger<LiveUpdateInterceptor> logger) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, LiveUpdateBatch> committing = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Track(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Track(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (OutsideTransaction(eventData.Context) is { } db)
        {
            var batch = db.PendingLiveUpdates.Take();
            Announce(db, batch, null);
            hub.Deliver(batch);
        }

        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (OutsideTransaction(eventData.Context) is { } db)
        {
            var batch = db.PendingLiveUpdates.Take();
            await AnnounceAsync(db, batch, null, cancellationToken);
            hub.Deliver(batch);
        }

        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (OutsideTransaction(eventData.Context) is { } db)
        {
            db.PendingLiveUpdates.Clear();
        }
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (eventData.Context is AppDbContext db && !db.PendingLiveUpdates.IsEmpty)
        {
            var batch = db.PendingLiveUpdates.Take();
            Announce(db, batch, transaction);
            committing.AddOrUpdate(db, batch);
        }

        return result;
    }

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext db && !db.PendingLiveUpdates.IsEmpty)
        {
            var batch = db.PendingLiveUpdates.Take();
            await AnnounceAsync(db, batch, transaction, cancellationToken);
            committing.AddOrUpdate(db, batch);
        }

        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context && committing.TryGetValue(context, out var batch))
        {
            committing.Remove(context);
            hub.Deliver(batch);
        }
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Forget(eventData.Context);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Track(DbContext? context)
    {
        if (context is AppDbContext db)
        {
            db.PendingLiveUpdates.Track(db.ChangeTracker.Entries()
                .Where(e => e.State == EntityState.Added && e.Entity is Notification or Message)
                .Select(e => e.Entity));
        }
    }

    private static AppDbContext? OutsideTransaction(DbContext? context) =>
        context is AppDbContext db && db.Database.CurrentTransaction is null && !db.PendingLiveUpdates.IsEmpty ? db : null;

    private void Forget(DbContext? context)
    {
        if (context is AppDbContext db)
        {
            db.PendingLiveUpdates.Clear();
            committing.Remove(db);
        }
    }

    private void Announce(AppDbContext db, LiveUpdateBatch batch, DbTransaction? transaction)
    {
        foreach (var command in NotifyCommands(db, batch, transaction))
        {
            using (command)
            {
                command.ExecuteNonQuery();
            }
        }
    }

    private async Task AnnounceAsync(AppDbContext db, LiveUpdateBatch batch, DbTransaction? transaction, CancellationToken ct)
    {
        foreach (var command in NotifyCommands(db, batch, transaction))
        {
            await using (command)
            {
                await command.ExecuteNonQueryAsync(ct);
            }
        }
    }

    /// <summary>One <c>pg_notify</c> per payload, in the committing transaction; none on SQLite (one instance only).</summary>
    private IEnumerable<DbCommand> NotifyCommands(AppDbContext db, LiveUpdateBatch batch, DbTransaction? transaction)
    {
        if (db.Provider != DatabaseProvider.PostgreSql || batch.IsEmpty)
        {
            yield break;
        }

        var connection = transaction?.Connection ?? db.Database.GetDbConnection();
        foreach (var payload in hub.ToPayloads(batch))
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT pg_notify('{LiveUpdateHub.Channel}', @payload)";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "payload";
            parameter.Value = payload;
            command.Parameters.Add(parameter);
            logger.LogDebug("Announcing {Bytes} bytes of live updates to other instances.", payload.Length);
            yield return command;
        }
    }
}
