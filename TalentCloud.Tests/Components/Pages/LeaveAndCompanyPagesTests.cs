using Bunit;
using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Removals;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;
using TalentCloud.Web.Components.Pages.Organizations;
using TalentCloud.Web.Components.Pages.Removals;
using TalentCloud.Web.Components.Shared.Actions;

namespace TalentCloud.Tests.Components.Pages;

/// <summary>Leaving a cloud and downloading one's data; the organisation owner's company description.</summary>
public sealed class LeaveAndCompanyPagesTests : ComponentTestBase
{
    private const string DownloadModule = "./Components/Shared/Actions/DownloadButton.razor.js";

    private async Task<string> AcmeDescriptionAsync()
    {
        await using var db = Db.CreateDbContext();
        return await db.Organizations.Where(o => o.Name == DemoWorld.Acme).Select(o => o.Description).SingleAsync();
    }

    [Fact]
    public async Task A_member_sees_each_own_cloud_with_its_removal_controls()
    {
        await SignInAsAsync(DemoWorld.FionaEmail);
        var cut = Render<LeaveTalentCloudPage>();
        var items = cut.FindAll("li.membership-item");
        Assert.Equal([DemoWorld.AcmeMobile, DemoWorld.GlobexDesign], items.Select(i => i.QuerySelector("h2")!.TextContent.Trim()).Order());
        Assert.All(items, i => Assert.Contains("Notifications: Instant", i.TextContent, StringComparison.Ordinal));
        Assert.Equal(2, cut.FindAll("button").Count(b => b.TextContent.Trim() == "Request removal"));
        Assert.DoesNotContain(DemoWorld.AcmeData, cut.Markup, StringComparison.Ordinal);
        Assert.Equal("Download my data", cut.FindAll("button").Last().TextContent.Trim());
    }

    [Fact]
    public async Task A_waiting_request_shows_as_requested_with_cancel_and_no_second_request()
    {
        await SignInAsAsync(DemoWorld.NinaEmail);
        var cut = Render<LeaveTalentCloudPage>();
        var item = Assert.Single(cut.FindAll("li.membership-item"));
        Assert.Contains("Removal requested", item.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Cancel removal request"], item.QuerySelectorAll("button").Select(b => b.TextContent.Trim()));
    }

    [Fact]
    public async Task Without_memberships_the_page_says_how_to_join_and_still_offers_the_data()
    {
        await SignInAsAsync(DemoWorld.OmarEmail);
        var cut = Render<LeaveTalentCloudPage>();
        Assert.Contains("You do not belong to any Talent Cloud.", cut.Find("[data-testid=empty-state]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("li.membership-item"));
        Assert.Single(cut.FindAll("button"), b => b.TextContent.Trim() == "Download my data");
    }

    [Fact]
    public async Task Sending_a_removal_request_from_the_page_files_it_and_shows_it_waiting()
    {
        var host = RenderProviders();
        await SignInAsAsync(DemoWorld.FionaEmail);
        var cut = Render<LeaveTalentCloudPage>();
        var globex = cut.FindAll("li.membership-item").Single(i => i.TextContent.Contains(DemoWorld.GlobexDesign, StringComparison.Ordinal));
        globex.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Request removal").Click();
        host.WaitForElement("[role=dialog]");
        host.FindAll("[role=dialog] button").Single(b => b.TextContent.Trim() == "Send removal request").Click();

        cut.WaitForAssertion(() => Assert.Contains("Removal requested",
            cut.FindAll("li.membership-item").Single(i => i.TextContent.Contains(DemoWorld.GlobexDesign, StringComparison.Ordinal)).TextContent, StringComparison.Ordinal));
        await using var db = Db.CreateDbContext();
        Assert.Equal(2, await db.RemovalRequests.CountAsync(r => r.Status == RemovalStatus.Pending)); // nina's and fiona's
    }

    [Fact]
    public async Task Downloading_the_data_shows_progress_until_the_browser_has_it_and_announces_it()
    {
        RenderProviders();
        var module = JSInterop.SetupModule(DownloadModule);
        var download = module.Setup<int>("download", "/my/data/export");
        await SignInAsAsync(DemoWorld.FionaEmail);
        var cut = Render<LeaveTalentCloudPage>();
        var button = () => cut.FindAll("button").Single(b => b.TextContent.Trim() == "Download my data");

        button().Click();
        cut.WaitForAssertion(() => Assert.Equal("true", button().GetAttribute("aria-busy")));
        download.SetResult(200);

        cut.WaitForAssertion(() => Assert.Contains("Your data was downloaded.", Snackbars()));
        Assert.Null(button().GetAttribute("aria-busy"));
        Assert.Single(module.Invocations, i => i.Identifier == "download");
    }

    [Fact]
    public async Task A_refused_download_is_explained_beside_the_button()
    {
        RenderProviders();
        JSInterop.SetupModule(DownloadModule).Setup<int>("download", "/my/data/export").SetResult(429);
        await SignInAsAsync(DemoWorld.FionaEmail);
        var cut = Render<LeaveTalentCloudPage>();
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Download my data").Click();

        cut.WaitForAssertion(() => Assert.Contains(DownloadButton.TooManyDownloads, cut.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        Assert.Empty(Snackbars());
    }

    [Theory]
    [InlineData(DemoWorld.MariaEmail, DemoWorld.Acme, true)]
    [InlineData(DemoWorld.CarlEmail, DemoWorld.Initech, false)]
    public async Task The_owner_edits_the_description_with_the_badge_only_for_enterprise(string email, string organization, bool enterprise)
    {
        await SignInAsAsync(email);
        var cut = Render<OrganizationProfilePage>();
        Assert.Contains(organization, cut.Find("h1").TextContent, StringComparison.Ordinal);
        Assert.Equal(enterprise, cut.FindAll("h1 [aria-label='Verified Enterprise client']").Count == 1);
        Assert.Single(cut.FindAll("textarea"));
        Assert.Single(cut.FindAll("button"), b => b.TextContent.Trim() == "Save description");
    }

    [Theory]
    [InlineData(DemoWorld.RajEmail)]
    [InlineData(DemoWorld.FionaEmail)]
    [InlineData(DemoWorld.AdminEmail)]
    public async Task Nobody_but_an_owner_gets_the_form(string email)
    {
        await SignInAsAsync(email);
        var cut = Render<OrganizationProfilePage>();
        Assert.Empty(cut.FindAll("textarea, button, h1"));
        Assert.DoesNotContain("Acme", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contact_detail_is_refused_beside_the_form_and_the_text_stays()
    {
        RenderProviders();
        await SignInAsAsync(DemoWorld.MariaEmail);
        var before = await AcmeDescriptionAsync();
        var cut = Render<OrganizationProfilePage>();
        cut.Find("textarea").Input("Acme builds apps. Write to hiring@acme.test");
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Save description").Click();

        cut.WaitForAssertion(() => Assert.Contains("contains an e-mail address", cut.Find("[data-testid=description-error]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Acme builds apps. Write to hiring@acme.test", cut.Find("textarea").GetAttribute("value") ?? cut.Find("textarea").TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await AcmeDescriptionAsync());
        Assert.Empty(Snackbars());
    }

    [Fact]
    public async Task A_clean_description_is_saved_for_the_owner_and_announced()
    {
        RenderProviders();
        await SignInAsAsync(DemoWorld.MariaEmail);
        var cut = Render<OrganizationProfilePage>();
        cut.Find("textarea").Input("Acme builds the apps its customers use every day.");
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Save description").Click();

        cut.WaitForAssertion(() => Assert.Contains("Description saved.", Snackbars()));
        Assert.Equal("Acme builds the apps its customers use every day.", await AcmeDescriptionAsync());
        Assert.Empty(cut.FindAll("[data-testid=description-error]"));
    }
}
