using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Data;
using TalentCloud.Core.Organizations;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Web;

/// <summary>The invitation link's page through real HTTP: the static form, antiforgery, signing in the new account.</summary>
public sealed class TeamJoinHttpTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task A_new_colleague_creates_their_account_through_the_link_and_lands_on_the_dashboard()
    {
        var token = await InviteAsync("dana.http@acme.test", OrganizationRole.Recruiter);
        var client = SignIn.AnonymousClient(app.Factory);
        var path = TeamInvitation.JoinPath(token);

        var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(path));
        var summary = string.Join(' ', page.QuerySelector("[data-testid=join-summary]")!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("Maria Lopez invited dana.http@acme.test to join Acme Corp as a recruiter.", summary);
        Assert.NotNull(page.QuerySelector("meta[name=description]"));
        Assert.Equal("dana.http@acme.test", page.QuerySelector("input#join-email")!.GetAttribute("value"));

        var response = await PostJoinAsync(client, path, "Dana Reed", "a long enough password", "a long enough password");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/org", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        // Signed in here as at the sign-in page, so this browser is remembered as the account's own device.
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(TalentCloud.Web.Security.KnownDevices.CookieName + "=", StringComparison.Ordinal));
        var dashboard = await client.GetAsync("/org");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("Acme Corp", await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mismatched_passwords_keep_the_form_and_create_nothing()
    {
        var token = await InviteAsync("eve.http@acme.test", OrganizationRole.HiringManager);
        var client = SignIn.AnonymousClient(app.Factory);
        var path = TeamInvitation.JoinPath(token);

        var response = await PostJoinAsync(client, path, "Eve Stone", "a long enough password", "another long password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The two passwords do not match.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "eve.http@acme.test"));
    }

    [Fact]
    public async Task A_signed_in_person_with_the_invited_address_accepts_and_another_account_is_told_which_address()
    {
        var token = await InviteAsync(DemoWorld.OmarEmail, OrganizationRole.Recruiter);
        var path = TeamInvitation.JoinPath(token);
        var lee = await SignIn.AsAsync(app.Factory, DemoWorld.LeeEmail);
        var omar = await SignIn.AsAsync(app.Factory, DemoWorld.OmarEmail);

        var wrong = await PostAcceptAsync(lee, path);
        var accepted = await PostAcceptAsync(omar, path);

        Assert.Contains(TeamErrors.WrongAccount(DemoWorld.OmarEmail), WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Contains("already been accepted", WebUtility.HtmlDecode(await omar.GetStringAsync(path)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_link_says_so_and_offers_no_form()
    {
        var html = WebUtility.HtmlDecode(await SignIn.AnonymousClient(app.Factory).GetStringAsync("/Account/JoinTeam?token=made-up"));

        Assert.Contains(TeamErrors.InvitationNotFound, html, StringComparison.Ordinal);
        Assert.DoesNotContain("join-password", html, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoWorld.Acme, html, StringComparison.Ordinal);
    }

    private async Task<string> InviteAsync(string email, OrganizationRole role)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var maria = await services.GetRequiredService<ActorLoader>().LoadAsync(await UserIdAsync(services, DemoWorld.MariaEmail));
        var result = await services.GetRequiredService<TeamService>().InviteAsync(maria, email, role);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        var db = services.GetRequiredService<AppDbContext>();
        var html = await db.OutboxEmails.Where(e => e.ToAddress == email).OrderByDescending(e => e.Id).Select(e => e.HtmlBody).FirstAsync();
        var start = html.IndexOf("token=", StringComparison.Ordinal) + "token=".Length;
        return Uri.UnescapeDataString(html[start..html.IndexOf('"', start)]);
    }

    private static async Task<string> UserIdAsync(IServiceProvider services, string email) =>
        await services.GetRequiredService<AppDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();

    private static async Task<HttpResponseMessage> PostJoinAsync(HttpClient client, string path, string name, string password, string confirm)
    {
        var antiforgery = await SignIn.AntiforgeryTokenAsync(client, path);
        return await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "join-team",
            ["__RequestVerificationToken"] = antiforgery,
            ["Input.Name"] = name,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = confirm,
        }));
    }

    private static async Task<HttpResponseMessage> PostAcceptAsync(HttpClient client, string path)
    {
        var antiforgery = await SignIn.AntiforgeryTokenAsync(client, path);
        return await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "accept-team",
            ["__RequestVerificationToken"] = antiforgery,
        }));
    }
}
