using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentCloud.Core.Data;
using TalentCloud.Core.Notifications;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Core.Notifications;

public sealed class NotificationCentreServiceTests
{
    [Fact]
    public async Task Filters_by_cloud_including_digest_sections_and_rejects_a_cloud_the_user_is_not_in()
    {
        await using var w = await NotificationWorld.CreateAsync();
        await w.SetAsync(w.Globex, NotificationFrequency.Daily);
        await w.PostJobAsync(w.AcmeMobile, "Acme item");
        await w.PostJobAsync(w.Globex, "Globex queued");
        w.At(2026, 11, 24, 8, 0);
        await w.NewDigestService().RunDueAsync();

        var acme = (await w.Centre.GetPageAsync(w.Fiona, new NotificationQuery(CloudId: w.AcmeMobile))).Value!;
        Assert.Equal(["New job in Acme Pro Mobile Developers: Acme item"], acme.Items.Select(i => i.Title));
        var globex = (await w.Centre.GetPageAsync(w.Fiona, new NotificationQuery(CloudId: w.Globex))).Value!;
        Assert.Equal(NotificationKind.Digest, Assert.Single(globex.Items).Kind);

        var forged = await w.Centre.GetPageAsync(w.Fiona, new NotificationQuery(CloudId: w.AcmeData));
        Assert.False(forged.Succeeded);
        Assert.Equal([DemoWorld.AcmeMobile, DemoWorld.GlobexDesign], (await w.Centre.GetCloudFiltersAsync(w.Fiona)).Select(c => c.Name));
    }

    [Fact]
    public async Task Prioritised_clouds_come_first_then_newest()
    {
        await using var w = await NotificationWorld.CreateAsync();
        await w.SetAsync(w.Globex, NotificationFrequency.Instant, prioritised: true);
        await w.PostJobAsync(w.Globex, "Older but prioritised");
        w.Clock.Advance(TimeSpan.FromMinutes(5));
        await w.PostJobAsync(w.AcmeMobile, "Newer");
        var page = (await w.Centre.GetPageAsync(w.Fiona, new NotificationQuery())).Value!;
        Assert.Equal([true, false], page.Items.Select(i => i.IsPrioritised));
        Assert.Contains("Older but prioritised", page.Items[0].Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mark_one_and_all_read_only_touch_the_users_own_items()
    {
        await using var w = await NotificationWorld.CreateAsync();
        await w.PostJobAsync(w.AcmeMobile, "First");
        await w.PostJobAsync(w.AcmeMobile, "Second");
        var items = await w.FionaItemsAsync();
        var nina = await w.Db.ActorAsync(DemoWorld.NinaEmail);

        Assert.False((await w.Centre.MarkReadAsync(nina, items[0].Id)).Succeeded);
        Assert.Equal(2, await w.Centre.GetUnreadCountAsync(w.Fiona));
        Assert.True((await w.Centre.MarkReadAsync(w.Fiona, items[0].Id)).Succeeded);
        Assert.Equal(1, await w.Centre.GetUnreadCountAsync(w.Fiona));
        Assert.Equal(1, (await w.Centre.GetPageAsync(w.Fiona, new NotificationQuery(UnreadOnly: true))).Value!.TotalCount);
        Assert.Equal(2, await w.Centre.GetUnreadCountAsync(nina));

        Assert.Equal(1, await w.Centre.MarkAllReadAsync(w.Fiona));
        Assert.Equal(0, await w.Centre.GetUnreadCountAsync(w.Fiona));
        Assert.Equal(2, await w.Centre.GetUnreadCountAsync(nina));
    }

    [Fact]
    public async Task Pages_through_long_lists()
    {
        await using var w = await NotificationWorld.CreateAsync();
        for (var i = 0; i < 25; i++)
        {
            await w.PostJobAsync(w.AcmeMobile, $"Job {i}");
        }

        var second = (await w.Centre.GetPageAsync(w.Fiona, new NotificationQuery(Page: 2, PageSize: 20))).Value!;
        Assert.Equal(25, second.TotalCount);
        Assert.Equal(2, second.PageCount);
        Assert.Equal(5, second.Items.Count);
    }

    [Fact]
    public async Task Open_pages_are_told_after_the_creating_transaction_commits_and_not_on_rollback()
    {
        await using var w = await NotificationWorld.CreateAsync();
        await using var services = CoreServices.Build(w.Db);
        var notifier = services.GetRequiredService<NotificationNotifier>();
        var told = 0;
        using var subscription = notifier.Subscribe(w.Fiona.UserId!, () =>
        {
            Interlocked.Increment(ref told);
            return Task.CompletedTask;
        });
        var factory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();

        await using (var db = await factory.CreateDbContextAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await NotificationEvents.CloudJobPostedAsync(db, w.AcmeMobile, DemoWorld.AcmeMobile, 1, "Rolled back", w.Clock.GetUtcNow());
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        Assert.Equal(0, told);
        await using (var db = await factory.CreateDbContextAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await NotificationEvents.CloudJobPostedAsync(db, w.AcmeMobile, DemoWorld.AcmeMobile, 2, "Committed", w.Clock.GetUtcNow());
            await db.SaveChangesAsync();
            Assert.Equal(0, told);
            await transaction.CommitAsync();
        }

        Assert.Equal(1, told);
        Assert.Single(await w.FionaItemsAsync());
    }
}
