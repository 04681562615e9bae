using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Notifications;
using TalentCloud.Core.Seeding;

namespace TalentCloud.Tests.Core.Notifications;

public sealed class NotificationSettingsServiceTests
{
    [Fact]
    public async Task Lists_the_active_memberships_by_full_name_with_defaults()
    {
        await using var w = await NotificationWorld.CreateAsync();
        var view = await w.Settings.GetAsync(w.Fiona);
        Assert.Equal([DemoWorld.AcmeMobile, DemoWorld.GlobexDesign], view.Clouds.Select(c => c.CloudName));
        Assert.All(view.Clouds, c => Assert.Equal(NotificationFrequency.Instant, c.Frequency));
        Assert.All(view.Clouds, c => Assert.False(c.Prioritised));
        Assert.Equal("UTC", view.TimeZoneId);

        var lee = await w.Db.ActorAsync(DemoWorld.LeeEmail); // pending in Acme Pro Mobile Developers: not listed
        Assert.Equal([DemoWorld.AcmeData], (await w.Settings.GetAsync(lee)).Clouds.Select(c => c.CloudName));
        var maria = await w.Db.ActorAsync(DemoWorld.MariaEmail);
        Assert.Empty((await w.Settings.GetAsync(maria)).Clouds);
    }

    [Fact]
    public async Task Saves_frequency_and_priority_and_reads_them_back()
    {
        await using var w = await NotificationWorld.CreateAsync();
        await w.SetAsync(w.Globex, NotificationFrequency.Daily, prioritised: true);
        var row = (await w.Settings.GetAsync(await w.Db.ActorAsync(DemoWorld.FionaEmail))).Clouds.Single(c => c.CloudId == w.Globex);
        Assert.Equal(NotificationFrequency.Daily, row.Frequency);
        Assert.True(row.Prioritised);
        await using var db = w.Db.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "notifications.settings.update" && a.CloudId == w.Globex));
    }

    public static TheoryData<string> ForgedClouds => new() { "not-a-member", "missing", "pending", "other-profile" };

    [Theory]
    [MemberData(nameof(ForgedClouds))]
    public async Task A_forged_cloud_is_not_found_and_nothing_changes(string kind)
    {
        await using var w = await NotificationWorld.CreateAsync();
        await using (var db = w.Db.CreateDbContext())
        {
            var nina = await db.Profiles.SingleAsync(p => p.Handle == DemoWorld.NorthwindHandle);
            var change = kind switch
            {
                "not-a-member" => new CloudNotificationChange(w.AcmeData, w.Fiona.ProfileIds[0], NotificationFrequency.Never, true),
                "missing" => new CloudNotificationChange(987_654, w.Fiona.ProfileIds[0], NotificationFrequency.Never, true),
                "pending" => new CloudNotificationChange(w.AcmeMobile, (await w.Db.ActorAsync(DemoWorld.LeeEmail)).ProfileIds[0], NotificationFrequency.Never, true),
                _ => new CloudNotificationChange(w.AcmeMobile, nina.Id, NotificationFrequency.Never, true),
            };
            var actor = kind == "pending" ? await w.Db.ActorAsync(DemoWorld.LeeEmail) : w.Fiona;

            // A valid change in the same request must not be saved either: all or nothing.
            var result = await w.Settings.SaveAsync(actor,
                [new CloudNotificationChange(w.Globex, w.Fiona.ProfileIds[0], NotificationFrequency.Daily, false), change]);

            Assert.False(result.Succeeded);
            Assert.Equal([NotificationErrors.CloudNotFound], result.Errors);
        }

        await using var check = w.Db.CreateDbContext();
        Assert.Equal(0, await check.CloudNotificationSettings.CountAsync());
        Assert.False(await check.AuditEntries.AnyAsync(a => a.Action == "notifications.settings.update"));
    }

    [Fact]
    public async Task A_frequency_outside_the_four_is_rejected()
    {
        await using var w = await NotificationWorld.CreateAsync();
        var result = await w.Settings.SaveAsync(w.Fiona, [new CloudNotificationChange(w.Globex, w.Fiona.ProfileIds[0], (NotificationFrequency)99, false)]);
        Assert.False(result.Succeeded);
        Assert.Equal([NotificationErrors.UnknownFrequency], result.Errors);
        await using var db = w.Db.CreateDbContext();
        Assert.Equal(0, await db.CloudNotificationSettings.CountAsync());
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    [InlineData("Europe/Berlin; DROP TABLE")]
    public async Task An_unknown_time_zone_is_rejected(string zone)
    {
        await using var w = await NotificationWorld.CreateAsync();
        var result = await w.Settings.SetTimeZoneAsync(w.Fiona, zone);
        Assert.False(result.Succeeded);
        Assert.Equal("UTC", (await w.Settings.GetAsync(w.Fiona)).TimeZoneId);
    }

    [Fact]
    public async Task A_known_time_zone_is_saved()
    {
        await using var w = await NotificationWorld.CreateAsync();
        Assert.True((await w.Settings.SetTimeZoneAsync(w.Fiona, "Europe/Berlin")).Succeeded);
        Assert.Equal("Europe/Berlin", (await w.Settings.GetAsync(w.Fiona)).TimeZoneId);
    }

    [Fact]
    public async Task Rows_and_time_zone_save_together_or_not_at_all()
    {
        await using var w = await NotificationWorld.CreateAsync();
        CloudNotificationChange[] daily = [new(w.Globex, w.Fiona.ProfileIds[0], NotificationFrequency.Daily, false)];

        var badZone = await w.Settings.SaveAsync(w.Fiona, daily, "Mars/Olympus_Mons");
        var forgedRow = await w.Settings.SaveAsync(w.Fiona, [.. daily, new(w.AcmeData, w.Fiona.ProfileIds[0], NotificationFrequency.Never, false)], "Europe/Berlin");

        Assert.Equal([NotificationErrors.UnknownTimeZone], badZone.Errors);
        Assert.Equal([NotificationErrors.CloudNotFound], forgedRow.Errors);
        var unchanged = await w.Settings.GetAsync(w.Fiona);
        Assert.Equal("UTC", unchanged.TimeZoneId);
        Assert.All(unchanged.Clouds, c => Assert.Equal(NotificationFrequency.Instant, c.Frequency));

        Assert.True((await w.Settings.SaveAsync(w.Fiona, daily, " Europe/Berlin ")).Succeeded);
        var saved = await w.Settings.GetAsync(w.Fiona);
        Assert.Equal("Europe/Berlin", saved.TimeZoneId);
        Assert.Equal(NotificationFrequency.Daily, saved.Clouds.Single(c => c.CloudId == w.Globex).Frequency);
        await using var db = w.Db.CreateDbContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "notifications.timezone.update"));
    }

    [Fact]
    public async Task Rows_name_their_profile_only_when_the_memberships_belong_to_several_profiles()
    {
        await using var w = await NotificationWorld.CreateAsync();
        var one = await w.Settings.GetAsync(w.Fiona);
        var row = one.Clouds[0];
        var two = one with { Clouds = [row, row with { ProfileId = row.ProfileId + 1, ProfileName = "Another agency" }] };

        Assert.False(one.ShowsProfileNames);
        Assert.True(two.ShowsProfileNames);
        Assert.False(new NotificationSettingsView("UTC", []).ShowsProfileNames);
    }
}
