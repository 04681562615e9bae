using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TalentCloud.Core.Data;
using TalentCloud.Core.Notifications;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.EndToEnd;

/// <summary>The app with a clock the test moves, so digests can be made due without waiting.</summary>
public sealed class ClockedAppFactory : TalentCloudAppFactory
{
    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>A browser against <see cref="ClockedAppFactory"/>.</summary>
public sealed class ClockedBrowserFixture : BrowserFixture<ClockedAppFactory>;

/// <summary>Notification settings, live items and digests in a real browser over the Blazor circuit.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NotificationBrowserTests(ClockedBrowserFixture browser) : IClassFixture<ClockedBrowserFixture>
{
    /// <summary>Posts a cloud job the way the jobs feature does: the event inside the posting's transaction.</summary>
    private async Task PostCloudJobAsync(string cloudName, int jobId, string title)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cloudId = await db.Clouds.Where(c => c.Name == cloudName).Select(c => c.Id).SingleAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await NotificationEvents.CloudJobPostedAsync(db, cloudId, cloudName, jobId, title, browser.App.Clock.GetUtcNow());
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    private async Task<List<string>> FionaTitlesAsync()
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await (from n in db.Notifications
                      join u in db.Users on n.UserId equals u.Id
                      where u.Email == DemoWorld.FionaEmail
                      select n.Title).ToListAsync();
    }

    [Fact]
    public async Task An_open_notification_centre_shows_a_new_item_without_reload()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoWorld.FionaEmail, DemoWorld.Password);
        await page.GotoAsync("/notifications");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Notifications", Exact = true })).ToBeVisibleAsync();
        await BrowserFixture.WaitForCircuitAsync(page);
        var before = await page.Locator("[data-testid=notification]").CountAsync();

        await PostCloudJobAsync(DemoWorld.AcmeMobile, 501, "Live iOS contract");

        var item = page.Locator("[data-testid=notification]", new() { HasText = "Live iOS contract" });
        await Assertions.Expect(item).ToBeVisibleAsync();
        await Assertions.Expect(item).ToHaveAttributeAsync("data-state", "unread");
        await Assertions.Expect(page.Locator("[data-testid=notification]")).ToHaveCountAsync(before + 1);
        await Assertions.Expect(page.GetByTestId("unread-count")).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Mark it read over the circuit; the top-bar count follows.
        await item.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Mark read") }).ClickAsync();
        await Assertions.Expect(item).ToHaveAttributeAsync("data-state", "read");

        // Filtering by another of fiona's clouds (a GET form: the filter is in the address) hides the Acme item.
        await page.GetByLabel("Talent Cloud", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = DemoWorld.GlobexDesign });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("cloud=", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("unread-summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=notification]", new() { HasText = "Live iOS contract" })).ToHaveCountAsync(0);
        Assert.DoesNotContain(DemoWorld.AcmeData, await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Daily_for_Globex_queues_the_job_and_one_digest_arrives_after_08_00()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoWorld.FionaEmail, DemoWorld.Password);
        await page.GotoAsync("/settings/notifications");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Breadcrumb" }))
            .ToHaveTextAsync(new System.Text.RegularExpressions.Regex("(?s)Settings.*Notification settings.*Groups & Invitations"));
        await BrowserFixture.WaitForCircuitAsync(page);

        var globexRow = page.Locator($"tr[data-cloud='{DemoWorld.GlobexDesign}']");
        await BrowserFixture.ChooseAsync(globexRow.GetByTestId("frequency"), "Daily");
        await Assertions.Expect(page.Locator($"tr[data-cloud='{DemoWorld.AcmeMobile}']").GetByTestId("frequency")).ToContainTextAsync("Instant");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Assertions.Expect(BrowserFixture.Snackbar(page, "Your notification settings are saved.")).ToBeVisibleAsync();

        // Survives a reload (and so a new sign-in): read back from the database.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator($"tr[data-cloud='{DemoWorld.GlobexDesign}']").GetByTestId("frequency")).ToContainTextAsync("Daily");

        await page.GotoAsync("/notifications");
        await BrowserFixture.WaitForCircuitAsync(page);
        await PostCloudJobAsync(DemoWorld.GlobexDesign, 601, "Globex control-room designer");
        Assert.DoesNotContain(await FionaTitlesAsync(), t => t.Contains("Globex control-room designer", StringComparison.Ordinal));

        // Past 08:00 in fiona's time zone (UTC): the digest step, run twice, sends exactly one digest.
        browser.App.Clock.Set(new DateTimeOffset(2026, 11, 24, 8, 1, 0, TimeSpan.Zero));
        var digests = browser.App.Services.GetRequiredService<DigestService>();
        await digests.RunDueAsync();
        await digests.RunDueAsync();

        var titles = (await FionaTitlesAsync()).Where(t => t.StartsWith("Your digest", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Your digest: 1 new job in Globex Design Collective"], titles);
        var digestItem = page.Locator("[data-testid=notification]", new() { HasText = "Your digest" });
        await Assertions.Expect(digestItem).ToContainTextAsync("Globex control-room designer");
        await Assertions.Expect(digestItem).ToHaveCountAsync(1);
    }
}
