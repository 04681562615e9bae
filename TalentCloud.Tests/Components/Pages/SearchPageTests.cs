using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;
using TalentCloud.Web.Components.Pages.Search;

namespace TalentCloud.Tests.Components.Pages;

/// <summary>
/// /search per searcher: a GET form (bookmarkable) with the cloud filters only for Enterprise people, tiles with the
/// searcher's own cloud names and the "In your cloud" reason, never a masked label and never another organisation's
/// cloud; a live submit navigates to the search's address.
/// </summary>
public sealed class SearchPageTests : ComponentTestBase
{
    private Task<IRenderedComponent<SearchPage>> SearchAsync(string viewer, string address) => RenderPageAsync<SearchPage>(viewer, address);

    private static List<string> Handles(IRenderedComponent<SearchPage> cut) =>
        [.. cut.FindAll("li.search-tile").Select(t => t.GetAttribute("data-profile")!)];

    [Fact]
    public async Task Maria_sees_her_members_first_with_the_reason_and_the_cloud_filters()
    {
        var cut = await SearchAsync(DemoWorld.MariaEmail, "/search?q=mobile");
        var tiles = cut.FindAll("li.search-tile");
        var fiona = tiles.Single(t => t.GetAttribute("data-profile") == DemoWorld.FionaHandle);
        Assert.Contains("In your cloud: " + DemoWorld.AcmeMobile, fiona.QuerySelector(".ranking-explanation")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([DemoWorld.AcmeMobile], fiona.QuerySelectorAll(".tile-clouds li").Select(li => li.TextContent.Trim()));
        var firstPlain = tiles.ToList().FindIndex(t => t.QuerySelector(".ranking-explanation") is null);
        Assert.InRange(Handles(cut).IndexOf(DemoWorld.FionaHandle), 0, firstPlain - 1);
        Assert.NotNull(cut.Find("#search-mine"));
        Assert.Equal(2, cut.FindAll("#search-cloud option[value]:not([value=''])").Count);
        Assert.NotNull(fiona.QuerySelector("a.tile-invite[href='/freelancers/fiona-park']"));
        Assert.DoesNotContain(DemoWorld.GlobexDesign, cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Talent Cloud<", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hank_sees_only_globex_names()
    {
        var cut = await SearchAsync(DemoWorld.HankEmail, "/search?q=mobile");
        Assert.Equal(DemoWorld.FionaHandle, Handles(cut)[0]);
        Assert.Contains("In your cloud: " + DemoWorld.GlobexDesign, cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoWorld.AcmeMobile, cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoWorld.AcmeData, cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ordinary_client_gets_no_cloud_name_no_label_and_no_cloud_filters()
    {
        var cut = await SearchAsync(DemoWorld.CarlEmail, "/search?q=mobile");
        Assert.Contains(DemoWorld.FionaHandle, Handles(cut));
        foreach (var name in DemoWorld.AllCloudNames)
        {
            Assert.DoesNotContain(name, cut.Markup, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Talent Cloud", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("In your cloud", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll(".tile-clouds, #search-mine, #search-cloud, a.tile-invite"));
    }

    [Theory]
    [InlineData(DemoWorld.FionaEmail)]
    [InlineData(DemoWorld.NinaEmail)]
    public async Task Talent_gets_no_search_at_all(string viewer)
    {
        var cut = await SearchAsync(viewer, "/search?q=mobile");
        Assert.Empty(cut.FindAll("li.search-tile"));
        Assert.Empty(cut.FindAll("form"));
    }

    [Fact]
    public async Task The_form_is_a_get_form_filled_from_the_address()
    {
        var cut = await SearchAsync(DemoWorld.MariaEmail, "/search?q=mobile&mine=1&kind=freelancer&min=20");
        var form = cut.Find("form[role=search]");
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/search", form.GetAttribute("action"));
        Assert.Equal(["q", "skills", "country", "min", "max", "kind", "cloud", "mine"],
            form.QuerySelectorAll("input[name], select[name]").Select(e => e.GetAttribute("name")!));
        Assert.Equal("mobile", cut.Find("#search-q").GetAttribute("value"));
        Assert.Equal("20", cut.Find("#search-min").GetAttribute("value"));
        Assert.True(cut.Find("#search-mine").HasAttribute("checked"));
        Assert.All(cut.FindAll("li.search-tile"), t => Assert.NotNull(t.QuerySelector(".ranking-explanation")));
    }

    [Fact]
    public async Task A_live_submit_goes_to_the_new_searchs_address()
    {
        var cut = await SearchAsync(DemoWorld.MariaEmail, "/search?q=mobile");
        cut.Find("#search-q").Input("Omar Haddad");
        cut.Find("#search-kind").Change("freelancer");
        cut.Find("form[role=search]").Submit();
        var navigation = Services.GetRequiredService<NavigationManager>();
        Assert.EndsWith("/search?q=Omar%20Haddad&kind=freelancer", navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submitting_the_same_search_again_leaves_the_button_ready()
    {
        var cut = await SearchAsync(DemoWorld.CarlEmail, "/search?q=mobile");
        cut.Find("form[role=search]").Submit();
        Assert.Null(cut.Find("form[role=search] button[type=submit]").GetAttribute("aria-busy"));
        Assert.False(cut.Find("form[role=search] button[type=submit]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task The_pager_keeps_the_search_in_its_links()
    {
        var cut = await SearchAsync(DemoWorld.CarlEmail, "/search?kind=freelancer");
        var next = cut.Find("nav[aria-label='Result pages'] a[rel=next]").GetAttribute("href")!;
        Assert.Equal("/search?kind=freelancer&page=2", next);
    }

    [Fact]
    public async Task An_impossible_rate_range_explains_itself_beside_the_form()
    {
        var cut = await SearchAsync(DemoWorld.CarlEmail, "/search?min=500&max=10");
        Assert.Contains("minimum hourly rate", cut.Find("[role=alert]").TextContent, StringComparison.Ordinal);
        Assert.Equal("500", cut.Find("#search-min").GetAttribute("value"));
    }

    [Fact]
    public async Task No_matches_show_the_empty_state()
    {
        var cut = await SearchAsync(DemoWorld.CarlEmail, "/search?q=zzzznothingmatches");
        Assert.Contains("No one matches", cut.Find("[data-testid=empty-state]").TextContent, StringComparison.Ordinal);
        Assert.Equal("0 results", cut.Find("[data-testid=result-count]").TextContent.Trim());
        Assert.Empty(cut.FindAll("nav[aria-label='Result pages']"));
    }
}
