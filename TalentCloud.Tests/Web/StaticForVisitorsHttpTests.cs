using System.Net;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Web;

/// <summary>
/// Pages a visitor cannot act on are sent to visitors as plain HTML with no live component (no circuit is started for
/// them), while a signed-in viewer of the same page gets it interactive.
/// </summary>
public sealed class StaticForVisitorsHttpTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    // The prerendered marker of an interactive server component: present exactly when the page will open a circuit.
    private const string ServerComponentMarker = "\"type\":\"server\"";

    [Theory]
    [InlineData("/freelancers/fiona-park")]
    [InlineData("/agencies/northwind-studio")]
    [InlineData("/jobs")]
    [InlineData("/help")]
    public async Task A_visitor_gets_the_page_without_a_live_component(string path)
    {
        var html = await GetAsync(DemoVisibility.Visitor, path);
        Assert.DoesNotContain(ServerComponentMarker, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/freelancers/fiona-park")]
    [InlineData("/jobs")]
    public async Task A_signed_in_viewer_gets_the_same_page_live(string path)
    {
        var html = await GetAsync(DemoWorld.MariaEmail, path);
        Assert.Contains(ServerComponentMarker, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_visitor_sees_both_profile_sections_at_once()
    {
        // With no live connection the tabs could not switch, so the static profile shows About and Skills together.
        var html = await GetAsync(DemoVisibility.Visitor, "/freelancers/fiona-park");
        Assert.Contains(">About</h2>", html, StringComparison.Ordinal);
        Assert.Contains(">Skills</h2>", html, StringComparison.Ordinal);
        Assert.Contains("Swift", html, StringComparison.Ordinal);
        Assert.DoesNotContain("role=\"tab\"", html, StringComparison.Ordinal);
    }

    private async Task<string> GetAsync(string viewer, string path)
    {
        var client = await app.ClientAsync(viewer);
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
