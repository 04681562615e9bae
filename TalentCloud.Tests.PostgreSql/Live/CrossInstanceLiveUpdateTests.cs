using Microsoft.Extensions.DependencyInjection;
using TalentCloud.Core.Live;
using TalentCloud.Core.Messaging;
using TalentCloud.Core.Notifications;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Core.Messaging;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Live;

/// <summary>
/// Two app instances on one PostgreSQL database, composed as the app composes them: what one commits reaches the
/// open pages of the other through LISTEN/NOTIFY, and what rolls back reaches nobody.
/// </summary>
public sealed class CrossInstanceLiveUpdateTests : IAsyncLifetime
{
    private TestDatabase db = null!;
    private ServiceProvider instanceA = null!;
    private ServiceProvider instanceB = null!;

    public async ValueTask InitializeAsync()
    {
        db = await TestDatabase.CreateWithDemoWorldAsync(generatedProfiles: 0);
        instanceA = CoreServices.Build(db);
        instanceB = CoreServices.Build(db);
        foreach (var instance in new[] { instanceA, instanceB })
        {
            var listener = instance.GetRequiredService<PostgreSqlLiveListener>();
            await listener.StartAsync(TestContext.Current.CancellationToken);
            await listener.Listening.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in new[] { instanceA, instanceB })
        {
            await instance.GetRequiredService<PostgreSqlLiveListener>().StopAsync(CancellationToken.None);
            await instance.DisposeAsync();
        }

        await db.DisposeAsync();
    }

    [Fact]
    public async Task A_message_sent_on_one_instance_reaches_the_open_conversation_and_the_bell_on_the_other()
    {
        var conversationId = await MessagingTestWorld.AcmeFionaAsync(db);
        var fiona = await db.ActorAsync(DemoWorld.FionaEmail);
        var onB = new TaskCompletionSource<ConversationUpdate>(TaskCreationOptions.RunContinuationsAsynchronously);
        var bellOnB = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var page = instanceB.GetRequiredService<ConversationNotifier>().Subscribe(conversationId, update =>
        {
            onB.TrySetResult(update);
            return Task.CompletedTask;
        });
        using var bell = instanceB.GetRequiredService<NotificationNotifier>().Subscribe(fiona.UserId!, () =>
        {
            bellOnB.TrySetResult();
            return Task.CompletedTask;
        });

        var sent = await instanceA.GetRequiredService<MessageService>().SendAsync(await db.ActorAsync(DemoWorld.MariaEmail), conversationId,
            "Sent on instance A");

        Assert.True(sent.Succeeded, string.Join(" ", sent.Errors));
        var update = await onB.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal(sent.Value!.Id, update.MessageId);
        await bellOnB.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        var newer = await instanceB.GetRequiredService<ConversationService>().GetNewerMessagesAsync(fiona, conversationId, update.MessageId - 1);
        Assert.Equal("Sent on instance A", Assert.Single(newer!).Body);
    }

    [Fact]
    public async Task A_refused_message_and_a_rolled_back_notification_reach_no_instance()
    {
        var conversationId = await MessagingTestWorld.InitechOmarAsync(db);
        var omar = await db.ActorAsync(DemoWorld.OmarEmail);
        var heard = 0;
        using var page = instanceB.GetRequiredService<ConversationNotifier>().Subscribe(conversationId, _ =>
        {
            Interlocked.Increment(ref heard);
            return Task.CompletedTask;
        });
        using var bell = instanceB.GetRequiredService<NotificationNotifier>().Subscribe(omar.UserId!, () =>
        {
            Interlocked.Increment(ref heard);
            return Task.CompletedTask;
        });

        // Contact details before a contract with an ordinary client: refused, nothing committed.
        var refused = await instanceA.GetRequiredService<MessageService>().SendAsync(await db.ActorAsync(DemoWorld.CarlEmail), conversationId,
            "reach me at carl@initech.test");
        // Then a message that commits, so there is something to wait for: only it may arrive.
        var sent = await instanceA.GetRequiredService<MessageService>().SendAsync(await db.ActorAsync(DemoWorld.CarlEmail), conversationId,
            "Are you free on Monday?");

        Assert.False(refused.Succeeded);
        Assert.True(sent.Succeeded);
        await WaitUntilAsync(() => Volatile.Read(ref heard) >= 2);
        await Task.Delay(500, TestContext.Current.CancellationToken);
        Assert.Equal(2, Volatile.Read(ref heard));
    }

    [Fact]
    public void Each_instance_ignores_its_own_announcements_and_anything_unreadable()
    {
        var hubA = instanceA.GetRequiredService<LiveUpdateHub>();
        var hubB = instanceB.GetRequiredService<LiveUpdateHub>();
        var batch = new LiveUpdateBatch(["user-1", "user-2"], [new ConversationUpdate(5, 77)]);

        var payload = Assert.Single(hubA.ToPayloads(batch));

        Assert.Null(hubA.FromPayload(payload));
        var received = hubB.FromPayload(payload)!;
        Assert.Equal(["user-1", "user-2"], received.NotifiedUserIds);
        Assert.Equal(new ConversationUpdate(5, 77), Assert.Single(received.Conversations));
        Assert.Null(hubB.FromPayload("not json"));
    }

    [Fact]
    public void A_large_batch_is_split_into_payloads_postgresql_accepts()
    {
        var hub = instanceA.GetRequiredService<LiveUpdateHub>();
        var users = Enumerable.Range(0, 2_000).Select(i => Guid.NewGuid().ToString()).ToList();

        var payloads = hub.ToPayloads(new LiveUpdateBatch(users, [])).ToList();

        Assert.True(payloads.Count > 1);
        Assert.All(payloads, p => Assert.True(System.Text.Encoding.UTF8.GetByteCount(p) < 8000));
        Assert.Equal(users, payloads.SelectMany(p => instanceB.GetRequiredService<LiveUpdateHub>().FromPayload(p)!.NotifiedUserIds));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.True(condition());
    }
}
