using TalentCloud.Core.Notifications;

namespace TalentCloud.Tests.Core.Notifications;

/// <summary>Time zones, DST and idempotence of the digest step.</summary>
public sealed class DigestSchedulingTests
{
    [Fact]
    public async Task Digest_follows_the_users_time_zone()
    {
        await using var w = await NotificationWorld.CreateAsync();
        await w.SetTimeZoneAsync("America/Toronto"); // UTC-5 in November
        await w.SetAsync(w.Globex, NotificationFrequency.Daily);
        await w.PostJobAsync(w.Globex, "Packaging designer"); // 04:00 in Toronto

        w.At(2026, 11, 23, 12, 59);
        Assert.Equal(0, (await w.NewDigestService().RunDueAsync()).DigestsSent);
        w.At(2026, 11, 23, 13, 0);
        Assert.Equal(1, (await w.NewDigestService().RunDueAsync()).DigestsSent);
        var digest = Assert.Single(await w.FionaDigestsAsync());
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 13, 0, 0, TimeSpan.Zero), digest.SlotUtc);
        Assert.StartsWith("2026-11-23 08:00", digest.SlotLocal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Digest_stays_at_08_00_local_across_the_autumn_DST_change()
    {
        // Berlin leaves summer time on 25 October 2026: 08:00 is 06:00 UTC before, 07:00 UTC after.
        await using var w = await NotificationWorld.CreateAsync(new DateTimeOffset(2026, 10, 23, 12, 0, 0, TimeSpan.Zero));
        await w.SetTimeZoneAsync("Europe/Berlin");
        await w.SetAsync(w.Globex, NotificationFrequency.Daily);
        await w.PostJobAsync(w.Globex, "Before the change");
        w.At(2026, 10, 24, 6, 0);
        Assert.Equal(1, (await w.NewDigestService().RunDueAsync()).DigestsSent);

        await w.PostJobAsync(w.Globex, "Across the change");
        w.At(2026, 10, 25, 6, 30); // 07:30 local: not yet
        Assert.Equal(0, (await w.NewDigestService().RunDueAsync()).DigestsSent);
        w.At(2026, 10, 25, 7, 0);
        Assert.Equal(1, (await w.NewDigestService().RunDueAsync()).DigestsSent);

        var digests = await w.FionaDigestsAsync();
        Assert.Equal([new DateTimeOffset(2026, 10, 24, 6, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 25, 7, 0, 0, TimeSpan.Zero)],
            digests.Select(d => d.SlotUtc));
    }

    [Theory]
    [InlineData("America/New_York", 2026, 3, 7, 13)] // EST, UTC-5
    [InlineData("America/New_York", 2026, 3, 8, 12)] // the day clocks spring forward: EDT, UTC-4
    [InlineData("Europe/Berlin", 2026, 3, 29, 6)]
    [InlineData("Asia/Kolkata", 2026, 3, 29, 2)] // 08:00 IST is 02:30 UTC
    public void Morning_slot_is_08_00_wall_clock_time(string zone, int year, int month, int day, int utcHour)
    {
        var instant = DigestSchedule.ToInstant(new DateOnly(year, month, day), DigestSchedule.Morning, TimeZoneInfo.FindSystemTimeZoneById(zone));
        Assert.Equal(utcHour, instant.UtcDateTime.Hour);
        Assert.Equal(8, TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(zone)).Hour);
    }

    [Fact]
    public async Task Two_runs_and_a_restart_send_the_digest_once()
    {
        await using var w = await NotificationWorld.CreateAsync();
        await w.SetAsync(w.Globex, NotificationFrequency.Daily);
        await w.PostJobAsync(w.Globex, "Brand designer");
        w.At(2026, 11, 24, 8, 0);

        var service = w.NewDigestService();
        Assert.Equal(1, (await service.RunDueAsync()).DigestsSent);
        Assert.Equal(0, (await service.RunDueAsync()).DigestsSent);
        w.At(2026, 11, 24, 8, 1);
        Assert.Equal(0, (await w.NewDigestService().RunDueAsync()).DigestsSent); // a restarted instance

        Assert.Single(await w.FionaDigestsAsync());
        Assert.Single(await w.FionaItemsAsync(NotificationKind.Digest));
    }

    [Fact]
    public async Task Two_instances_running_at_once_send_the_digest_once()
    {
        await using var w = await NotificationWorld.CreateAsync();
        await w.SetAsync(w.Globex, NotificationFrequency.Daily);
        await w.SetAsync(w.AcmeMobile, NotificationFrequency.TwiceADay);
        await w.PostJobAsync(w.Globex, "Brand designer");
        await w.PostJobAsync(w.AcmeMobile, "Android developer");
        w.At(2026, 11, 24, 8, 0);

        var results = await Task.WhenAll(w.NewDigestService().RunDueAsync(), w.NewDigestService().RunDueAsync());
        Assert.Equal(1, results.Sum(r => r.DigestsSent));
        var digest = Assert.Single(await w.FionaDigestsAsync());
        Assert.Equal(2, digest.Sections.Count);
    }

    [Fact]
    public async Task A_digest_missed_while_the_server_was_down_goes_out_once_at_the_next_run()
    {
        await using var w = await NotificationWorld.CreateAsync();
        await w.SetAsync(w.Globex, NotificationFrequency.Daily);
        await w.PostJobAsync(w.Globex, "Interaction designer");

        w.At(2026, 11, 24, 15, 30); // down from before 08:00 until the afternoon
        Assert.Equal(1, (await w.NewDigestService().RunDueAsync()).DigestsSent);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero), Assert.Single(await w.FionaDigestsAsync()).SlotUtc);
        w.At(2026, 11, 24, 17, 30);
        Assert.Equal(0, (await w.NewDigestService().RunDueAsync()).DigestsSent);
    }
}
