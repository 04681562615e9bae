using System.Text.Json;
using System.Text.Json.Serialization;
using TalentCloud.Core.Messaging;
using TalentCloud.Core.Notifications;

namespace TalentCloud.Core.Live;

/// <summary>
/// What open pages need to hear after a commit: whose notification centre has new items, and which conversations have
/// new messages. Ids only: a page that hears re-reads through the Core services, which check its user again.
/// </summary>
public sealed record LiveUpdateBatch(IReadOnlyList<string> NotifiedUserIds, IReadOnlyList<ConversationUpdate> Conversations)
{
    public bool IsEmpty => NotifiedUserIds.Count == 0 && Conversations.Count == 0;
}

/// <summary>
/// Delivers live updates to the open pages (Blazor circuits) of this instance: the notification bells and centres
/// (<see cref="NotificationNotifier"/>) and the open conversations (<see cref="ConversationNotifier"/>). Updates made on
/// this instance are delivered by <see cref="LiveUpdateInterceptor"/> after their commit; on PostgreSQL, updates made
/// on other instances arrive through <see cref="PostgreSqlLiveListener"/>.
/// </summary>
public sealed class LiveUpdateHub(NotificationNotifier notifications, ConversationNotifier conversations)
{
    /// <summary>The channel the instances of one database announce their commits on (PostgreSQL NOTIFY).</summary>
    public const string Channel = "talentcloud_live";

    /// <summary>PostgreSQL limits a NOTIFY payload to 8000 bytes; batches are sent in pieces below that.</summary>
    private const int MaxPayloadBytes = 7_000;

    /// <summary>This instance, so it can ignore its own announcements (it delivered them itself after the commit).</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    public void Deliver(LiveUpdateBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.NotifiedUserIds.Count > 0)
        {
            notifications.Publish(batch.NotifiedUserIds);
        }

        foreach (var update in batch.Conversations)
        {
            conversations.Publish(update);
        }
    }

    /// <summary>The batch as NOTIFY payloads from this instance, each small enough for PostgreSQL.</summary>
    public IEnumerable<string> ToPayloads(LiveUpdateBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var users = new List<string>();
        var conversationIds = new List<long[]>();
        var size = 0;
        foreach (var userId in batch.NotifiedUserIds.Distinct(StringComparer.Ordinal))
        {
            if (size + userId.Length + 4 > MaxPayloadBytes)
            {
                yield return Serialize(users, conversationIds);
                (users, size) = ([], 0);
            }

            users.Add(userId);
            size += userId.Length + 4;
        }

        foreach (var update in batch.Conversations)
        {
            if (size + 32 > MaxPayloadBytes)
            {
                yield return Serialize(users, conversationIds);
                (users, conversationIds, size) = ([], [], 0);
            }

            conversationIds.Add([update.ConversationId, update.MessageId]);
            size += 32;
        }

        if (users.Count > 0 || conversationIds.Count > 0)
        {
            yield return Serialize(users, conversationIds);
        }
    }

    /// <summary>
    /// Reads a payload another instance sent; null for this instance's own payloads and for anything unreadable
    /// (a foreign or damaged message is ignored rather than trusted).
    /// </summary>
    public LiveUpdateBatch? FromPayload(string payload)
    {
        try
        {
            var message = JsonSerializer.Deserialize<Payload>(payload);
            if (message is null || message.From == InstanceId)
            {
                return null;
            }

            return new LiveUpdateBatch(message.Users ?? [],
                [.. (message.Conversations ?? []).Where(c => c is { Length: 2 }).Select(c => new ConversationUpdate((int)c[0], c[1]))]);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private string Serialize(List<string> users, List<long[]> conversationIds) =>
        JsonSerializer.Serialize(new Payload(InstanceId, users, conversationIds));

    private sealed record Payload(
        [property: JsonPropertyName("i")] string From,
        [property: JsonPropertyName("u")] List<string>? Users,
        [property: JsonPropertyName("c")] List<long[]>? Conversations);
}
