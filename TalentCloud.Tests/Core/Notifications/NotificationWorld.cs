using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Notifications;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Core.Notifications;

/// <summary>The demo world plus the handles notification tests need: fiona, her clouds, posting jobs, running digests.</summary>
internal sealed class NotificationWorld : IAsyncDisposable
{
    private int nextJobId = 1000;

    private NotificationWorld(TestDatabase db) => Db = db;

    public TestDatabase Db { get; }

    public TestClock Clock => Db.Clock;

    public Actor Fiona { get; private set; } = null!;

    public int AcmeMobile { get; private set; }
    public int AcmeData { get; private set; }
    public int Globex { get; private set; }

    public NotificationSettingsService Settings => new(Db, Clock);

    public NotificationCentreService Centre => new(Db, Clock);

    /// <summary>A fresh service instance each time, as after a restart.</summary>
    public DigestService NewDigestService() => new(Db, Clock, NullLogger<DigestService>.Instance);

    public static async Task<NotificationWorld> CreateAsync(DateTimeOffset? start = null)
    {
        var db = await TestDatabase.CreateWithDemoWorldAsync(clock: new TestClock(start ?? new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)));
        var world = new NotificationWorld(db);
        world.Fiona = await db.ActorAsync(DemoWorld.FionaEmail);
        await using var context = db.CreateDbContext();
        // Start from a world without notifications: the demo world's welcome items would blur what each test counts.
        await context.Notifications.ExecuteDeleteAsync();
        await context.OutboxEmails.ExecuteDeleteAsync();
        var clouds = await context.Clouds.ToDictionaryAsync(c => c.Name, c => c.Id);
        world.AcmeMobile = clouds[DemoWorld.AcmeMobile];
        world.AcmeData = clouds[DemoWorld.AcmeData];
        world.Globex = clouds[DemoWorld.GlobexDesign];
        return world;
    }

    public async Task SetAsync(int cloudId, NotificationFrequency frequency, bool prioritised = false)
    {
        var result = await Settings.SaveAsync(Fiona, [new CloudNotificationChange(cloudId, Fiona.ProfileIds[0], frequency, prioritised)]);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
    }

    public async Task SetTimeZoneAsync(string zone) => Assert.True((await Settings.SetTimeZoneAsync(Fiona, zone)).Succeeded);

    /// <summary>Posts a job the way the jobs feature does: the event inside the posting's unit of work.</summary>
    public async Task<int> PostJobAsync(int cloudId, string title)
    {
        var jobId = nextJobId++;
        await using var context = Db.CreateDbContext();
        var name = await context.Clouds.Where(c => c.Id == cloudId).Select(c => c.Name).SingleAsync();
        await using var transaction = await context.Database.BeginTransactionAsync();
        await NotificationEvents.CloudJobPostedAsync(context, cloudId, name, jobId, title, Clock.GetUtcNow());
        await context.SaveChangesAsync();
        await transaction.CommitAsync();
        return jobId;
    }

    public async Task<List<Notification>> FionaItemsAsync(NotificationKind? kind = null)
    {
        await using var context = Db.CreateDbContext();
        return await context.Notifications.Where(n => n.UserId == Fiona.UserId && (kind == null || n.Kind == kind))
            .OrderBy(n => n.Id).ToListAsync();
    }

    public async Task<List<NotificationDigest>> FionaDigestsAsync()
    {
        await using var context = Db.CreateDbContext();
        return await context.NotificationDigests.Include(d => d.Sections).Where(d => d.UserId == Fiona.UserId).OrderBy(d => d.Id).ToListAsync();
    }

    public async Task<int> PendingForFionaAsync()
    {
        await using var context = Db.CreateDbContext();
        return await context.PendingDigestItems.CountAsync(i => i.UserId == Fiona.UserId && i.ClaimedAt == null);
    }

    public void At(int year, int month, int day, int hour, int minute = 0) =>
        Clock.Set(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero));

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
