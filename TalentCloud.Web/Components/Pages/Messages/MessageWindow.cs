using TalentCloud.Core.Messaging;

namespace TalentCloud.Web.Components.Pages.Messages;

/// <summary>
/// The messages an open conversation shows: oldest first, each once, growing at both ends (earlier pages, live
/// arrivals) and refreshed in place when a shown message changes (an interview that was answered).
/// </summary>
public sealed class MessageWindow
{
    private readonly List<MessageView> messages = [];

    public IReadOnlyList<MessageView> Messages => messages;

    /// <summary>Whether the conversation has messages before the first one shown.</summary>
    public bool HasEarlier { get; private set; }

    /// <summary>The id of the newest message shown (0 when none): live updates ask for what came after it.</summary>
    public long NewestId => messages.Count == 0 ? 0 : messages[^1].Id;

    /// <summary>The id of the oldest message shown, for "Show earlier messages"; null when none is shown.</summary>
    public long? OldestId => messages.Count == 0 ? null : messages[0].Id;

    public void Reset(IEnumerable<MessageView> page, bool hasEarlier)
    {
        messages.Clear();
        Add(page);
        HasEarlier = hasEarlier;
    }

    /// <summary>Adds an earlier page and remembers whether there is more before it.</summary>
    public void AddEarlier(MessagePage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        Add(page.Messages);
        HasEarlier = page.HasEarlier;
    }

    /// <summary>Adds the messages not shown yet, in order; true when anything was added.</summary>
    public bool Add(IEnumerable<MessageView> incoming)
    {
        var shown = messages.Select(m => m.Id).ToHashSet();
        var added = incoming.Where(m => shown.Add(m.Id)).ToList();
        if (added.Count == 0)
        {
            return false;
        }

        messages.AddRange(added);
        messages.Sort((a, b) => a.Id.CompareTo(b.Id));
        return true;
    }

    /// <summary>Replaces shown messages by fresher versions of themselves; messages not shown are ignored.</summary>
    public void Refresh(IEnumerable<MessageView> fresh)
    {
        var byId = fresh.ToDictionary(m => m.Id);
        for (var i = 0; i < messages.Count; i++)
        {
            if (byId.TryGetValue(messages[i].Id, out var updated))
            {
                messages[i] = updated;
            }
        }
    }
}
