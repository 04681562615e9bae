using System.Net;
using AngleSharp.Html.Parser;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Web;

/// <summary>The visibility rule in the raw HTML the server sends, for every demo viewer and profile.</summary>
public sealed class ProfileVisibilityHttpTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Theory]
    [MemberData(nameof(DemoVisibility.Cases), MemberType = typeof(DemoVisibility))]
    public async Task Raw_html_shows_exactly_what_the_viewer_may_see(string viewer, string path)
    {
        var expected = DemoVisibility.For(viewer, path);
        var client = await app.ClientAsync(viewer);

        var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await new HtmlParser().ParseDocumentAsync(html);
        var panel = doc.QuerySelector("aside[aria-label='Talent Clouds']");
        if (!expected.PanelShown)
        {
            Assert.Null(panel);
            Assert.DoesNotContain("Talent Cloud", doc.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        }
        else
        {
            Assert.NotNull(panel);
            var badges = panel.QuerySelectorAll("li").Select(li => li.TextContent.Trim('☁', ' ', '\n')).ToList();
            var expectedBadges = expected.Names.Concat(expected.Masked ? ["Talent Cloud"] : []).Order().ToList();
            Assert.Equal(expectedBadges, badges.Order().ToList());
        }

        // No cloud name the viewer may not see appears anywhere in the response, markup and scripts included.
        foreach (var forbidden in DemoWorld.AllCloudNames.Except(expected.Names))
        {
            Assert.DoesNotContain(forbidden, html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("/freelancers/no-such-person")]
    [InlineData("/agencies/no-such-agency")]
    [InlineData("/agencies/fiona-park")]
    [InlineData("/freelancers/northwind-studio")]
    [InlineData("/freelancers/UPPER-case")]
    [InlineData("/freelancers/%3Cscript%3E")]
    [InlineData("/freelancers/a..b")]
    [InlineData("/freelancers/-")]
    public async Task Unknown_or_malformed_handles_give_a_404_page(string path)
    {
        var client = await app.ClientAsync(DemoVisibility.Visitor);
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_over_long_handle_gives_404_not_500()
    {
        var client = await app.ClientAsync(DemoWorld.MariaEmail);
        var response = await client.GetAsync("/freelancers/" + new string('a', 3000));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_profile_shows_the_person_to_visitors()
    {
        var client = await app.ClientAsync(DemoVisibility.Visitor);
        var html = await client.GetStringAsync(DemoVisibility.Fiona);
        var doc = await new HtmlParser().ParseDocumentAsync(html);
        Assert.Equal("Fiona Park", doc.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Fiona Park", doc.Title, StringComparison.Ordinal);
    }
}
