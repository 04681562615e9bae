using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentCloud.Core.Data;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Web;

/// <summary>What an outsider sees with plain HTTP: headers, foreign addresses, forged hosts, logout, health.</summary>
public sealed partial class EdgeHttpTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    /// <summary>The app bar's user menu, present only for a signed-in user.</summary>
    private const string SignedInMarker = "data-testid=\"signed-in-user\"";

    [GeneratedRegex("<script type=\"importmap\"[^>]*nonce=\"([^\"]+)\"")]
    private static partial Regex ImportMapNonce();

    [Fact]
    public async Task The_home_page_limits_scripts_to_the_site_and_forbids_framing()
    {
        var response = await SignIn.AnonymousClient(app.Factory).GetAsync("/");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var directives = csp.Split(';', StringSplitOptions.TrimEntries).ToDictionary(d => d.Split(' ')[0], d => d);
        Assert.StartsWith("script-src 'self' 'nonce-", directives["script-src"], StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", directives["script-src"], StringComparison.Ordinal);
        Assert.Equal("frame-ancestors 'none'", directives["frame-ancestors"]);
        Assert.Equal("default-src 'self'", directives["default-src"]);
        Assert.Equal("object-src 'none'", directives["object-src"]);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("camera=()", response.Headers.GetValues("Permissions-Policy").Single(), StringComparison.Ordinal);

        // The one inline script, the import map, carries this response's nonce; no other inline script is sent.
        var html = await response.Content.ReadAsStringAsync();
        var nonce = WebUtility.HtmlDecode(ImportMapNonce().Match(html).Groups[1].Value);
        Assert.Matches("^[A-Za-z0-9_-]{22}$", nonce);
        Assert.Contains($"'nonce-{nonce}'", directives["script-src"], StringComparison.Ordinal);
        Assert.Equal(1, Regex.Count(html, "<script(?![^>]*\\ssrc=)", RegexOptions.IgnoreCase));
    }

    [Fact]
    public async Task Every_response_gets_a_fresh_nonce()
    {
        var client = SignIn.AnonymousClient(app.Factory);
        var first = (await client.GetAsync("/jobs")).Headers.GetValues("Content-Security-Policy").Single();
        var second = (await client.GetAsync("/jobs")).Headers.GetValues("Content-Security-Policy").Single();
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task A_request_for_a_host_that_is_not_ours_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/ForgotPassword");
        request.Headers.Host = "evil.test";
        var response = await SignIn.AnonymousClient(app.Factory).SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.test")]
    [InlineData("//evil.test/path")]
    [InlineData("/\\evil.test")]
    [InlineData("javascript:alert(1)")]
    public async Task Signing_in_with_a_foreign_return_address_lands_on_the_home_page(string returnUrl)
    {
        var client = SignIn.AnonymousClient(app.Factory);
        var token = await SignIn.AntiforgeryTokenAsync(client, "/Account/Login");
        var response = await client.PostAsync($"/Account/Login?returnUrl={Uri.EscapeDataString(returnUrl)}", new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = token,
                ["Input.Email"] = DemoWorld.HankEmail,
                ["Input.Password"] = DemoWorld.Password,
            }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", SignIn.RedirectPath(response));
    }

    [Fact]
    public async Task A_local_return_address_is_kept()
    {
        var client = SignIn.AnonymousClient(app.Factory);
        var token = await SignIn.AntiforgeryTokenAsync(client, "/Account/Login");
        var response = await client.PostAsync("/Account/Login?returnUrl=%2Fjobs%3Fpage%3D2", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.Email"] = DemoWorld.HankEmail, ["Input.Password"] = DemoWorld.Password,
        }));
        Assert.Equal("/jobs?page=2", SignIn.RedirectPath(response));
    }

    [Fact]
    public async Task A_cross_site_logout_without_the_token_signs_nobody_out()
    {
        var client = await SignIn.AsAsync(app.Factory, DemoWorld.CarlEmail);
        var forged = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains(SignedInMarker, await client.GetStringAsync("/"), StringComparison.Ordinal);

        var token = await SignIn.AntiforgeryTokenAsync(client, "/");
        var real = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, real.StatusCode);
        Assert.DoesNotContain(SignedInMarker, await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_answers_when_the_database_is_reachable()
    {
        var response = await SignIn.AnonymousClient(app.Factory).GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_queued_e_mail_links_only_to_the_configured_public_address()
    {
        // Produce the account e-mails too, then read everything the outbox holds (the demo world's notifications included).
        var client = SignIn.AnonymousClient(app.Factory);
        var token = await SignIn.AntiforgeryTokenAsync(client, "/Account/ForgotPassword");
        await client.PostAsync("/Account/ForgotPassword", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "forgot-password", ["__RequestVerificationToken"] = token, ["Input.Email"] = DemoWorld.NinaEmail,
        }));
        var dbFactory = app.Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await OutboxLinks.LatestAsync(dbFactory, DemoWorld.NinaEmail, "Account/ResetPassword");

        await using var db = await dbFactory.CreateDbContextAsync();
        var bodies = await db.OutboxEmails.Select(m => m.HtmlBody).ToListAsync();
        var links = bodies.SelectMany(OutboxLinks.In).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.StartsWith(TalentCloudAppFactory.PublicBaseUrl, link, StringComparison.Ordinal));
    }
}
