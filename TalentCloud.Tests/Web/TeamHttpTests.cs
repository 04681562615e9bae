using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentCloud.Core.Data;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Web;

/// <summary>The team page and an offer awaiting approval per role: status codes and what the raw HTML may not contain.</summary>
public sealed class TeamHttpTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private async Task<(HttpStatusCode Status, string Html)> GetAsync(string viewer, string path)
    {
        var response = await (await app.ClientAsync(viewer)).GetAsync(path);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    private async Task<int> RitasOfferIdAsync()
    {
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Offers.Where(o => o.Title == DemoWorldSeeder.RitaOfferTitle).Select(o => o.Id).SingleAsync();
    }

    [Theory]
    [InlineData(DemoWorld.RajEmail)]
    [InlineData(DemoWorld.RitaEmail)]
    [InlineData(DemoWorld.FionaEmail)]
    [InlineData(DemoWorld.AdminEmail)]
    public async Task The_team_page_is_not_found_for_anyone_but_owners_and_sends_nothing_of_the_team(string viewer)
    {
        var (status, html) = await GetAsync(viewer, "/org/team");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.DoesNotContain(DemoWorldSeeder.PendingColleagueEmail, html, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoWorld.RitaEmail, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Owners_get_their_own_team_only()
    {
        var (acmeStatus, acme) = await GetAsync(DemoWorld.MariaEmail, "/org/team");
        var (globexStatus, globex) = await GetAsync(DemoWorld.HankEmail, "/org/team");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (acmeStatus, globexStatus));
        Assert.Contains(DemoWorldSeeder.PendingColleagueEmail, acme, StringComparison.Ordinal);
        Assert.Contains("Rita Gomez", acme, StringComparison.Ordinal);
        Assert.Contains("Hank Scorpio", globex, StringComparison.Ordinal);
        foreach (var absent in new[] { "Rita Gomez", "Raj Patel", DemoWorldSeeder.PendingColleagueEmail })
        {
            Assert.DoesNotContain(absent, globex, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Visitors_are_sent_to_sign_in_from_the_team_page()
    {
        var response = await (await app.ClientAsync(DemoVisibility.Visitor)).GetAsync("/org/team");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_offer_awaiting_approval_does_not_exist_for_its_freelancer_yet()
    {
        var id = await RitasOfferIdAsync();

        var (leeStatus, lee) = await GetAsync(DemoWorld.LeeEmail, $"/offers/{id}");
        var (_, myClouds) = await GetAsync(DemoWorld.LeeEmail, "/my/talent-clouds");
        var (rajStatus, raj) = await GetAsync(DemoWorld.RajEmail, $"/offers/{id}");

        Assert.Equal(HttpStatusCode.NotFound, leeStatus);
        Assert.DoesNotContain(DemoWorldSeeder.RitaOfferTitle, lee, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoWorldSeeder.RitaOfferTitle, myClouds, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, rajStatus);
        Assert.Contains("Awaiting approval", raj, StringComparison.Ordinal);
        Assert.Contains("drafted by a recruiter", raj, StringComparison.Ordinal);
        Assert.Contains("Approve and send", raj, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_sees_each_subscription_with_its_end_date()
    {
        var (status, html) = await GetAsync(DemoWorld.AdminEmail, "/admin/organizations?page=abc&name=%00");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Active until", html, StringComparison.Ordinal);
        Assert.Contains("No Enterprise subscription", html, StringComparison.Ordinal);
    }
}
