using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Common;
using TalentCloud.Core.Data;
using TalentCloud.Core.Notifications;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Core.Notifications;

/// <summary>The outbox: absolute links, one-line subjects, and senders that never deliver an e-mail twice.</summary>
public sealed class OutboxDeliveryTests
{
    private static readonly PublicAddress Public = new(new Uri("https://talent.example.org/app"));

    [Fact]
    public async Task Instant_notification_and_digest_e_mails_link_absolutely_to_the_public_address()
    {
        await using var w = await NotificationWorld.CreateAsync();
        w.Db.Settings = w.Db.Settings with { PublicAddress = Public };
        await w.SetAsync(w.AcmeMobile, NotificationFrequency.Instant);
        await w.SetAsync(w.Globex, NotificationFrequency.Daily);
        await w.PostJobAsync(w.AcmeMobile, "Instant job");
        await w.PostJobAsync(w.Globex, "Digest job");
        w.At(2026, 11, 24, 8, 0);
        Assert.Equal(1, (await w.NewDigestService().RunDueAsync()).DigestsSent);

        await using var context = w.Db.CreateDbContext();
        var bodies = await context.OutboxEmails.Select(m => m.HtmlBody).ToListAsync();
        Assert.Contains(bodies, b => b.Contains("Your Talent Cloud digest", StringComparison.Ordinal));
        var links = bodies.SelectMany(OutboxLinks.In).ToList();
        Assert.Contains(links, l => l.StartsWith("https://talent.example.org/app/jobs/", StringComparison.Ordinal));
        Assert.Contains("https://talent.example.org/app/settings/notifications", links);
        Assert.All(links, l => Assert.StartsWith("https://talent.example.org/app/", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_line_break_in_a_name_never_reaches_the_subject()
    {
        await using var db = await TestDatabase.CreateWithDemoWorldAsync(generatedProfiles: 0);
        await using (var context = db.CreateDbContext())
        {
            var fiona = await context.Users.SingleAsync(u => u.Email == TalentCloud.Core.Seeding.DemoWorld.FionaEmail);
            NotificationEvents.Personal(context, fiona.Id, NotificationKind.MessageReceived, "New message from Evil\r\nBcc: victim@example.test\u2028Corp",
                "Hello", "/messages/1", db.Clock.GetUtcNow());
            await context.SaveChangesAsync();
        }

        await using var after = db.CreateDbContext();
        var subject = await after.OutboxEmails.OrderByDescending(m => m.Id).Select(m => m.Subject).FirstAsync();
        Assert.Equal("New message from Evil Bcc: victim@example.test Corp", subject);
        Assert.Equal("Two words", OutboxEmail.CleanSubject("Two\n\n\twords"));
    }

    [Fact]
    public async Task Two_senders_at_once_deliver_each_e_mail_exactly_once_over_one_connection_each()
    {
        await using var db = await TestDatabase.CreateAsync();
        await QueueAsync(db, 60);
        var transport = new RecordingTransport(delay: TimeSpan.FromMilliseconds(5));

        // Four senders race for 60 e-mails, each taking batches of at most 20: three batches exist, one sender finds none.
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => new OutboxDelivery(db, db.Clock).DeliverDueAsync(transport, max: 20))));

        Assert.Equal(60, transport.Delivered.Count);
        Assert.Equal(60, transport.Delivered.Distinct().Count());
        Assert.Equal(60, runs.Sum(r => r.Sent));
        // One connection per batch, and none opened for an empty batch.
        Assert.Equal(3, transport.Sessions);
        Assert.Equal(3, transport.SessionsWithMail);
        await using var context = db.CreateDbContext();
        Assert.Equal(60, await context.OutboxEmails.CountAsync(m => m.SentAt != null && m.Attempts == 1 && m.ClaimedBy == null));
    }

    [Fact]
    public async Task A_claim_held_by_a_live_sender_is_left_alone_and_a_lapsed_one_is_taken_over()
    {
        await using var db = await TestDatabase.CreateAsync();
        await QueueAsync(db, 3);
        await using (var context = db.CreateDbContext())
        {
            // A sender that claimed everything and then died.
            await context.OutboxEmails.ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, "dead-sender")
                .SetProperty(m => m.ClaimedUntil, db.Clock.GetUtcNow() + OutboxDelivery.ClaimLease));
        }

        var transport = new RecordingTransport();
        Assert.Equal(0, (await new OutboxDelivery(db, db.Clock).DeliverDueAsync(transport)).Sent);
        Assert.Equal(0, transport.Sessions);
        db.Clock.Advance(OutboxDelivery.ClaimLease);
        Assert.Equal(3, (await new OutboxDelivery(db, db.Clock).DeliverDueAsync(transport)).Sent);
    }

    [Fact]
    public async Task An_unreachable_server_counts_an_attempt_for_the_batch_and_backs_off()
    {
        await using var db = await TestDatabase.CreateAsync();
        await QueueAsync(db, 2);
        var result = await new OutboxDelivery(db, db.Clock).DeliverDueAsync(new RecordingTransport(failToConnect: true));
        Assert.Equal(new OutboxDeliveryResult(0, 2), result);
        await using var context = db.CreateDbContext();
        Assert.All(await context.OutboxEmails.ToListAsync(), m =>
        {
            Assert.Equal(1, m.Attempts);
            Assert.Equal(db.Clock.GetUtcNow().AddMinutes(1), m.NextAttemptAt);
            Assert.Equal("connection refused", m.LastError);
            Assert.Null(m.ClaimedBy);
        });
        Assert.Equal(0, (await new OutboxDelivery(db, db.Clock).DeliverDueAsync(new RecordingTransport())).Sent);
    }

    private static async Task QueueAsync(TestDatabase db, int count)
    {
        await using var context = db.CreateDbContext();
        for (var i = 0; i < count; i++)
        {
            context.OutboxEmails.Add(OutboxEmail.Create($"person{i}@example.test", null, $"Message {i}", "<p>Hello</p>", db.Clock.GetUtcNow()));
        }

        await context.SaveChangesAsync();
    }

    /// <summary>A mail server that records what it was given, counting connections.</summary>
    private sealed class RecordingTransport(TimeSpan delay = default, bool failToConnect = false) : IEmailTransport
    {
        private int sessions;
        private int sessionsWithMail;

        public ConcurrentBag<int> Delivered { get; } = [];

        public int Sessions => sessions;

        public int SessionsWithMail => sessionsWithMail;

        public Task<IEmailSession> OpenAsync(CancellationToken ct)
        {
            if (failToConnect)
            {
                throw new IOException("connection refused");
            }

            Interlocked.Increment(ref sessions);
            return Task.FromResult<IEmailSession>(new Session(this, delay));
        }

        private sealed class Session(RecordingTransport owner, TimeSpan delay) : IEmailSession
        {
            private bool sent;

            public async Task SendAsync(OutgoingEmail email, CancellationToken ct)
            {
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, ct);
                }

                owner.Delivered.Add(email.Id);
                if (!sent)
                {
                    sent = true;
                    Interlocked.Increment(ref owner.sessionsWithMail);
                }
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
