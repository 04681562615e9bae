using Bunit;
using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Jobs;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;
using TalentCloud.Web.Components.Pages.Jobs;

namespace TalentCloud.Tests.Components.Pages;

/// <summary>/org/jobs: an organisation's own jobs only, "Close job" on its open ones, and closing asks first.</summary>
public sealed class OrganizationJobsPageTests : ComponentTestBase
{
    private Task<IRenderedComponent<OrganizationJobsPage>> JobsAsync(string viewer) => RenderPageAsync<OrganizationJobsPage>(viewer, "/org/jobs");

    private async Task<JobStatus> StatusAsync(string title)
    {
        await using var db = Db.CreateDbContext();
        return await db.Jobs.Where(j => j.Title == title).Select(j => j.Status).SingleAsync();
    }

    [Fact]
    public async Task Hank_sees_globex_jobs_with_close_buttons_and_nothing_of_acme()
    {
        var cut = await JobsAsync(DemoWorld.HankEmail);
        Assert.Contains(DemoWorld.GlobexDesignCloudJob, cut.Markup, StringComparison.Ordinal);
        Assert.NotNull(cut.Find($"button[aria-label='Close job {DemoWorld.GlobexDesignCloudJob}']"));
        Assert.DoesNotContain(DemoWorld.AcmeKotlinCloudJob, cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoWorld.AcmeMobile, cut.Markup, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("a[href='/org/jobs/new']"));
    }

    [Theory]
    [InlineData(DemoWorld.FionaEmail)]
    [InlineData(DemoWorld.AdminEmail)]
    public async Task People_who_act_for_no_client_get_an_explanation_and_no_jobs(string viewer)
    {
        var cut = await JobsAsync(viewer);
        Assert.Contains("does not act for one", cut.Find("[data-testid=empty-state]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("article"));
        Assert.Empty(cut.FindAll("a[href='/org/jobs/new']"));
    }

    [Fact]
    public async Task Only_the_owner_gets_the_company_description_link()
    {
        Assert.NotEmpty((await JobsAsync(DemoWorld.MariaEmail)).FindAll("a[href='/org/profile']"));
        Assert.Empty((await JobsAsync(DemoWorld.RajEmail)).FindAll("a[href='/org/profile']"));
    }

    [Fact]
    public async Task Cancelling_the_close_dialog_leaves_the_job_open()
    {
        var host = RenderProviders();
        var cut = await JobsAsync(DemoWorld.CarlEmail);
        cut.Find($"button[aria-label='Close job {DemoWorld.InitechApiJob}']").Click();
        var dialog = host.WaitForElement("[role=dialog]");
        Assert.Contains(DemoWorld.InitechApiJob, dialog.TextContent, StringComparison.Ordinal);
        Assert.Contains("cannot be undone", dialog.TextContent, StringComparison.Ordinal);
        ClickInDialog(host, "Cancel");

        host.WaitForAssertion(() => Assert.Empty(host.FindAll("[role=dialog]")));
        Assert.Equal(JobStatus.Open, await StatusAsync(DemoWorld.InitechApiJob));
    }

    [Fact]
    public async Task Closing_acts_as_the_client_and_the_button_goes()
    {
        var host = RenderProviders();
        var cut = await JobsAsync(DemoWorld.CarlEmail);
        cut.Find($"button[aria-label='Close job {DemoWorld.InitechApiJob}']").Click();
        ClickInDialog(host, "Close job");

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll($"button[aria-label='Close job {DemoWorld.InitechApiJob}']")));
        Assert.Equal(JobStatus.Closed, await StatusAsync(DemoWorld.InitechApiJob));
        Assert.Contains($"\"{DemoWorld.InitechApiJob}\" is closed.", Snackbars());
        await using var db = Db.CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == "job.closed");
        Assert.Equal((await ActorAsync(DemoWorld.CarlEmail)).UserId, entry.ActorUserId);
    }
}
