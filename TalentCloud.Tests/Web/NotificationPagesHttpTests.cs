using System.Net;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Web;

/// <summary>The notification pages over raw HTTP: sign-in required, and only the viewer's own Active clouds by name.</summary>
public sealed class NotificationPagesHttpTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Theory]
    [InlineData("/settings/notifications")]
    [InlineData("/notifications")]
    public async Task A_visitor_is_sent_to_sign_in(string path)
    {
        var response = await (await app.ClientAsync(DemoVisibility.Visitor)).GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_list_the_members_own_active_clouds_only()
    {
        var html = WebUtility.HtmlDecode(await (await app.ClientAsync(DemoWorld.FionaEmail)).GetStringAsync("/settings/notifications"));
        Assert.Contains("Groups & Invitations", html, StringComparison.Ordinal);
        Assert.Contains(DemoWorld.AcmeMobile, html, StringComparison.Ordinal);
        Assert.Contains(DemoWorld.GlobexDesign, html, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoWorld.AcmeData, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pending_membership_is_not_offered_in_settings_or_the_centre_filter()
    {
        var client = await app.ClientAsync(DemoWorld.LeeEmail);
        foreach (var path in new[] { "/settings/notifications", "/notifications" })
        {
            var html = WebUtility.HtmlDecode(await client.GetStringAsync(path));
            Assert.DoesNotContain(DemoWorld.AcmeMobile, html, StringComparison.Ordinal);
            Assert.DoesNotContain(DemoWorld.GlobexDesign, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_client_without_memberships_sees_the_empty_state()
    {
        var html = WebUtility.HtmlDecode(await (await app.ClientAsync(DemoWorld.HankEmail)).GetStringAsync("/settings/notifications"));
        Assert.Contains("not an active member of any Talent Cloud", html, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoWorld.GlobexDesign, html, StringComparison.Ordinal);
    }
}
