using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TalentCloud.Core.Notifications;

/// <summary>
/// Fan-out of "you have new notifications" to the open pages (Blazor circuits) of this instance, fed by
/// <see cref="Live.LiveUpdateHub"/> (changes of this instance and, on PostgreSQL, of the others). Subscribers re-read
/// their unread count from the database, so a message carries no content and cannot leak.
/// </summary>
public sealed class NotificationNotifier(ILogger<NotificationNotifier> logger)
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
