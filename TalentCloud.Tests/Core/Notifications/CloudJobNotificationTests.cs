using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Notifications;
using TalentCloud.Core.Seeding;

namespace TalentCloud.Tests.Core.Notifications;

/// <summary>NotificationEvents.CloudJobPostedAsync and the digest step, per frequency.</summary>
public sealed class CloudJobNotificationTests
{
    [Fact]
    public async Task Instant_is_the_default_and_reaches_active_members_only_with_an_outbox_email()
    {
        await using var w = await NotificationWorld.CreateAsync();
        var jobId = await w.PostJobAsync(w.AcmeMobile, "iOS developer for checkout");

        var item = Assert.Single(await w.FionaItemsAsync());
        Assert.Equal(NotificationKind.CloudJobPosted, item.Kind);
        Assert.Equal(w.AcmeMobile, item.CloudId);
        Assert.Contains("iOS developer for checkout", item.Title, StringComparison.Ordinal);
        Assert.Equal($"/jobs/{jobId}", item.Link);
        Assert.Null(item.ReadAt);

        await using var db = w.Db.CreateDbContext();
        var recipients = await db.Notifications.Join(db.Users, n => n.UserId, u => u.Id, (n, u) => u.Email).ToListAsync();
        Assert.Contains(DemoWorld.NinaEmail, recipients);
        Assert.DoesNotContain(DemoWorld.LeeEmail, recipients); // pending in that cloud
        Assert.DoesNotContain(DemoWorld.OmarEmail, recipients);
        Assert.True(await db.OutboxEmails.AnyAsync(e => e.ToAddress == DemoWorld.FionaEmail && e.Subject == item.Title));
        Assert.Equal(0, await w.PendingForFionaAsync());
    }

    [Fact]
    public async Task Never_produces_nothing_at_posting_or_digest_time()
    {
        await using var w = await NotificationWorld.CreateAsync();
        await w.SetAsync(w.Globex, NotificationFrequency.Never);
        await w.PostJobAsync(w.Globex, "Design system lead");
        w.At(2026, 11, 24, 8, 1);
        await w.NewDigestService().RunDueAsync();
        w.At(2026, 11, 24, 17, 1);
        await w.NewDigestService().RunDueAsync();

        Assert.Empty(await w.FionaItemsAsync());
        Assert.Empty(await w.FionaDigestsAsync());
        await using var db = w.Db.CreateDbContext();
        Assert.False(await db.OutboxEmails.AnyAsync(e => e.ToAddress == DemoWorld.FionaEmail));
    }

    [Fact]
    public async Task Daily_queues_the_job_and_sends_one_digest_after_08_00()
    {
        await using var w = await NotificationWorld.CreateAsync();
        await w.SetAsync(w.Globex, NotificationFrequency.Daily);
        var jobId = await w.PostJobAsync(w.Globex, "Industrial UX researcher");
        Assert.Empty(await w.FionaItemsAsync());
        Assert.Equal(1, await w.PendingForFionaAsync());

        w.At(2026, 11, 23, 17, 5); // the afternoon slot is not a Daily slot
        Assert.Equal(0, (await w.NewDigestService().RunDueAsync()).DigestsSent);
        w.At(2026, 11, 24, 7, 59);
        Assert.Equal(0, (await w.NewDigestService().RunDueAsync()).DigestsSent);
        w.At(2026, 11, 24, 8, 0);
        Assert.Equal(1, (await w.NewDigestService().RunDueAsync()).DigestsSent);

        var digest = Assert.Single(await w.FionaItemsAsync());
        Assert.Equal(NotificationKind.Digest, digest.Kind);
        Assert.Contains(DemoWorld.GlobexDesign, digest.Body, StringComparison.Ordinal);
        Assert.Contains("Industrial UX researcher", digest.Body, StringComparison.Ordinal);
        var record = Assert.Single(await w.FionaDigestsAsync());
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero), record.SlotUtc);
        Assert.Equal(w.Globex, Assert.Single(record.Sections).CloudId);
        Assert.Equal(0, await w.PendingForFionaAsync());
        await using var db = w.Db.CreateDbContext();
        var email = await db.OutboxEmails.SingleAsync(e => e.ToAddress == DemoWorld.FionaEmail);
        Assert.Contains($"/jobs/{jobId}", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Twice_a_day_delivers_at_17_00_and_08_00()
    {
        await using var w = await NotificationWorld.CreateAsync();
        await w.SetAsync(w.AcmeMobile, NotificationFrequency.TwiceADay);
        await w.PostJobAsync(w.AcmeMobile, "Kotlin developer");
        Assert.Empty(await w.FionaItemsAsync());

        w.At(2026, 11, 23, 17, 0);
        Assert.Equal(1, (await w.NewDigestService().RunDueAsync()).DigestsSent);
        await w.PostJobAsync(w.AcmeMobile, "Swift developer");
        w.At(2026, 11, 24, 8, 0);
        Assert.Equal(1, (await w.NewDigestService().RunDueAsync()).DigestsSent);

        var digests = await w.FionaItemsAsync(NotificationKind.Digest);
        Assert.Equal(2, digests.Count);
        Assert.Contains("Kotlin developer", digests[0].Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Swift developer", digests[0].Body, StringComparison.Ordinal);
        Assert.Contains("Swift developer", digests[1].Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Kotlin developer", digests[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_digest_per_delivery_time_with_a_section_per_cloud_due_then()
    {
        await using var w = await NotificationWorld.CreateAsync();
        await w.SetAsync(w.AcmeMobile, NotificationFrequency.TwiceADay);
        await w.SetAsync(w.Globex, NotificationFrequency.Daily);
        await w.PostJobAsync(w.AcmeMobile, "Flutter lead");
        await w.PostJobAsync(w.Globex, "Service designer");

        w.At(2026, 11, 23, 17, 1);
        await w.NewDigestService().RunDueAsync();
        var afternoon = Assert.Single(await w.FionaDigestsAsync());
        Assert.Equal([w.AcmeMobile], afternoon.Sections.Select(s => s.CloudId));

        w.At(2026, 11, 23, 18, 0);
        await w.PostJobAsync(w.AcmeMobile, "React Native contractor");
        w.At(2026, 11, 24, 8, 1);
        await w.NewDigestService().RunDueAsync();
        var digests = await w.FionaDigestsAsync();
        Assert.Equal(2, digests.Count);
        Assert.Equal(new[] { w.AcmeMobile, w.Globex }.Order(), digests[1].Sections.Select(s => s.CloudId).Order());
        var morning = (await w.FionaItemsAsync(NotificationKind.Digest))[1];
        Assert.Contains("React Native contractor", morning.Body, StringComparison.Ordinal);
        Assert.Contains("Service designer", morning.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Flutter lead", morning.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_digest_is_not_sent()
    {
        await using var w = await NotificationWorld.CreateAsync();
        await w.SetAsync(w.Globex, NotificationFrequency.Daily);
        w.At(2026, 11, 24, 8, 30);
        Assert.Equal(0, (await w.NewDigestService().RunDueAsync()).DigestsSent);
        Assert.Empty(await w.FionaItemsAsync());
    }
}
