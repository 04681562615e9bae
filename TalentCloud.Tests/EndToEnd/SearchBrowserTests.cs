using Microsoft.Playwright;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.EndToEnd;

/// <summary>Talent search in a real browser: the prerendered answer survives the switch to the live circuit.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Maria_finds_her_cloud_members_first_and_a_new_query_replaces_the_results()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoWorld.MariaEmail, DemoWorld.Password);
        await page.GotoAsync("/search?q=mobile");

        var tiles = page.Locator("li.search-tile");
        await Assertions.Expect(tiles.First).ToContainTextAsync("In your cloud: " + DemoWorld.AcmeMobile);

        // Let the circuit take over the prerendered page; the results must still be there, unchanged.
        await BrowserFixture.WaitForCircuitAsync(page, settleMilliseconds: 1500);
        await Assertions.Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        var handles = await tiles.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.profile)");
        var fiona = Array.IndexOf(handles, DemoWorld.FionaHandle);
        var northwind = Array.IndexOf(handles, DemoWorld.NorthwindHandle);
        Assert.True(fiona >= 0 && northwind >= 0, string.Join(", ", handles));
        var boosted = await tiles.EvaluateAllAsync<bool[]>("els => els.map(e => e.textContent.includes('In your cloud:'))");
        Assert.True(boosted[fiona] && boosted[northwind]);
        // Every boosted tile comes before every other tile.
        Assert.Equal(boosted.OrderByDescending(b => b), boosted);
        Assert.DoesNotContain(DemoWorld.GlobexDesign, await page.ContentAsync(), StringComparison.Ordinal);

        // A new search from the form loads the new address and its own answer.
        await page.GetByLabel("Search name, title, skills or bio").FillAsync("Omar Haddad");
        await page.GetByLabel("Search name, title, skills or bio").PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("q=Omar", StringComparison.Ordinal));
        await Assertions.Expect(tiles.First).ToContainTextAsync("Omar Haddad");
        await Assertions.Expect(page.Locator($"li.search-tile[data-profile='{DemoWorld.FionaHandle}']")).ToHaveCountAsync(0);
    }
}
