using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Web;

/// <summary>The search page over HTTP: who may use it, what the raw HTML holds for each searcher, and hostile input.</summary>
public sealed class SearchHttpTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private async Task<(HttpResponseMessage Response, string Html, IDocument Document)> GetAsync(string email, string path)
    {
        var client = await app.ClientAsync(email);
        var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        return (response, html, await new HtmlParser().ParseDocumentAsync(html));
    }

    private static List<string> TileHandles(IDocument document) =>
        [.. document.QuerySelectorAll("li.search-tile").Select(t => t.GetAttribute("data-profile")!)];

    [Fact]
    public async Task Visitors_are_sent_to_sign_in()
    {
        var (response, _, _) = await GetAsync(DemoVisibility.Visitor, "/search?q=mobile");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoWorld.FionaEmail)]
    [InlineData(DemoWorld.NinaEmail)]
    public async Task Freelancers_and_agencies_get_not_found(string email)
    {
        var (response, html, _) = await GetAsync(email, "/search?q=mobile");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("search-tile", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Maria_sees_her_members_first_with_the_reason_and_nothing_of_globex()
    {
        var (response, html, document) = await GetAsync(DemoWorld.MariaEmail, "/search?q=mobile");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var handles = TileHandles(document);
        var firstPlain = document.QuerySelectorAll("li.search-tile").Index(document.QuerySelectorAll("li.search-tile").First(t => t.QuerySelector(".ranking-explanation") is null));
        Assert.InRange(handles.IndexOf(DemoWorld.FionaHandle), 0, firstPlain - 1);
        Assert.InRange(handles.IndexOf(DemoWorld.NorthwindHandle), 0, firstPlain - 1);
        Assert.Contains("In your cloud: " + DemoWorld.AcmeMobile, html, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoWorld.GlobexDesign, html, StringComparison.Ordinal);
        Assert.Contains("results", document.QuerySelector("[data-testid=result-count]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("a.tile-invite[href='/freelancers/fiona-park']"));
        Assert.NotNull(document.QuerySelector(".nav-menu a[href='/search']"));
    }

    [Fact]
    public async Task My_talent_clouds_only_keeps_the_query_in_the_address_and_lists_only_members()
    {
        var (response, _, document) = await GetAsync(DemoWorld.MariaEmail, "/search?q=mobile&mine=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tiles = document.QuerySelectorAll("li.search-tile");
        Assert.NotEmpty(tiles);
        Assert.All(tiles, t => Assert.NotNull(t.QuerySelector(".ranking-explanation")));
        Assert.Equal("mobile", document.QuerySelector("#search-q")!.GetAttribute("value"));
        Assert.True(document.QuerySelector("#search-mine")!.HasAttribute("checked"));
    }

    [Fact]
    public async Task Hank_sees_globex_members_first_and_no_acme_cloud_name()
    {
        var (response, html, document) = await GetAsync(DemoWorld.HankEmail, "/search?q=mobile");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DemoWorld.FionaHandle, TileHandles(document)[0]);
        Assert.Contains("In your cloud: " + DemoWorld.GlobexDesign, html, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoWorld.AcmeMobile, html, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoWorld.AcmeData, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Carl_sees_no_cloud_name_no_label_and_no_cloud_filters()
    {
        var (response, html, document) = await GetAsync(DemoWorld.CarlEmail, "/search?q=mobile");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(DemoWorld.FionaHandle, TileHandles(document));
        foreach (var name in DemoWorld.AllCloudNames)
        {
            Assert.DoesNotContain(name, html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Talent Cloud", html, StringComparison.Ordinal);
        Assert.DoesNotContain("In your cloud", html, StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll(".cloud-badge"));
        Assert.Null(document.QuerySelector("#search-mine"));
        Assert.Null(document.QuerySelector("a.tile-invite"));
    }

    [Fact]
    public async Task Filtering_by_another_organisations_cloud_is_not_found()
    {
        var (mine, _, document) = await GetAsync(DemoWorld.MariaEmail, "/search");
        var ownCloudIds = document.QuerySelectorAll("#search-cloud option").Select(o => o.GetAttribute("value")).Where(v => v!.Length > 0).ToList();
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal(2, ownCloudIds.Count);

        var (hank, _, hankDocument) = await GetAsync(DemoWorld.HankEmail, "/search");
        var globexCloud = hankDocument.QuerySelector("#search-cloud option[value]:not([value=''])")!.GetAttribute("value");
        Assert.Equal(HttpStatusCode.OK, hank.StatusCode);

        var (response, html, _) = await GetAsync(DemoWorld.MariaEmail, $"/search?cloud={globexCloud}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(DemoWorld.GlobexDesign, html, StringComparison.Ordinal);
    }

    public static TheoryData<string> HostileQueries() =>
    [
        "\"", "*", "NEAR(", "a OR", "')--", "mobile\" OR \"1", "(", "-", "<script>alert(1)</script>", "Title:mobile", "\u0000x",
        new string('x', 10_000), string.Concat(Enumerable.Repeat("mobile \"", 1_500)),
    ];

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task Hostile_text_returns_a_normal_page(string text)
    {
        var (response, html, _) = await GetAsync(DemoWorld.MariaEmail, "/search?q=" + Uri.EscapeDataString(text));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"result-count\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/search?page=-5")]
    [InlineData("/search?page=999999")]
    [InlineData("/search?page=abc&min=x&max=y&cloud=z")]
    [InlineData("/search?min=-100&max=99999")]
    [InlineData("/search?min=500&max=10")]
    [InlineData("/search?country=Narnia")]
    [InlineData("/search?kind=robot")]
    public async Task Out_of_range_paging_and_filters_answer_with_a_page(string path)
    {
        var (response, _, document) = await GetAsync(DemoWorld.CarlEmail, path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(document.QuerySelector("[data-testid=result-count]"));
    }

    [Fact]
    public async Task Impossible_rate_range_explains_itself()
    {
        var (_, _, document) = await GetAsync(DemoWorld.CarlEmail, "/search?min=500&max=10");
        Assert.Contains("minimum hourly rate", document.QuerySelector("main [role=alert]")!.TextContent, StringComparison.Ordinal);
    }
}
