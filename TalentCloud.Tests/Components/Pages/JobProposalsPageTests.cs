using Bunit;
using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Offers;
using TalentCloud.Core.Proposals;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;
using TalentCloud.Web.Components.Pages.Jobs;

namespace TalentCloud.Tests.Components.Pages;

/// <summary>
/// A job's proposals: an Enterprise organisation's Hire opens the offer dialog, an ordinary client's confirms a direct
/// contract; "Offer sent" replaces the buttons while the offer waits; other organisations get nothing.
/// </summary>
public sealed class JobProposalsPageTests : ComponentTestBase
{
    private async Task<int> JobIdAsync(string title)
    {
        await using var db = Db.CreateDbContext();
        return await db.Jobs.Where(j => j.Title == title).Select(j => j.Id).SingleAsync();
    }

    private async Task<IRenderedComponent<JobProposalsPage>> ProposalsAsync(string email, string jobTitle)
    {
        await SignInAsAsync(email);
        var id = await JobIdAsync(jobTitle);
        return Render<JobProposalsPage>(p => p.Add(x => x.Id, id));
    }

    private static void Click<T>(IRenderedComponent<T> host, string button)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        host.FindAll("[role=dialog] button").Single(b => b.TextContent.Trim() == button).Click();

    [Fact]
    public async Task Maria_gets_hire_and_decline_for_omar_and_hire_opens_the_offer_prefilled_from_the_proposal()
    {
        var host = RenderProviders();
        var cut = await ProposalsAsync(DemoWorld.MariaEmail, DemoWorld.AcmeLoyaltyApiJob);
        Assert.Contains("Hire prepares an offer", cut.Markup, StringComparison.Ordinal);

        cut.Find("button[aria-label='Hire Omar Haddad']").Click();

        var dialog = host.WaitForElement("[role=dialog]");
        Assert.Equal("Hire Omar Haddad through an offer", dialog.GetAttribute("aria-label"));
        Assert.Contains("Choose a cloud to see the onboarding tasks", dialog.TextContent, StringComparison.Ordinal);
        Assert.Equal(DemoWorld.AcmeLoyaltyApiJob, host.FindAll("[role=dialog] input").Select(i => i.GetAttribute("value")).First(v => v?.Length > 5));
        Assert.Contains(host.FindAll("[role=dialog] input"), i => i.GetAttribute("value") == "58");

        Click(host, "Send offer");
        host.WaitForAssertion(() => Assert.Contains("Choose a Talent Cloud", host.Find("[role=dialog] [role=alert]").TextContent, StringComparison.Ordinal));
        Click(host, "Cancel");
        host.WaitForAssertion(() => Assert.Empty(host.FindAll("[role=dialog]")));
        await using var db = Db.CreateDbContext();
        Assert.Equal(0, await db.Offers.CountAsync(o => o.ProposalId != null));
    }

    [Fact]
    public async Task Sending_the_offer_for_a_cloud_job_uses_its_cloud_and_the_card_then_shows_offer_sent()
    {
        var host = RenderProviders();
        var cut = await ProposalsAsync(DemoWorld.RajEmail, DemoWorld.AcmeKotlinCloudJob);
        cut.Find("button[aria-label='Hire Northwind Studio']").Click();
        var dialog = host.WaitForElement("[role=dialog]");
        Assert.Contains("(the job's own cloud)", dialog.TextContent, StringComparison.Ordinal);
        Assert.Contains("Acme mobile contractor agreement", dialog.TextContent, StringComparison.Ordinal);

        Click(host, "Send offer");

        cut.WaitForAssertion(() => Assert.Equal("Offer sent", cut.Find("[data-testid=proposal-status]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("button[aria-label='Hire Northwind Studio']"));
        Assert.Empty(cut.FindAll("button[aria-label^='Decline']"));
        await using var db = Db.CreateDbContext();
        var offer = await db.Offers.Include(o => o.Tasks).SingleAsync(o => o.ProposalId != null);
        Assert.Equal(await db.Clouds.Where(c => c.Name == DemoWorld.AcmeMobile).Select(c => c.Id).SingleAsync(), offer.CloudId);
        Assert.Equal(["Acme mobile contractor agreement"], offer.Tasks.Select(t => t.Title));
        Assert.NotNull(cut.Find($"a[href='/offers/{offer.Id}']"));
        Assert.Contains(Snackbars(), s => s.StartsWith("Offer sent to Northwind Studio", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Carl_hires_directly_after_confirming_and_no_offer_or_cloud_is_involved()
    {
        var host = RenderProviders();
        var cut = await ProposalsAsync(DemoWorld.CarlEmail, DemoWorld.InitechApiJob);
        Assert.Contains("Hire starts a contract", cut.Markup, StringComparison.Ordinal);

        cut.Find("button[aria-label='Hire Omar Haddad']").Click();
        var dialog = host.WaitForElement("[role=dialog]");
        Assert.Contains("A contract between your organisation and Omar Haddad starts now", dialog.TextContent, StringComparison.Ordinal);
        Click(host, "Hire and start the contract");

        cut.WaitForAssertion(() => Assert.Equal("Hired", cut.Find("[data-testid=proposal-status]").TextContent.Trim()));
        var jobId = await JobIdAsync(DemoWorld.InitechApiJob);
        await using var db = Db.CreateDbContext();
        Assert.Equal(ProposalStatus.Hired, await db.Proposals.Where(p => p.JobId == jobId).Select(p => p.Status).SingleAsync());
        Assert.Equal(0, await db.Offers.CountAsync(o => o.ProposalId != null));
        Assert.Equal(1, await db.Contracts.CountAsync(c => c.OfferId == null));
    }

    [Fact]
    public async Task Declining_asks_first_and_cancelling_keeps_the_proposal()
    {
        var host = RenderProviders();
        var cut = await ProposalsAsync(DemoWorld.CarlEmail, DemoWorld.InitechApiJob);
        cut.Find("button[aria-label=\"Decline Omar Haddad's proposal\"]").Click();
        host.WaitForElement("[role=dialog]");
        Click(host, "Cancel");
        host.WaitForAssertion(() => Assert.Empty(host.FindAll("[role=dialog]")));
        Assert.Equal("Submitted", cut.Find("[data-testid=proposal-status]").TextContent.Trim());

        cut.Find("button[aria-label=\"Decline Omar Haddad's proposal\"]").Click();
        host.WaitForElement("[role=dialog]");
        Click(host, "Decline proposal");
        cut.WaitForAssertion(() => Assert.Equal("Declined", cut.Find("[data-testid=proposal-status]").TextContent.Trim()));
    }

    [Theory]
    [InlineData(DemoWorld.HankEmail)]
    [InlineData(DemoWorld.CarlEmail)]
    [InlineData(DemoWorld.OmarEmail)]
    public async Task Another_organisation_or_the_applicant_gets_no_proposals(string email)
    {
        var cut = await ProposalsAsync(email, DemoWorld.AcmeLoyaltyApiJob);

        Assert.DoesNotContain("Omar Haddad", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("button"));
    }
}
