using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace TalentCloud.Core.Notifications;

/// <summary>Told after a transaction that created notification items has committed.</summary>
public interface INotificationPublisher
{
    void Publish(IEnumerable<string> userIds);
}

/// <summary>
/// In-process fan-out of "you have new notifications" to open pages (Blazor circuits) of the same server.
/// Subscribers re-read their unread count from the database, so a message carries no content and cannot leak.
/// </summary>
public sealed class NotificationNotifier(ILogger<NotificationNotifier> logger) : INotificationPublisher
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Func<Task>>> subscribers = new(StringComparer.Ordinal);

    /// <summary>Calls <paramref name="onNew"/> whenever an item for <paramref name="userId"/> is created; dispose to stop.</summary>
    public IDisposable Subscribe(string userId, Func<Task> onNew)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var key = Guid.NewGuid();
        subscribers.GetOrAdd(userId, _ => new ConcurrentDictionary<Guid, Func<Task>>())[key] = onNew;
        return new Subscription(() =>
        {
            if (subscribers.TryGetValue(userId, out var callbacks))
            {
                callbacks.TryRemove(key, out _);
            }
        });
    }

    public void Publish(IEnumerable<string> userIds)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        foreach (var userId in userIds.Distinct(StringComparer.Ordinal))
        {
            if (!subscribers.TryGetValue(userId, out var callbacks))
            {
                continue;
            }

            foreach (var callback in callbacks.Values)
            {
                _ = RunAsync(callback);
            }
        }
    }

    private async Task RunAsync(Func<Task> callback)
    {
        try
        {
            await callback();
        }
        catch (Exception ex)
        {
            // A closed circuit must not stop the others from hearing about their items.
            logger.LogDebug(ex, "A notification subscriber failed.");
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? onDispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref onDispose, null)?.Invoke();
    }
}

/// <summary>
/// Publishes the recipients of newly saved <see cref="Notification"/> rows once they are durable: straight after
/// SaveChanges without a transaction, or after the surrounding transaction commits (nothing on rollback). Every
/// feature that calls <see cref="NotificationEvents"/> gets live updates without doing anything more.
/// </summary>
public sealed class NotificationPublishingInterceptor(INotificationPublisher publisher) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<string>> saving = [];
    private readonly ConditionalWeakTable<DbContext, List<string>> awaitingCommit = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is not null)
        {
            saving.Remove(eventData.Context);
        }
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is not null)
        {
            awaitingCommit.Remove(eventData.Context);
        }
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var userIds = context.ChangeTracker.Entries<Notification>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity.UserId)
            .ToList();
        if (userIds.Count > 0)
        {
            saving.AddOrUpdate(context, userIds);
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !saving.TryGetValue(context, out var userIds))
        {
            return;
        }

        saving.Remove(context);
        if (context.Database.CurrentTransaction is null)
        {
            publisher.Publish(userIds);
        }
        else
        {
            awaitingCommit.GetOrCreateValue(context).AddRange(userIds);
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && awaitingCommit.TryGetValue(context, out var userIds))
        {
            awaitingCommit.Remove(context);
            publisher.Publish(userIds);
        }
    }
}
