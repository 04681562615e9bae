using System.Collections.Concurrent;

namespace TalentCloud.Core.Messaging;

/// <summary>Something new in a conversation: a message (including interview proposals and answers).</summary>
public sealed record ConversationUpdate(int ConversationId, long MessageId);

/// <summary>
/// Fan-out of conversation updates to the open conversation pages (Blazor circuits) of this instance, fed by
/// <see cref="Live.LiveUpdateHub"/> for every message committed (here or, on PostgreSQL, on another instance).
/// It carries ids only: a subscriber reloads through <see cref="ConversationService"/>, which checks the actor again.
/// </summary>
public sealed class ConversationNotifier
{
    private readonly ConcurrentDictionary<int, ConcurrentDictionary<Guid, Func<ConversationUpdate, Task>>> subscribers = new();

    public IDisposable Subscribe(int conversationId, Func<ConversationUpdate, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var key = Guid.NewGuid();
        subscribers.GetOrAdd(conversationId, _ => new()).TryAdd(key, handler);
        return new Subscription(this, conversationId, key);
    }

    /// <summary>Tells every subscriber of the conversation; a failing subscriber does not stop the others or the sender.</summary>
    public void Publish(ConversationUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (!subscribers.TryGetValue(update.ConversationId, out var handlers))
        {
            return;
        }

        foreach (var handler in handlers.Values)
        {
            _ = RunAsync(handler, update);
        }
    }

    public int SubscriberCount(int conversationId) => subscribers.TryGetValue(conversationId, out var handlers) ? handlers.Count : 0;

    private static async Task RunAsync(Func<ConversationUpdate, Task> handler, ConversationUpdate update)
    {
        try
        {
            await handler(update);
        }
        catch (Exception)
        {
            // A closed or broken circuit must not affect the sender; the page reloads history when it comes back.
        }
    }

    private sealed class Subscription(ConversationNotifier owner, int conversationId, Guid key) : IDisposable
    {
        public void Dispose()
        {
            if (owner.subscribers.TryGetValue(conversationId, out var handlers))
            {
                handlers.TryRemove(key, out _);
            }
        }
    }
}
