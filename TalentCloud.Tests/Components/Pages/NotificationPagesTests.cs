using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentCloud.Core.Data;
using TalentCloud.Core.Notifications;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;
using TalentCloud.Web.Components.Pages.Notifications;
using TalentCloud.Web.Components.Pages.Settings;

namespace TalentCloud.Tests.Components.Pages;

/// <summary>The notification centre (filters in the address, marking read, live items) and the per-cloud settings.</summary>
public sealed class NotificationPagesTests : ComponentTestBase
{
    private async Task<IRenderedComponent<NotificationsPage>> CentreAsync(string email, string address = "/notifications")
    {
        await SignInAsAsync(email);
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        return Render<NotificationsPage>();
    }

    private async Task<int> CloudIdAsync(string name)
    {
        await using var db = Db.CreateDbContext();
        return await db.Clouds.Where(c => c.Name == name).Select(c => c.Id).SingleAsync();
    }

    private async Task<int> UnreadAsync(string email)
    {
        var userId = (await ActorAsync(email)).UserId;
        await using var db = Db.CreateDbContext();
        return await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null);
    }

    /// <summary>Posts a cloud job's notification the way the jobs feature does: inside a committed transaction of the app's own context.</summary>
    private async Task PostCloudJobAsync(string cloudName, string title)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var cloudId = await db.Clouds.Where(c => c.Name == cloudName).Select(c => c.Id).SingleAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await NotificationEvents.CloudJobPostedAsync(db, cloudId, cloudName, 7001, title, Db.Clock.GetUtcNow());
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    [Fact]
    public async Task The_centre_filters_by_the_members_own_active_clouds_only_in_a_get_form()
    {
        var fiona = await CentreAsync(DemoWorld.FionaEmail);
        var form = fiona.Find("form[role=search]");
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal(["", DemoWorld.AcmeMobile, DemoWorld.GlobexDesign],
            fiona.FindAll("select[name=cloud] option").Select(o => o.GetAttribute("value") == "" ? "" : o.TextContent.Trim()).Order());
        Assert.DoesNotContain(DemoWorld.AcmeData, fiona.Markup, StringComparison.Ordinal);
        Assert.Equal("1 unread", fiona.Find("[data-testid=unread-summary]").TextContent.Trim());
        Assert.Single(fiona.FindAll("[data-testid=notification][data-state=unread]"));

        var lee = await CentreAsync(DemoWorld.LeeEmail);
        Assert.Equal([DemoWorld.AcmeData], lee.FindAll("select[name=cloud] option[value]:not([value=''])").Select(o => o.TextContent.Trim()));
        Assert.DoesNotContain(DemoWorld.AcmeMobile, lee.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cloud_that_is_not_the_members_is_not_found_and_lists_nothing()
    {
        var cut = await CentreAsync(DemoWorld.FionaEmail, $"/notifications?cloud={await CloudIdAsync(DemoWorld.AcmeData)}");
        Assert.Contains(NotificationErrors.CloudNotFound, cut.Find("[role=alert]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=notification]"));
        Assert.DoesNotContain(DemoWorld.AcmeData, cut.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/notifications?cloud=abc&unread=maybe&page=-1")]
    [InlineData("/notifications?cloud=99999999999999&page=99999999999999999999")]
    public async Task Malformed_filters_fall_back_to_the_whole_centre(string address)
    {
        var cut = await CentreAsync(DemoWorld.FionaEmail, address);
        Assert.Single(cut.FindAll("[data-testid=notification]"));
        Assert.Empty(cut.FindAll("[role=alert]"));
    }

    [Fact]
    public async Task Unread_only_with_nothing_unread_shows_the_filtered_empty_state()
    {
        await Services.GetRequiredService<NotificationCentreService>().MarkAllReadAsync(await ActorAsync(DemoWorld.FionaEmail));
        var cut = await CentreAsync(DemoWorld.FionaEmail, "/notifications?unread=1");
        Assert.Equal("No notifications match this filter.", cut.Find("[data-testid=empty-state]").TextContent.Trim());
        Assert.NotNull(cut.Find("input[name=unread][checked]"));
    }

    [Fact]
    public async Task Marking_one_read_acts_for_the_member_and_mark_all_is_announced()
    {
        RenderProviders();
        await PostCloudJobAsync(DemoWorld.GlobexDesign, "Icon set for the control room");
        var cut = await CentreAsync(DemoWorld.FionaEmail);
        Assert.Equal(2, await UnreadAsync(DemoWorld.FionaEmail));

        cut.Find("button[aria-label='Mark read: New job in Globex Design Collective: Icon set for the control room']").Click();
        cut.WaitForAssertion(() => Assert.Equal("1 unread", cut.Find("[data-testid=unread-summary]").TextContent.Trim()));
        Assert.Equal(1, await UnreadAsync(DemoWorld.FionaEmail));

        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Mark all read").Click();
        cut.WaitForAssertion(() => Assert.Contains("1 notification marked read.", Snackbars()));
        Assert.Equal(0, await UnreadAsync(DemoWorld.FionaEmail));
        Assert.Equal(1, await UnreadAsync(DemoWorld.NinaEmail)); // someone else's items are untouched
    }

    [Fact]
    public async Task A_cloud_job_alert_appears_in_the_open_centre_without_reload()
    {
        var cut = await CentreAsync(DemoWorld.FionaEmail);
        await PostCloudJobAsync(DemoWorld.AcmeMobile, "Live Kotlin contract");
        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll("[data-testid=notification][data-state=unread]"),
            n => n.TextContent.Contains("Live Kotlin contract", StringComparison.Ordinal)));
        Assert.Equal("2 unread", cut.Find("[data-testid=unread-summary]").TextContent.Trim());
    }

    [Fact]
    public async Task Settings_list_the_members_active_clouds_without_profile_names()
    {
        await SignInAsAsync(DemoWorld.FionaEmail);
        var cut = Render<NotificationSettingsPage>();
        Assert.Equal([DemoWorld.AcmeMobile, DemoWorld.GlobexDesign], cut.FindAll("tr[data-testid=cloud-setting]").Select(r => r.GetAttribute("data-cloud")));
        Assert.DoesNotContain(DemoWorld.AcmeData, cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("(Fiona Park)", cut.Markup, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("nav[aria-label=Breadcrumb] [aria-current=page]"));
    }

    [Theory]
    [InlineData(DemoWorld.HankEmail)]
    [InlineData(DemoWorld.OmarEmail)]
    public async Task Without_an_active_membership_settings_show_the_empty_state(string email)
    {
        await SignInAsAsync(email);
        var cut = Render<NotificationSettingsPage>();
        Assert.Contains("not an active member of any Talent Cloud", cut.Find("[data-testid=empty-state]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("tr[data-testid=cloud-setting]"));
        foreach (var cloud in DemoWorld.AllCloudNames)
        {
            Assert.DoesNotContain(cloud, cut.Markup, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Saving_stores_the_members_choice_and_announces_it()
    {
        RenderProviders();
        await SignInAsAsync(DemoWorld.FionaEmail);
        var cut = Render<NotificationSettingsPage>();
        cut.Find($"tr[data-cloud='{DemoWorld.GlobexDesign}'] input[type=checkbox]").Change(true);
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Save settings").Click();

        cut.WaitForAssertion(() => Assert.Contains("Your notification settings are saved.", Snackbars()));
        var globex = await CloudIdAsync(DemoWorld.GlobexDesign);
        await using var db = Db.CreateDbContext();
        var settings = await db.CloudNotificationSettings.ToDictionaryAsync(s => s.CloudId);
        Assert.True(settings[globex].Prioritised);
        Assert.All(settings.Values.Where(s => s.CloudId != globex), s => Assert.False(s.Prioritised));
        Assert.All(settings.Values, s => Assert.Equal(NotificationFrequency.Instant, s.Frequency));
    }

    [Fact]
    public async Task A_membership_gone_since_loading_is_refused_beside_the_form_and_nothing_is_saved()
    {
        RenderProviders();
        await SignInAsAsync(DemoWorld.FionaEmail);
        var cut = Render<NotificationSettingsPage>();
        cut.Find($"tr[data-cloud='{DemoWorld.AcmeMobile}'] input[type=checkbox]").Change(true);
        var globex = await CloudIdAsync(DemoWorld.GlobexDesign);
        var fionaProfile = (await ActorAsync(DemoWorld.FionaEmail)).ProfileIds[0];
        await using (var db = Db.CreateDbContext())
        {
            await db.CloudMemberships.Where(m => m.CloudId == globex && m.ProfileId == fionaProfile).ExecuteDeleteAsync();
        }

        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Save settings").Click();

        cut.WaitForAssertion(() => Assert.Contains(NotificationErrors.CloudNotFound, cut.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        await using var check = Db.CreateDbContext();
        Assert.Empty(await check.CloudNotificationSettings.ToListAsync());
        Assert.Empty(Snackbars());
    }
}
