using Bunit;
using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Jobs;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;
using TalentCloud.Web.Components.Pages.Jobs;

namespace TalentCloud.Tests.Components.Pages;

/// <summary>
/// A job page per viewer: members see that an opened job came to their cloud first, outsiders see a plain public job;
/// the poster widens a cloud job's audience after confirming; a refused cover letter keeps the draft.
/// </summary>
public sealed class JobPageTests : ComponentTestBase
{
    private const string LetterWithPhone = "I fixed timeouts like this before. Call me on +1 415 555 0100.";

    private async Task<IRenderedComponent<JobPage>> JobAsync(string email, string title)
    {
        await SignInAsAsync(email);
        await using var db = Db.CreateDbContext();
        var id = await db.Jobs.Where(j => j.Title == title).Select(j => j.Id).SingleAsync();
        return Render<JobPage>(p => p.Add(x => x.Id, id));
    }

    private static AngleSharp.Dom.IElement Field<T>(IRenderedComponent<T> cut, string label)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.FindAll(".mud-input-control").Single(c => c.QuerySelector("label")?.TextContent.Trim().TrimEnd('*').StartsWith(label, StringComparison.Ordinal) == true)
            .QuerySelector("input, textarea")!;

    [Fact]
    public async Task A_member_sees_the_opened_job_came_to_her_cloud_first_and_applies_for_free()
    {
        var cut = await JobAsync(DemoWorld.FionaEmail, DemoWorld.AcmeOpenedCloudFirstJob);

        Assert.Equal("Posted to your Talent Cloud first", cut.Find("[data-testid=cloud-first]").TextContent.Trim());
        Assert.Contains(DemoWorld.AcmeMobile, cut.Find("[data-testid=job-cloud]").TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Posted to Acme Pro Mobile Developers first; open to everyone since", cut.Find("[data-testid=job-audience]").TextContent, StringComparison.Ordinal);
        Assert.Contains("This proposal costs 0 Connects", cut.Find("[data-testid=proposal-cost]").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoWorld.OmarEmail)]
    [InlineData(DemoWorld.CarlEmail)]
    [InlineData(DemoVisibility.Visitor)]
    public async Task Outsiders_see_the_opened_job_as_a_plain_public_job(string email)
    {
        var cut = await JobAsync(email, DemoWorld.AcmeOpenedCloudFirstJob);

        Assert.Contains(DemoWorld.AcmeOpenedCloudFirstJob, cut.Find("h1").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoWorld.AcmeMobile, cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Talent Cloud", cut.Find("article").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=cloud-first]"));
        Assert.Empty(cut.FindAll("[data-testid=job-audience]"));
    }

    [Fact]
    public async Task Omar_pays_the_normal_tier_on_the_opened_job()
    {
        var cut = await JobAsync(DemoWorld.OmarEmail, DemoWorld.AcmeOpenedCloudFirstJob);

        Assert.Contains("This proposal costs 2 Connects", cut.Find("[data-testid=proposal-cost]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_poster_opens_a_cloud_only_job_to_everyone_after_confirming()
    {
        var host = RenderProviders();
        var cut = await JobAsync(DemoWorld.MariaEmail, DemoWorld.AcmeKotlinCloudJob);
        Assert.Equal($"Only members of {DemoWorld.AcmeMobile}", cut.Find("[data-testid=job-audience]").TextContent.Trim());

        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Open to everyone now").Click();
        var dialog = host.WaitForElement("[role=dialog]");
        Assert.Contains("never goes back to its cloud", dialog.TextContent, StringComparison.Ordinal);
        host.FindAll("[role=dialog] button").Single(b => b.TextContent.Trim() == "Open to everyone").Click();

        cut.WaitForAssertion(() => Assert.StartsWith("Posted to Acme Pro Mobile Developers first; open to everyone since",
            cut.Find("[data-testid=job-audience]").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent.Trim() == "Open to everyone now");
        await using var db = Db.CreateDbContext();
        Assert.NotNull(await db.Jobs.Where(j => j.Title == DemoWorld.AcmeKotlinCloudJob).Select(j => j.PublicFrom).SingleAsync());
    }

    [Fact]
    public async Task The_poster_of_an_opened_or_public_job_gets_no_audience_button_and_others_get_no_poster_panel()
    {
        var opened = await JobAsync(DemoWorld.RajEmail, DemoWorld.AcmeOpenedCloudFirstJob);
        Assert.DoesNotContain(opened.FindAll("button"), b => b.TextContent.Trim() == "Open to everyone now");
        Assert.Contains(opened.FindAll("button"), b => b.TextContent.Trim() == "Close job");

        var fiona = await JobAsync(DemoWorld.FionaEmail, DemoWorld.AcmeKotlinCloudJob);
        Assert.DoesNotContain(fiona.FindAll("button"), b => b.TextContent.Trim() is "Open to everyone now" or "Close job");
    }

    [Fact]
    public async Task A_refused_cover_letter_shows_the_reason_and_keeps_the_draft()
    {
        var cut = await JobAsync(DemoWorld.LeeEmail, "Fix a flaky PostgreSQL report");
        Field(cut, "Cover letter").Input(LetterWithPhone);
        Field(cut, "Your bid").Input("250");

        cut.Find("form[aria-label='Your proposal']").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Not sent: your cover letter contains a phone number",
            cut.Find("[data-testid=proposal-errors] [role=alert]").TextContent, StringComparison.Ordinal));
        Assert.Contains("scams and fraud", cut.Find("[data-testid=proposal-errors]").TextContent, StringComparison.Ordinal);
        Assert.Equal(LetterWithPhone, Field(cut, "Cover letter").TextContent);
        await using var db = Db.CreateDbContext();
        Assert.Equal(0, await db.Proposals.CountAsync(p => p.CoverLetter == LetterWithPhone));
    }

    [Fact]
    public async Task The_same_cover_letter_to_an_acme_job_is_sent()
    {
        var cut = await JobAsync(DemoWorld.LeeEmail, DemoWorld.AcmeIosJob);
        Field(cut, "Cover letter").Input(LetterWithPhone);
        Field(cut, "Your hourly rate").Input("90");

        cut.Find("form[aria-label='Your proposal']").Submit();

        cut.WaitForAssertion(() => Assert.Equal("Submitted", cut.Find("[data-testid=my-proposal-status]").TextContent.Trim()));
    }
}
