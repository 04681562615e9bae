using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Web;

/// <summary>
/// The dark-theme switch over plain HTTP (antiforgery, the cookie, the stored choice, the first paint). Hand-edited
/// query values are tried by the address fuzz test.
/// </summary>
public sealed partial class ThemeAndQueryHttpTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private const string DarkBackground = "--mud-palette-background: rgba(18,22,29,1);";
    private const string LightBackground = "--mud-palette-background: rgba(245,247,251,1);";

    [GeneratedRegex("TalentCloud\\.Theme=(\\w+)")]
    private static partial Regex ThemeCookie();

    private HttpClient NewClient() =>
        app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<HttpResponseMessage> SwitchAsync(HttpClient client, string theme, string returnUrl, bool withToken = true)
    {
        var fields = new Dictionary<string, string> { ["theme"] = theme, ["returnUrl"] = returnUrl };
        if (withToken)
        {
            fields["__RequestVerificationToken"] = await SignIn.AntiforgeryTokenAsync(client, "/");
        }

        return await client.PostAsync("/preferences/theme", new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task A_visitor_switching_to_dark_gets_a_cookie_and_a_dark_first_paint()
    {
        var client = NewClient();
        Assert.Contains(LightBackground, await client.GetStringAsync("/jobs"), StringComparison.Ordinal);

        var response = await SwitchAsync(client, "dark", "/jobs?page=2");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/jobs?page=2", response.Headers.Location!.OriginalString);
        Assert.Equal("dark", ThemeCookie().Match(string.Join(";", response.Headers.GetValues("Set-Cookie"))).Groups[1].Value);

        var html = await client.GetStringAsync("/jobs");
        Assert.Contains(DarkBackground, html, StringComparison.Ordinal);
        Assert.Contains("aria-pressed=\"true\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_switch_refuses_a_post_without_the_antiforgery_token()
    {
        var client = NewClient();
        var response = await SwitchAsync(client, "dark", "/", withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && ThemeCookie().IsMatch(string.Join(";", response.Headers.GetValues("Set-Cookie"))));
    }

    [Theory]
    [InlineData("//evil.test/")]
    [InlineData("/\\evil.test")]
    [InlineData("https://evil.test/")]
    [InlineData("/\t/evil.test")]
    public async Task The_switch_only_returns_to_pages_of_this_site(string returnUrl)
    {
        var response = await SwitchAsync(NewClient(), "dark", returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_signed_in_choice_follows_the_user_to_another_browser_and_survives_signing_out()
    {
        var first = await SignIn.AsAsync(app.Factory, DemoWorld.LeeEmail);
        Assert.Equal(HttpStatusCode.Redirect, (await SwitchAsync(first, "dark", "/")).StatusCode);

        // Another browser (no theme cookie): signing in brings the stored choice.
        var second = await SignIn.AsAsync(app.Factory, DemoWorld.LeeEmail);
        Assert.Contains(DarkBackground, await second.GetStringAsync("/"), StringComparison.Ordinal);

        // Signing out keeps the browser's cookie: the visitor's pages stay dark.
        var token = await SignIn.AntiforgeryTokenAsync(first, "/Account/Manage");
        await first.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        var asVisitor = await first.GetStringAsync("/");
        Assert.Contains("Join TalentCloud", asVisitor, StringComparison.Ordinal);
        Assert.Contains(DarkBackground, asVisitor, StringComparison.Ordinal);

        // Back to light in one browser: the account follows.
        Assert.Equal(HttpStatusCode.Redirect, (await SwitchAsync(second, "light", "/")).StatusCode);
        var third = await SignIn.AsAsync(app.Factory, DemoWorld.LeeEmail);
        Assert.Contains(LightBackground, await third.GetStringAsync("/"), StringComparison.Ordinal);
    }
}
