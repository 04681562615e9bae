using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Common;
using TalentCloud.Core.Messaging;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Core.Messaging;

/// <summary>Two tabs (or two people) doing the same thing at the same moment.</summary>
public sealed class ConversationRaceTests : IAsyncLifetime
{
    private TestDatabase db = null!;
    private ConversationService service = null!;
    private MessageService messages = null!;
    private InterviewService interviews = null!;

    public async ValueTask InitializeAsync()
    {
        db = await TestDatabase.CreateWithDemoWorldAsync();
        service = MessagingTestWorld.Conversations(db);
        messages = MessagingTestWorld.Messages(db);
        interviews = MessagingTestWorld.Interviews(db);
    }

    public async ValueTask DisposeAsync() => await db.DisposeAsync();

    [Fact]
    public async Task Two_answers_to_one_interview_at_once_give_one_answer_and_one_message()
    {
        var id = await MessagingTestWorld.AcmeFionaAsync(db);
        var maria = await db.ActorAsync(DemoWorld.MariaEmail);
        var fiona = await db.ActorAsync(DemoWorld.FionaEmail);
        var proposed = await interviews.ProposeAsync(maria, id, new DateTime(2026, 12, 1, 15, 30, 0), "Europe/Madrid", "https://meet.example.com/race");
        var interviewId = proposed.Value!.Interview!.Id;
        var before = await MessagingTestWorld.MessageCountAsync(db, id);

        var answers = await Task.WhenAll(
            Task.Run(() => interviews.RespondAsync(fiona, id, interviewId, accept: true)),
            Task.Run(() => interviews.RespondAsync(fiona, id, interviewId, accept: false)),
            Task.Run(() => interviews.RespondAsync(fiona, id, interviewId, accept: true)));

        var winner = Assert.Single(answers, a => a.Succeeded);
        var status = winner.Value!.Body.StartsWith("Accepted", StringComparison.Ordinal) ? InterviewStatus.Accepted : InterviewStatus.Declined;
        Assert.All(answers.Where(a => !a.Succeeded), a => Assert.Equal(MessagingErrors.AlreadyAnswered(status), Assert.Single(a.Errors)));
        Assert.Equal(before + 1, await MessagingTestWorld.MessageCountAsync(db, id));
        await using var context = db.CreateDbContext();
        Assert.Equal(status, (await context.InterviewProposals.SingleAsync(i => i.Id == interviewId)).Status);
    }

    [Fact]
    public async Task Two_tabs_marking_a_conversation_read_at_once_both_succeed()
    {
        var id = await MessagingTestWorld.AcmeFionaAsync(db);
        var maria = await db.ActorAsync(DemoWorld.MariaEmail);
        var fiona = await db.ActorAsync(DemoWorld.FionaEmail);
        await messages.SendAsync(maria, id, "Are you free next week?");
        await using (var context = db.CreateDbContext())
        {
            // Fiona has no marker yet: both tabs try to create it.
            await context.ConversationReadMarkers.Where(r => r.UserId == fiona.UserId).ExecuteDeleteAsync();
        }

        var marks = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => service.MarkReadAsync(fiona, id))));

        Assert.All(marks, Assert.True);
        Assert.Equal(0, await service.GetUnreadCountAsync(fiona));
        await using var after = db.CreateDbContext();
        var newest = await after.Messages.Where(m => m.ConversationId == id).MaxAsync(m => m.Id);
        Assert.Equal(newest, (await after.ConversationReadMarkers.SingleAsync(r => r.ConversationId == id && r.UserId == fiona.UserId)).LastReadMessageId);
    }

    [Fact]
    public async Task Starting_new_conversations_is_limited_per_user_while_reopening_one_is_free()
    {
        db.Settings = db.Settings with
        {
            ActionLimits = new ActionLimits(new Dictionary<LimitedAction, ActionLimit> { [LimitedAction.StartConversation] = new(2, TimeSpan.FromHours(1)) }),
        };
        var carl = await db.ActorAsync(DemoWorld.CarlEmail);
        await using var context = db.CreateDbContext();
        var strangers = await context.Profiles.Where(p => !context.Conversations.Any(c => c.ProfileId == p.Id)).OrderBy(p => p.Id)
            .Select(p => p.Id).Take(3).ToListAsync();

        var first = await service.StartAsync(carl, strangers[0]);
        var second = await service.StartAsync(carl, strangers[1]);
        var third = await service.StartAsync(carl, strangers[2]);
        var reopened = await service.StartAsync(carl, strangers[0]);

        Assert.True(first.Succeeded && second.Succeeded);
        Assert.StartsWith("You have started new conversations too often: at most 2 in an hour.", Assert.Single(third.Errors), StringComparison.Ordinal);
        Assert.Equal(first.Value, reopened.Value);
        Assert.False(await context.Conversations.AnyAsync(c => c.ProfileId == strangers[2]));
    }
}
