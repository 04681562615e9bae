using Bunit;
using TalentCloud.Tests.Support;
using TalentCloud.Web.Components.Shared.Paging;

namespace TalentCloud.Tests.Components.Shared;

/// <summary>The link pager and the lenient query reader every paged or filtered list uses.</summary>
public sealed class PagingTests : ComponentTestBase
{
    private Bunit.IRenderedComponent<LinkPager> Pager(int page, int pageCount) =>
        Render<LinkPager>(p => p.Add(x => x.Page, page).Add(x => x.PageCount, pageCount).Add(x => x.Link, n => $"/jobs?page={n}"));

    [Fact]
    public void One_page_needs_no_pager()
    {
        Assert.Equal("", Pager(1, 1).Markup.Trim());
    }

    [Fact]
    public void The_pager_links_first_last_and_the_pages_around_the_current_one()
    {
        var cut = Pager(10, 30);
        var nav = cut.Find("nav");
        Assert.Equal("Pages", nav.GetAttribute("aria-label"));
        Assert.Equal("10", cut.Find("[aria-current=page]").TextContent.Replace("Page ", "", StringComparison.Ordinal).Trim());
        var linked = cut.FindAll("a.link-pager-page").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/jobs?page=1", "/jobs?page=8", "/jobs?page=9", "/jobs?page=11", "/jobs?page=12", "/jobs?page=30"], linked);
        Assert.Equal(2, cut.FindAll(".link-pager-gap").Count);
        Assert.Equal("/jobs?page=9", cut.Find("a[rel=prev]").GetAttribute("href"));
        Assert.Equal("/jobs?page=11", cut.Find("a[rel=next]").GetAttribute("href"));
    }

    [Fact]
    public void The_first_page_has_no_previous_and_the_last_no_next()
    {
        Assert.Empty(Pager(1, 3).FindAll("a[rel=prev]"));
        Assert.Empty(Pager(3, 3).FindAll("a[rel=next]"));
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData("", 1)]
    [InlineData("abc", 1)]
    [InlineData("\0", 1)]
    [InlineData("1e5", 1)]
    [InlineData("3", 3)]
    [InlineData(" 4 ", 4)]
    [InlineData("1.5", 1)]
    [InlineData("2.9", 2)]
    [InlineData("-1", 1)]
    [InlineData("0", 1)]
    [InlineData("99999999999999999999", QueryValues.MaxPage)]
    [InlineData("999999999999999999999999999999999999", QueryValues.MaxPage)]
    [InlineData("-999999999999999999999999999999999999", 1)]
    public void Page_numbers_are_read_leniently(string? raw, int expected)
    {
        Assert.Equal(expected, QueryValues.Page(raw));
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("TRUE", true)]
    [InlineData("on", true)]
    [InlineData("0", false)]
    [InlineData("maybe", false)]
    [InlineData(null, false)]
    public void Flags_are_true_only_for_the_usual_words(string? raw, bool expected)
    {
        Assert.Equal(expected, QueryValues.Flag(raw));
    }

    [Theory]
    [InlineData("Oldest", DayOfWeek.Monday)]
    [InlineData("friday", DayOfWeek.Friday)]
    [InlineData("5", DayOfWeek.Monday)]
    [InlineData("-1", DayOfWeek.Monday)]
    [InlineData("Funday", DayOfWeek.Monday)]
    [InlineData(null, DayOfWeek.Monday)]
    public void Enums_are_read_by_name_only(string? raw, DayOfWeek expected)
    {
        Assert.Equal(expected, QueryValues.Enum(raw, DayOfWeek.Monday));
    }

    [Theory]
    [InlineData("7", 7)]
    [InlineData("0", null)]
    [InlineData("x", null)]
    [InlineData("99999999999", null)]
    public void Optional_ids_are_null_when_malformed(string raw, int? expected)
    {
        Assert.Equal(expected, QueryValues.OptionalNumber(raw));
    }

    [Fact]
    public void Text_is_trimmed_cut_and_cleaned_of_control_characters()
    {
        Assert.Null(QueryValues.Text("  ", 10));
        Assert.Equal("abc", QueryValues.Text(" a\0b\u0007c ", 10));
        Assert.Equal("abcde", QueryValues.Text("abcdefgh", 5));
    }

    [Theory]
    [InlineData("2026-11-27", "2026-11-27")]
    [InlineData(" 2026-02-01 ", "2026-02-01")]
    [InlineData("2026-02-30", null)]
    [InlineData("27/11/2026", null)]
    [InlineData("0001-01-01", null)]
    [InlineData("9999-12-31", null)]
    [InlineData("", null)]
    public void Dates_are_read_in_the_date_inputs_form_only(string raw, string? expected)
    {
        Assert.Equal(expected, QueryValues.Date(raw)?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    public static TheoryData<string> Hostile() => HostileValues.Theory();

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Every_reader_answers_every_hostile_value_with_an_allowed_value(string raw)
    {
        Assert.InRange(QueryValues.Page(raw, max: 50), 1, 50);
        Assert.InRange(QueryValues.Number(raw, fallback: 10, min: 5, max: 20), 5, 20);
        Assert.True(QueryValues.OptionalNumber(raw) is null or >= 1);
        Assert.True(System.Enum.IsDefined(QueryValues.Enum(raw, DayOfWeek.Monday)));
        var text = QueryValues.Text(raw, 100);
        Assert.True(text is null || (text.Length is > 0 and <= 100 && !text.Any(char.IsControl)));
        Assert.True(QueryValues.Date(raw) is null);
    }
}
