using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Data;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Web;

/// <summary>Jobs in the raw HTML the server sends: cloud jobs absent for outsiders, 404 on their pages, the Enterprise badge.</summary>
public sealed class JobsHttpTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    /// <summary>Viewers for whom no cloud job exists: no memberships, pending only, a visitor, an ordinary client.</summary>
    public static readonly TheoryData<string> Outsiders = [DemoWorld.OmarEmail, DemoWorld.LeeEmail, DemoVisibility.Visitor, DemoWorld.CarlEmail];

    private async Task<int> JobIdAsync(string title)
    {
        await using var db = app.Factory.CreateDbContext();
        return await db.Jobs.Where(j => j.Title == title).Select(j => j.Id).SingleAsync();
    }

    private static void AssertNoCloudJobTrace(string html, params string[] allowedCloudNames)
    {
        foreach (var title in DemoWorld.CloudJobTitles)
        {
            Assert.DoesNotContain(title, html, StringComparison.OrdinalIgnoreCase);
        }

        foreach (var name in DemoWorld.AllCloudNames.Except(allowedCloudNames))
        {
            Assert.DoesNotContain(name, html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task Cloud_job_pages_are_404_for_outsiders(string viewer)
    {
        var client = await app.ClientAsync(viewer);
        foreach (var title in DemoWorld.CloudJobTitles)
        {
            var response = await client.GetAsync($"/jobs/{await JobIdAsync(title)}");
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("Page not found", html, StringComparison.Ordinal);
            AssertNoCloudJobTrace(html);
        }
    }

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task Lists_searches_and_counts_carry_no_cloud_job_for_outsiders(string viewer)
    {
        var client = await app.ClientAsync(viewer);
        string[] paths =
        [
            "/jobs", "/jobs?page=2", "/jobs?q=Kotlin", "/jobs?q=Flutter", "/jobs?skill=Kotlin", "/jobs?q=Design+system",
            "/jobs?sort=BudgetHighest", "/my/talent-clouds/jobs", "/my/proposals", "/org/jobs",
        ];
        foreach (var path in paths)
        {
            var response = await client.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{path}: {response.StatusCode}");
            // Lee is Active in Acme Data Guild and may see that name; nothing else.
            AssertNoCloudJobTrace(html, viewer == DemoWorld.LeeEmail ? [DemoWorld.AcmeData] : []);
        }

        var kotlin = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/jobs?skill=Kotlin"));
        Assert.Equal("0 jobs match your search", kotlin.QuerySelector("[data-testid=job-count]")!.TextContent.Trim());
        var all = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/jobs"));
        // Thirteen public jobs and the cloud-first job that has opened to everyone (shown without its cloud).
        Assert.Equal("14 jobs", all.QuerySelector("[data-testid=job-count]")!.TextContent.Trim());
    }

    [Theory]
    [InlineData(DemoVisibility.Visitor)]
    [InlineData(DemoWorld.OmarEmail)]
    [InlineData(DemoWorld.LeeEmail)]
    [InlineData(DemoWorld.CarlEmail)]
    [InlineData(DemoWorld.HankEmail)]
    public async Task The_opened_cloud_first_job_reaches_outsiders_with_no_trace_of_its_cloud(string viewer)
    {
        var client = await app.ClientAsync(viewer);
        var response = await client.GetAsync($"/jobs/{await JobIdAsync(DemoWorld.AcmeOpenedCloudFirstJob)}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(DemoWorld.AcmeOpenedCloudFirstJob, html, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoWorld.AcmeMobile, html, StringComparison.Ordinal);
        var main = new HtmlParser().ParseDocument(html).QuerySelector("main")!.TextContent;
        Assert.DoesNotContain("Talent Cloud", main, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"cloud-first\"", html, StringComparison.Ordinal);
        var list = await client.GetStringAsync("/jobs?q=offline+sync");
        Assert.Contains(DemoWorld.AcmeOpenedCloudFirstJob, list, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoWorld.AcmeMobile, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_is_told_the_opened_job_came_to_her_cloud_first()
    {
        var client = await app.ClientAsync(DemoWorld.FionaEmail);
        var doc = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync($"/jobs/{await JobIdAsync(DemoWorld.AcmeOpenedCloudFirstJob)}"));

        Assert.Equal("Posted to your Talent Cloud first", doc.QuerySelector("[data-testid=cloud-first]")!.TextContent.Trim());
        Assert.Contains("This proposal costs 0 Connects", doc.QuerySelector("[data-testid=proposal-cost]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_enterprise_client_does_not_see_acmes_cloud_jobs()
    {
        var client = await app.ClientAsync(DemoWorld.HankEmail);
        var response = await client.GetAsync($"/jobs/{await JobIdAsync(DemoWorld.AcmeKotlinCloudJob)}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var own = await client.GetStringAsync("/org/jobs");
        Assert.Contains(DemoWorld.GlobexDesignCloudJob, own, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoWorld.AcmeKotlinCloudJob, own, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoWorld.AcmeMobile, own, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fiona_sees_her_clouds_jobs_labelled_with_the_cloud_names()
    {
        var client = await app.ClientAsync(DemoWorld.FionaEmail);
        var doc = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/my/talent-clouds/jobs"));
        var cards = doc.QuerySelectorAll("article.job-card").ToList();
        Assert.Equal(4, cards.Count);
        string Label(string title) => cards.Single(c => c.QuerySelector("h2")!.TextContent.Trim() == title)
            .QuerySelector(".job-cloud-label")!.TextContent.Trim('☁', ' ', '\n');
        Assert.Equal(DemoWorld.AcmeMobile, Label(DemoWorld.AcmeKotlinCloudJob));
        Assert.Equal(DemoWorld.AcmeMobile, Label(DemoWorld.AcmeFlutterCloudJob));
        Assert.Equal(DemoWorld.GlobexDesign, Label(DemoWorld.GlobexDesignCloudJob));
        Assert.DoesNotContain(DemoWorld.AcmeData, doc.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lee_pending_in_acme_mobile_sees_none_of_its_jobs()
    {
        var client = await app.ClientAsync(DemoWorld.LeeEmail);
        var doc = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/my/talent-clouds/jobs"));
        Assert.Empty(doc.QuerySelectorAll("article.job-card"));
        Assert.NotNull(doc.QuerySelector(".empty-state"));
    }

    [Theory]
    [InlineData(DemoWorld.FionaEmail)]
    [InlineData(DemoWorld.NinaEmail)]
    [InlineData(DemoWorld.MariaEmail)]
    [InlineData(DemoWorld.RajEmail)]
    [InlineData(DemoWorld.AdminEmail)]
    public async Task The_acme_cloud_job_page_opens_for_its_audience(string viewer)
    {
        var client = await app.ClientAsync(viewer);
        var response = await client.GetAsync($"/jobs/{await JobIdAsync(DemoWorld.AcmeKotlinCloudJob)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal(DemoWorld.AcmeKotlinCloudJob, doc.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains(DemoWorld.AcmeMobile, doc.QuerySelector("[data-testid=job-cloud]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_proposal_form_states_the_cost_before_submitting()
    {
        var client = await app.ClientAsync(DemoWorld.FionaEmail);
        var cloudJob = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync($"/jobs/{await JobIdAsync(DemoWorld.AcmeFlutterCloudJob)}"));
        Assert.Contains("This proposal costs 0 Connects", cloudJob.QuerySelector("[data-testid=proposal-cost]")!.TextContent, StringComparison.Ordinal);
        var publicJob = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync($"/jobs/{await JobIdAsync(DemoWorld.AcmeIosJob)}"));
        Assert.Contains("This proposal costs 6 Connects", publicJob.QuerySelector("[data-testid=proposal-cost]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("10", publicJob.QuerySelector("[data-testid=connects-balance-value]")!.TextContent.Trim());
    }

    [Theory]
    [InlineData(DemoWorld.AcmeIosJob, true)]
    [InlineData(DemoWorld.GlobexUxJob, true)]
    [InlineData(DemoWorld.InitechApiJob, false)]
    public async Task Job_pages_show_the_enterprise_badge_only_for_enterprise_clients(string title, bool badge)
    {
        var client = await app.ClientAsync(DemoVisibility.Visitor);
        var doc = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync($"/jobs/{await JobIdAsync(title)}"));
        var found = doc.QuerySelectorAll("main [role=img][aria-label='Enterprise client']");
        Assert.Equal(badge ? 1 : 0, found.Length);
    }

    [Fact]
    public async Task The_job_list_badges_acme_and_globex_but_never_initech()
    {
        var client = await app.ClientAsync(DemoVisibility.Visitor);
        foreach (var page in new[] { 1, 2 })
        {
            var doc = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync($"/jobs?page={page}"));
            foreach (var card in doc.QuerySelectorAll("article.job-card"))
            {
                var org = card.QuerySelector(".job-org-name")!.TextContent.Trim();
                var hasBadge = card.QuerySelector("[role=img][aria-label='Enterprise client']") is not null;
                Assert.Equal(org != DemoWorld.Initech, hasBadge);
            }
        }
    }

    [Theory]
    [InlineData("/jobs/0")]
    [InlineData("/jobs/999999")]
    [InlineData("/jobs/-3")]
    [InlineData("/jobs/abc")]
    [InlineData("/jobs/99999999999999999999")]
    [InlineData("/org/jobs/999999/proposals")]
    public async Task Unknown_jobs_give_404(string path)
    {
        var client = await app.ClientAsync(DemoWorld.FionaEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
    }

    [Theory]
    [InlineData(DemoWorld.FionaEmail)]
    [InlineData(DemoWorld.MariaEmail)]
    [InlineData(DemoWorld.HankEmail)]
    public async Task Proposals_of_a_job_are_404_outside_the_posting_organisation(string viewer)
    {
        var client = await app.ClientAsync(viewer);
        var response = await client.GetAsync($"/org/jobs/{await JobIdAsync(DemoWorld.InitechApiJob)}/proposals");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Omar Haddad", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_organisation_sees_applicants_with_only_its_own_clouds()
    {
        // Northwind (Active in Acme Pro Mobile Developers) applied to Initech's React Native job and Acme's Kotlin cloud job.
        var carl = await app.ClientAsync(DemoWorld.CarlEmail);
        var initechHtml = await carl.GetStringAsync($"/org/jobs/{await JobIdAsync("React Native developer for a mobile banking app")}/proposals");
        Assert.Contains("Northwind Studio", initechHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoWorld.AcmeMobile, initechHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Talent Cloud", new HtmlParser().ParseDocument(initechHtml).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var raj = await app.ClientAsync(DemoWorld.RajEmail);
        var acmeDoc = await new HtmlParser().ParseDocumentAsync(await raj.GetStringAsync($"/org/jobs/{await JobIdAsync(DemoWorld.AcmeKotlinCloudJob)}/proposals"));
        var badges = acmeDoc.QuerySelectorAll("ul[aria-label='Talent Clouds'] li").Select(li => li.TextContent.Trim('☁', ' ')).ToList();
        Assert.Equal([DemoWorld.AcmeMobile], badges);
        Assert.NotNull(acmeDoc.QuerySelector("button[aria-label='Hire Northwind Studio']"));
    }

    [Fact]
    public async Task The_post_job_form_offers_clouds_only_to_enterprise_organisations_and_only_their_own()
    {
        var maria = await new HtmlParser().ParseDocumentAsync(await (await app.ClientAsync(DemoWorld.MariaEmail)).GetStringAsync("/org/jobs/new"));
        // The cloud names sit in the select's list, which opens on the live connection; the prerendered form names none.
        Assert.Equal("Who sees this job", maria.QuerySelector("fieldset.audience-fields legend")!.TextContent.Trim());
        Assert.DoesNotContain(DemoWorld.GlobexDesign, maria.DocumentElement.OuterHtml, StringComparison.Ordinal);

        var carl = await (await app.ClientAsync(DemoWorld.CarlEmail)).GetStringAsync("/org/jobs/new");
        Assert.DoesNotContain("Who sees this job", carl, StringComparison.Ordinal);
        AssertNoCloudJobTrace(carl);
    }

    [Theory]
    [InlineData(DemoWorld.FionaEmail, "10")]
    [InlineData(DemoWorld.OmarEmail, "6")]
    [InlineData(DemoWorld.NinaEmail, "4")]
    [InlineData(DemoWorld.CarlEmail, null)]
    [InlineData(DemoWorld.AdminEmail, null)]
    [InlineData(DemoVisibility.Visitor, null)]
    public async Task The_top_bar_shows_the_connects_balance_to_freelancers_and_agencies_only(string viewer, string? balance)
    {
        var doc = await new HtmlParser().ParseDocumentAsync(await (await app.ClientAsync(viewer)).GetStringAsync("/jobs"));
        Assert.Equal(balance, doc.QuerySelector("header [data-testid=connects-balance-value]")?.TextContent.Trim());
    }

    [Fact]
    public async Task The_admin_grant_page_does_not_exist_for_others()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientAsync(DemoWorld.MariaEmail)).GetAsync("/admin/connects")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientAsync(DemoWorld.FionaEmail)).GetAsync("/admin/connects")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientAsync(DemoWorld.AdminEmail)).GetAsync("/admin/connects")).StatusCode);
    }
}
