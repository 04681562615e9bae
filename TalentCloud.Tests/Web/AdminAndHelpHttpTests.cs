using System.Net;
using TalentCloud.Core.Help;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Web;

/// <summary>The admin area, the leave page, the help centre and the data download over plain HTTP, per demo role.</summary>
public sealed class AdminAndHelpHttpTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    public static TheoryData<string, string> NonAdminsOnAdminPages()
    {
        var data = new TheoryData<string, string>();
        foreach (var viewer in DemoVisibility.Viewers.Where(v => v != DemoWorld.AdminEmail))
        {
            foreach (var path in new[] { "/admin", "/admin/removals", "/admin/support", "/admin/audit", "/admin/organizations", "/admin/outbox" })
            {
                data.Add(viewer, path);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(NonAdminsOnAdminPages))]
    public async Task Everyone_but_an_admin_gets_the_404_page_and_no_admin_data(string viewer, string path)
    {
        var client = await app.ClientAsync(viewer);

        var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
        Assert.DoesNotContain("We are moving the studio", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Two of our project leads", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Removal requests", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin", "Pending removal requests")]
    [InlineData("/admin/removals", "We are moving the studio away from client work for Acme.")]
    [InlineData("/admin/support", "Two of our project leads should be able to answer invitations")]
    [InlineData("/admin/audit", "removal.requested")]
    [InlineData("/admin/organizations", DemoWorld.Initech)]
    [InlineData("/admin/outbox", DemoWorld.FionaEmail)]
    public async Task The_admin_sees_the_admin_pages(string path, string expected)
    {
        var client = await app.ClientAsync(DemoWorld.AdminEmail);

        var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_queue_shows_member_full_cloud_name_organisation_and_age()
    {
        var client = await app.ClientAsync(DemoWorld.AdminEmail);
        var html = await client.GetStringAsync("/admin/removals");

        Assert.Contains("Northwind Studio", html, StringComparison.Ordinal);
        Assert.Contains(DemoWorld.AcmeMobile, html, StringComparison.Ordinal);
        Assert.Contains(DemoWorld.Acme, html, StringComparison.Ordinal);
        Assert.Contains("2 days", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoWorld.NinaEmail, new[] { DemoWorld.AcmeMobile })]
    [InlineData(DemoWorld.FionaEmail, new[] { DemoWorld.AcmeMobile, DemoWorld.GlobexDesign })]
    [InlineData(DemoWorld.LeeEmail, new[] { DemoWorld.AcmeData, DemoWorld.AcmeMobile })]
    [InlineData(DemoWorld.OmarEmail, new string[0])]
    [InlineData(DemoWorld.MariaEmail, new string[0])]
    public async Task The_leave_page_lists_only_the_members_own_clouds(string viewer, string[] own)
    {
        var client = await app.ClientAsync(viewer);
        var html = await client.GetStringAsync("/my/talent-clouds/leave");

        foreach (var name in own)
        {
            Assert.Contains(name, html, StringComparison.Ordinal);
        }

        foreach (var name in DemoWorld.AllCloudNames.Except(own))
        {
            Assert.DoesNotContain(name, html, StringComparison.OrdinalIgnoreCase);
        }

        if (viewer == DemoWorld.NinaEmail)
        {
            Assert.Contains("Removal requested", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_leave_page_asks_a_visitor_to_sign_in()
    {
        var response = await (await app.ClientAsync(DemoVisibility.Visitor)).GetAsync("/my/talent-clouds/leave");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    // Lee sees the cloud of Globex's offer to him, omar the cloud of his pending invitation.
    [InlineData(DemoWorld.LeeEmail, new[] { DemoWorld.AcmeData, DemoWorld.AcmeMobile, DemoWorld.GlobexDesign })]
    [InlineData(DemoWorld.NinaEmail, new[] { DemoWorld.AcmeMobile })]
    [InlineData(DemoWorld.OmarEmail, new[] { DemoWorld.AcmeData })]
    [InlineData(DemoWorld.HankEmail, new string[0])]
    public async Task Download_my_data_returns_a_json_file_with_only_visible_cloud_names(string viewer, string[] own)
    {
        var client = await app.ClientAsync(viewer);

        var response = await client.GetAsync("/my/data/export");
        var json = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains(viewer, json, StringComparison.Ordinal);
        foreach (var name in own)
        {
            Assert.Contains(name, json, StringComparison.Ordinal);
        }

        foreach (var name in DemoWorld.AllCloudNames.Except(own))
        {
            Assert.DoesNotContain(name, json, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Download_my_data_needs_sign_in()
    {
        var response = await (await app.ClientAsync(DemoVisibility.Visitor)).GetAsync("/my/data/export");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoVisibility.Visitor)]
    [InlineData(DemoWorld.FionaEmail)]
    [InlineData(DemoWorld.MariaEmail)]
    public async Task The_help_centre_is_open_to_everyone_and_links_every_article(string viewer)
    {
        var client = await app.ClientAsync(viewer);
        var html = await client.GetStringAsync("/help?for=everyone");

        foreach (var article in HelpService.Articles)
        {
            Assert.Contains($"href=\"{article.Url}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("href=\"/help\"", html, StringComparison.Ordinal);
        var page = await client.GetStringAsync(HelpArticles.Find(HelpArticles.Leaving)!.Url);
        Assert.Contains("Was this article helpful?", page, StringComparison.Ordinal);
        Assert.Contains("out of", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_article_is_a_404()
    {
        var response = await (await app.ClientAsync(DemoVisibility.Visitor)).GetAsync("/help/no-such-article");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(DemoWorld.FionaEmail, HelpArticles.BusinessEntityTypes, HelpArticles.HiringFromAProposal)]
    [InlineData(DemoWorld.MariaEmail, HelpArticles.HiringFromAProposal, HelpArticles.BusinessEntityTypes)]
    public async Task The_help_centre_opens_on_the_readers_audience(string viewer, string shown, string notShown)
    {
        var html = await (await app.ClientAsync(viewer)).GetStringAsync("/help");

        Assert.Contains($"href=\"/help/{shown}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/help/{notShown}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_support_page_needs_a_sign_in_and_shows_only_ones_own_requests()
    {
        var visitor = await (await app.ClientAsync(DemoVisibility.Visitor)).GetAsync("/support");
        Assert.Equal(HttpStatusCode.Redirect, visitor.StatusCode);
        Assert.Contains("/Account/Login", visitor.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var lee = await (await app.ClientAsync(DemoWorld.LeeEmail)).GetStringAsync("/support");
        Assert.Contains("You have not sent any support requests.", lee, StringComparison.Ordinal);
        Assert.DoesNotContain("Two of our project leads", lee, StringComparison.Ordinal);
        var nina = await (await app.ClientAsync(DemoWorld.NinaEmail)).GetStringAsync("/support");
        Assert.Contains("Two of our project leads", nina, StringComparison.Ordinal);
    }
}
