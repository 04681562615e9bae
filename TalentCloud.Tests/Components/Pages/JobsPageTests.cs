using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;
using TalentCloud.Web.Components.Pages.Jobs;

namespace TalentCloud.Tests.Components.Pages;

/// <summary>/jobs: a GET form and a link pager over public jobs only, whatever the query says.</summary>
public sealed class JobsPageTests : ComponentTestBase
{
    private IRenderedComponent<JobsPage> RenderAt(string address)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        return Render<JobsPage>();
    }

    [Fact]
    public async Task The_search_is_a_get_form_with_named_fields()
    {
        await SignInAsAsync(DemoWorld.FionaEmail);
        var cut = RenderAt("/jobs");
        var form = cut.Find("form[role=search]");
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/jobs", form.GetAttribute("action"));
        Assert.Equal(["q", "skill", "sort"], form.QuerySelectorAll("input[name], select[name]").Select(e => e.GetAttribute("name")!));
    }

    [Theory]
    [InlineData(DemoVisibility.Visitor)]
    [InlineData(DemoWorld.FionaEmail)]
    [InlineData(DemoWorld.MariaEmail)]
    public async Task Cloud_jobs_never_appear_on_the_public_list(string email)
    {
        await SignInAsAsync(email);
        var cut = RenderAt("/jobs");
        var first = cut.Markup;
        Assert.Equal(10, cut.FindAll("article").Count);
        var second = RenderAt("/jobs?page=2").Markup;
        foreach (var html in new[] { first, second })
        {
            Assert.DoesNotContain(DemoWorld.AcmeKotlinCloudJob, html, StringComparison.Ordinal);
            Assert.DoesNotContain(DemoWorld.GlobexDesignCloudJob, html, StringComparison.Ordinal);
        }

        // Thirteen public jobs and the cloud-first job that has opened to everyone.
        Assert.Contains("14 jobs", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pager_keeps_the_search_in_its_links()
    {
        await SignInAsAsync(DemoVisibility.Visitor);
        var cut = RenderAt("/jobs?sort=oldest&q=%20");
        var next = cut.Find("nav[aria-label=Pages] a[rel=next]").GetAttribute("href")!;
        Assert.Contains("sort=Oldest", next, StringComparison.Ordinal);
        Assert.Contains("page=2", next, StringComparison.Ordinal);
        Assert.DoesNotContain("q=", next, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/jobs?page=abc", 1)]
    [InlineData("/jobs?page=1.5", 1)]
    [InlineData("/jobs?page=-1", 1)]
    [InlineData("/jobs?page=99999999999999999999", 2)]
    [InlineData("/jobs?page=%00", 1)]
    [InlineData("/jobs?sort=7&page=2", 2)]
    public async Task Malformed_query_values_give_a_page_not_an_error(string address, int shownPage)
    {
        await SignInAsAsync(DemoVisibility.Visitor);
        var cut = RenderAt(address);
        Assert.Contains($"Page {shownPage} of 2", cut.Find(".link-pager-status").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_without_matches_shows_the_empty_state()
    {
        await SignInAsAsync(DemoVisibility.Visitor);
        var cut = RenderAt("/jobs?q=zzzznothing");
        Assert.Contains("No open jobs match your search.", cut.Find("[data-testid=empty-state]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("nav[aria-label=Pages]"));
    }
}
