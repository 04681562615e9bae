using TalentCloud.Core.Messaging;
using TalentCloud.Web.Components.Pages.Messages;

namespace TalentCloud.Tests.Components.Pages;

/// <summary>The messages an open conversation shows: in order, each once, refreshed in place.</summary>
public sealed class MessageWindowTests
{
    private static MessageView Message(long id, string body = "Hi", InterviewView? interview = null) =>
        new(id, ConversationSide.Profile, "Fiona Park", false, body, DateTimeOffset.UnixEpoch.AddMinutes(id), interview);

    [Fact]
    public void Messages_arriving_twice_or_out_of_order_are_shown_once_in_order()
    {
        var window = new MessageWindow();
        window.Reset([Message(5), Message(7)], hasEarlier: true);

        Assert.True(window.Add([Message(9), Message(7), Message(8)]));
        Assert.False(window.Add([Message(9)]));
        window.AddEarlier(new MessagePage([Message(3), Message(4)], HasEarlier: false));

        Assert.Equal([3L, 4, 5, 7, 8, 9], window.Messages.Select(m => m.Id));
        Assert.Equal((3L, 9L), (window.OldestId, window.NewestId));
        Assert.False(window.HasEarlier);
    }

    [Fact]
    public void A_refresh_replaces_shown_messages_only()
    {
        var waiting = new InterviewView(1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "UTC", "https://meet.example.com", InterviewStatus.Proposed, true);
        var window = new MessageWindow();
        window.Reset([Message(1, "Proposed", waiting), Message(2)], hasEarlier: false);

        window.Refresh([Message(1, "Proposed", waiting with { Status = InterviewStatus.Accepted, CanRespond = false }), Message(40, "Not shown")]);

        Assert.Equal(InterviewStatus.Accepted, window.Messages[0].Interview!.Status);
        Assert.Equal([1L, 2], window.Messages.Select(m => m.Id));
        Assert.Equal(0, new MessageWindow().NewestId);
        Assert.Null(new MessageWindow().OldestId);
    }
}
