using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentCloud.Core.Data;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Web;

/// <summary>The joining pages per role: status codes and what the raw HTML may and may not contain.</summary>
public sealed class JoiningHttpTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private async Task<(int AcmeData, int GlobexDesign, int LeesOffer)> IdsAsync()
    {
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return (await db.Clouds.Where(c => c.Name == DemoWorld.AcmeData).Select(c => c.Id).SingleAsync(),
            await db.Clouds.Where(c => c.Name == DemoWorld.GlobexDesign).Select(c => c.Id).SingleAsync(),
            await db.Offers.Where(o => o.Title == DemoWorldSeeder.LeeOfferTitle).Select(o => o.Id).SingleAsync());
    }

    private async Task<(HttpStatusCode Status, string Html)> GetAsync(string viewer, string path)
    {
        var response = await (await app.ClientAsync(viewer)).GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(DemoWorld.CarlEmail, "/org/clouds")]
    [InlineData(DemoWorld.CarlEmail, "/org/offers/new")]
    [InlineData(DemoWorld.OmarEmail, "/org")]
    [InlineData(DemoWorld.OmarEmail, "/org/clouds")]
    [InlineData(DemoWorld.MariaEmail, "/my/talent-clouds")]
    [InlineData(DemoWorld.CarlEmail, "/settings/profile")]
    [InlineData(DemoWorld.HankEmail, "/settings/profile")]
    public async Task Pages_of_another_role_are_not_found(string viewer, string path)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(viewer, path)).Status);
    }

    [Theory]
    [InlineData("/my/talent-clouds")]
    [InlineData("/org")]
    [InlineData("/org/clouds")]
    [InlineData("/settings/profile")]
    public async Task Visitors_are_sent_to_sign_in(string path)
    {
        var response = await (await app.ClientAsync(DemoVisibility.Visitor)).GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_organisations_cloud_is_not_found_and_its_name_is_never_sent()
    {
        var ids = await IdsAsync();
        var (status, html) = await GetAsync(DemoWorld.HankEmail, $"/org/clouds/{ids.AcmeData}");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.DoesNotContain(DemoWorld.AcmeData, html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(DemoWorld.CarlEmail, $"/org/clouds/{ids.GlobexDesign}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(DemoWorld.LeeEmail, $"/org/clouds/{ids.GlobexDesign}")).Status);
    }

    [Fact]
    public async Task Hiring_manager_sees_members_and_criteria_of_their_cloud()
    {
        var ids = await IdsAsync();
        var (status, html) = await GetAsync(DemoWorld.RajEmail, $"/org/clouds/{ids.AcmeData}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Lee Chen", html, StringComparison.Ordinal);
        Assert.Contains("Skills: SQL", html, StringComparison.Ordinal);
        // Raj is a hiring manager, not the owner: no criteria or name form.
        Assert.DoesNotContain("Save criteria", html, StringComparison.Ordinal);
        Assert.Contains("Save criteria", (await GetAsync(DemoWorld.MariaEmail, $"/org/clouds/{ids.AcmeData}")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ordinary_client_dashboard_has_no_cloud_content()
    {
        var (status, html) = await GetAsync(DemoWorld.CarlEmail, "/org");
        Assert.Equal(HttpStatusCode.OK, status);
        var main = html[html.IndexOf("<main", StringComparison.Ordinal)..];
        Assert.DoesNotContain("Talent Cloud", main, StringComparison.Ordinal);
        Assert.DoesNotContain("/org/clouds", html, StringComparison.Ordinal);
        foreach (var name in DemoWorld.AllCloudNames)
        {
            Assert.DoesNotContain(name, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Enterprise_dashboard_shows_only_its_own_clouds_with_counts()
    {
        var (status, html) = await GetAsync(DemoWorld.HankEmail, "/org");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(DemoWorld.GlobexDesign, html, StringComparison.Ordinal);
        Assert.Contains(DemoWorldSeeder.LeeOfferTitle, html, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoWorld.AcmeData, html, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoWorld.AcmeMobile, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_offer_is_seen_only_by_its_two_sides()
    {
        var ids = await IdsAsync();
        var (leeStatus, leeHtml) = await GetAsync(DemoWorld.LeeEmail, $"/offers/{ids.LeesOffer}");
        Assert.Equal(HttpStatusCode.OK, leeStatus);
        Assert.Contains("waiting for your consent", leeHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(DemoWorld.HankEmail, $"/offers/{ids.LeesOffer}")).Status);
        foreach (var outsider in new[] { DemoWorld.MariaEmail, DemoWorld.FionaEmail, DemoWorld.CarlEmail, DemoWorld.OmarEmail })
        {
            var (status, html) = await GetAsync(outsider, $"/offers/{ids.LeesOffer}");
            Assert.Equal(HttpStatusCode.NotFound, status);
            Assert.DoesNotContain(DemoWorldSeeder.LeeOfferTitle, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task My_talent_clouds_lists_own_memberships_invitations_and_offers()
    {
        var (_, omar) = await GetAsync(DemoWorld.OmarEmail, "/my/talent-clouds");
        Assert.Contains(DemoWorld.AcmeData, omar, StringComparison.Ordinal);
        Assert.Contains("Missing required skill: SQL", omar, StringComparison.Ordinal);

        var (_, lee) = await GetAsync(DemoWorld.LeeEmail, "/my/talent-clouds");
        Assert.Contains(DemoWorld.AcmeData, lee, StringComparison.Ordinal);
        Assert.Contains(DemoWorld.AcmeMobile, lee, StringComparison.Ordinal); // his own pending membership
        Assert.Contains(DemoWorldSeeder.LeeOfferTitle, lee, StringComparison.Ordinal);
        Assert.DoesNotContain("Omar", lee, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invite_action_is_offered_only_to_enterprise_people()
    {
        Assert.Contains("Invite to cloud", (await GetAsync(DemoWorld.MariaEmail, DemoVisibility.Omar)).Html, StringComparison.Ordinal);
        foreach (var viewer in new[] { DemoWorld.CarlEmail, DemoWorld.LeeEmail, DemoVisibility.Visitor })
        {
            var html = (await GetAsync(viewer, DemoVisibility.Omar)).Html;
            Assert.DoesNotContain("Invite to cloud", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Send an offer", html, StringComparison.Ordinal);
        }
    }
}
