using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Notifications;

namespace TalentCloud.Tests.Core.Notifications;

/// <summary>Complete removal deletes the membership row: from then on nothing more comes from that cloud.</summary>
public sealed class RemovedMemberNotificationTests
{
    private static async Task RemoveFionaFromAsync(NotificationWorld w, int cloudId)
    {
        await using var db = w.Db.CreateDbContext();
        await db.CloudMemberships.Where(m => m.CloudId == cloudId && m.ProfileId == w.Fiona.ProfileIds[0]).ExecuteDeleteAsync();
        await db.CloudNotificationSettings.Where(s => s.CloudId == cloudId && s.ProfileId == w.Fiona.ProfileIds[0]).ExecuteDeleteAsync();
    }

    [Fact]
    public async Task A_removed_member_gets_no_instant_item()
    {
        await using var w = await NotificationWorld.CreateAsync();
        await RemoveFionaFromAsync(w, w.AcmeMobile);
        await w.PostJobAsync(w.AcmeMobile, "After removal");
        Assert.Empty(await w.FionaItemsAsync());
        Assert.Equal(0, await w.PendingForFionaAsync());
    }

    [Fact]
    public async Task A_digest_excludes_a_cloud_the_member_left_after_the_job_was_queued()
    {
        await using var w = await NotificationWorld.CreateAsync();
        await w.SetAsync(w.AcmeMobile, NotificationFrequency.Daily);
        await w.SetAsync(w.Globex, NotificationFrequency.Daily);
        await w.PostJobAsync(w.AcmeMobile, "Secret Acme job");
        await w.PostJobAsync(w.Globex, "Globex job");
        await RemoveFionaFromAsync(w, w.AcmeMobile);

        w.At(2026, 11, 24, 8, 0);
        var result = await w.NewDigestService().RunDueAsync();
        Assert.Equal(1, result.ItemsDropped);
        var digest = Assert.Single(await w.FionaItemsAsync(NotificationKind.Digest));
        Assert.DoesNotContain("Secret Acme job", digest.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Acme Pro Mobile Developers", digest.Body, StringComparison.Ordinal);
        Assert.Equal([w.Globex], Assert.Single(await w.FionaDigestsAsync()).Sections.Select(s => s.CloudId));
    }

    [Fact]
    public async Task Nothing_is_sent_when_the_only_queued_cloud_was_left()
    {
        await using var w = await NotificationWorld.CreateAsync();
        await w.SetAsync(w.Globex, NotificationFrequency.TwiceADay);
        await w.PostJobAsync(w.Globex, "Queued before leaving");
        await RemoveFionaFromAsync(w, w.Globex);
        w.At(2026, 11, 23, 17, 0);
        Assert.Equal(0, (await w.NewDigestService().RunDueAsync()).DigestsSent);
        Assert.Empty(await w.FionaItemsAsync());
        Assert.Equal(0, await w.PendingForFionaAsync());
    }
}
