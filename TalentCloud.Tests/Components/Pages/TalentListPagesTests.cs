using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentCloud.Core.Connects;
using TalentCloud.Core.Proposals;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;
using TalentCloud.Web.Components.Pages.Connects;
using TalentCloud.Web.Components.Pages.Jobs;
using TalentCloud.Web.Components.Pages.Proposals;

namespace TalentCloud.Tests.Components.Pages;

/// <summary>A member's own lists: Talent Cloud jobs, proposals (withdrawing asks first) and the Connects ledger.</summary>
public sealed class TalentListPagesTests : ComponentTestBase
{
    private async Task<IRenderedComponent<TPage>> RenderAsAsync<TPage>(string email, string address)
        where TPage : IComponent
    {
        await SignInAsAsync(email);
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        return Render<TPage>();
    }

    private async Task<ProposalStatus> NinasProposalStatusAsync(string jobTitle)
    {
        await using var db = Db.CreateDbContext();
        return await (from p in db.Proposals
                      join j in db.Jobs on p.JobId equals j.Id
                      join pr in db.Profiles on p.ProfileId equals pr.Id
                      where j.Title == jobTitle && pr.Handle == DemoWorld.NorthwindHandle
                      select p.Status).SingleAsync();
    }

    [Fact]
    public async Task Fiona_sees_the_jobs_of_her_active_clouds_each_labelled_with_its_cloud()
    {
        var cut = await RenderAsAsync<CloudJobsPage>(DemoWorld.FionaEmail, "/my/talent-clouds/jobs");
        var cards = cut.FindAll("article.job-card");
        // Her clouds' three cloud-only jobs and the cloud-first job that has since opened to the public.
        Assert.Equal(4, cards.Count);
        Assert.Equal("4 jobs", cut.Find("[data-testid=job-count]").TextContent.Trim());
        var kotlin = cards.Single(c => c.QuerySelector("h2")!.TextContent.Trim() == DemoWorld.AcmeKotlinCloudJob);
        Assert.Equal(DemoWorld.AcmeMobile, kotlin.QuerySelector(".job-cloud-label")!.TextContent.Trim());
        Assert.Null(kotlin.QuerySelector("[data-testid=cloud-first]"));
        var opened = cards.Single(c => c.QuerySelector("h2")!.TextContent.Trim() == DemoWorld.AcmeOpenedCloudFirstJob);
        Assert.NotNull(opened.QuerySelector("[data-testid=cloud-first]"));
        Assert.DoesNotContain(DemoWorld.AcmeData, cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=empty-state]"));
    }

    [Theory]
    [InlineData(DemoWorld.LeeEmail)]
    [InlineData(DemoWorld.OmarEmail)]
    [InlineData(DemoWorld.MariaEmail)]
    public async Task Without_an_active_cloud_with_jobs_the_page_says_so_and_names_no_cloud_job(string email)
    {
        var cut = await RenderAsAsync<CloudJobsPage>(email, "/my/talent-clouds/jobs?page=abc");
        Assert.NotNull(cut.Find("[data-testid=empty-state] a[href='/jobs']"));
        Assert.Empty(cut.FindAll("article"));
        foreach (var title in new[] { DemoWorld.AcmeKotlinCloudJob, DemoWorld.AcmeFlutterCloudJob, DemoWorld.GlobexDesignCloudJob, DemoWorld.AcmeMobile })
        {
            Assert.DoesNotContain(title, cut.Markup, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Nina_sees_her_proposals_newest_first_with_withdraw_for_those_still_waiting()
    {
        var cut = await RenderAsAsync<MyProposalsPage>(DemoWorld.NinaEmail, "/my/proposals?page=-4");
        var rows = cut.FindAll("tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains(DemoWorld.AcmeKotlinCloudJob, rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains(DemoWorld.AcmeMobile, rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Initech", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Equal(2, cut.FindAll("button[aria-label^='Withdraw your proposal to']").Count);
        Assert.Empty(cut.FindAll("nav[aria-label='Proposal pages']"));
    }

    [Theory]
    [InlineData(DemoWorld.MariaEmail)]
    [InlineData(DemoWorld.AdminEmail)]
    public async Task People_without_proposals_get_the_empty_state_and_no_table(string email)
    {
        var cut = await RenderAsAsync<MyProposalsPage>(email, "/my/proposals");
        Assert.Contains("You have not sent any proposals yet.", cut.Find("[data-testid=empty-state]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("table"));
        Assert.Empty(cut.FindAll("button"));
    }

    [Fact]
    public async Task Withdrawing_asks_first_names_the_connects_and_cancel_changes_nothing()
    {
        var host = RenderProviders();
        var cut = await RenderAsAsync<MyProposalsPage>(DemoWorld.NinaEmail, "/my/proposals");
        cut.Find("button[aria-label='Withdraw your proposal to React Native developer for a mobile banking app']").Click();

        var dialog = host.WaitForElement("[role=dialog]");
        Assert.Equal("Withdraw this proposal?", dialog.GetAttribute("aria-label"));
        Assert.Contains("The 6 Connects you spent on it are not refunded.", dialog.TextContent, StringComparison.Ordinal);
        host.FindAll("[role=dialog] button").Single(b => b.TextContent.Trim() == "Cancel").Click();

        host.WaitForAssertion(() => Assert.Empty(host.FindAll("[role=dialog]")));
        Assert.Equal(ProposalStatus.Submitted, await NinasProposalStatusAsync("React Native developer for a mobile banking app"));
        Assert.Empty(Snackbars());
    }

    [Fact]
    public async Task Confirming_withdraws_as_the_member_and_the_row_loses_its_button()
    {
        var host = RenderProviders();
        var cut = await RenderAsAsync<MyProposalsPage>(DemoWorld.NinaEmail, "/my/proposals");
        cut.Find($"button[aria-label='Withdraw your proposal to {DemoWorld.AcmeKotlinCloudJob}']").Click();
        host.WaitForElement("[role=dialog]");
        Assert.DoesNotContain("refunded", host.Find("[role=dialog]").TextContent, StringComparison.Ordinal); // a free proposal
        host.FindAll("[role=dialog] button").Single(b => b.TextContent.Trim() == "Withdraw proposal").Click();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("button[aria-label^='Withdraw your proposal to']")));
        Assert.Equal(ProposalStatus.Withdrawn, await NinasProposalStatusAsync(DemoWorld.AcmeKotlinCloudJob));
        Assert.Contains("Withdrawn", cut.FindAll("tbody tr")[0].TextContent, StringComparison.Ordinal);
        Assert.Contains($"Your proposal to \"{DemoWorld.AcmeKotlinCloudJob}\" was withdrawn.", Snackbars());
    }

    [Fact]
    public async Task The_ledger_shows_the_balance_and_pages_through_a_long_history()
    {
        var admin = await ActorAsync(DemoWorld.AdminEmail);
        var connects = Services.GetRequiredService<ConnectsService>();
        for (var i = 1; i <= ConnectsService.LedgerPageSize; i++)
        {
            Assert.True((await connects.GrantAsync(admin, DemoWorld.FionaHandle, 1, $"Thank-you {i}")).Succeeded);
        }

        var first = await RenderAsAsync<MyConnectsPage>(DemoWorld.FionaEmail, "/my/connects");
        Assert.Equal("35", first.Find("[data-testid=connects-page-balance]").TextContent);
        Assert.Equal(ConnectsService.LedgerPageSize, first.FindAll("tbody tr").Count);
        Assert.Contains($"Thank-you {ConnectsService.LedgerPageSize}", first.FindAll("tbody tr")[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("page=2", first.Find("nav[aria-label='Ledger pages'] a[rel=next]").GetAttribute("href"), StringComparison.Ordinal);

        var last = await RenderAsAsync<MyConnectsPage>(DemoWorld.FionaEmail, "/my/connects?page=99999999999999999999");
        var only = Assert.Single(last.FindAll("tbody tr"));
        Assert.Contains("+10", only.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_has_no_connects_and_no_ledger()
    {
        var cut = await RenderAsAsync<MyConnectsPage>(DemoWorld.MariaEmail, "/my/connects");
        Assert.Contains("Connects belong to freelancer and agency accounts.", cut.Find("[data-testid=empty-state]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("table"));
        Assert.Empty(cut.FindAll("[data-testid=connects-page-balance]"));
    }
}
