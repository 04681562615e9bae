using Bunit;
using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Jobs;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;
using TalentCloud.Web.Components.Pages.Jobs;

namespace TalentCloud.Tests.Components.Pages;

/// <summary>Posting a job: the cloud choices only for Enterprise organisations, "cloud first" with its days, refusals beside the form.</summary>
public sealed class PostJobPageTests : ComponentTestBase
{
    private static readonly CloudChoice[] Clouds = [new(1, DemoWorld.AcmeMobile), new(2, DemoWorld.AcmeData)];

    private static AngleSharp.Dom.IElement Field<T>(IRenderedComponent<T> cut, string label)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.FindAll(".mud-input-control").Single(c => c.QuerySelector("label")?.TextContent.Trim().TrimEnd('*').StartsWith(label, StringComparison.Ordinal) == true)
            .QuerySelector("input, textarea")!;

    [Fact]
    public async Task An_enterprise_poster_chooses_the_audience_and_an_ordinary_client_gets_no_such_choice()
    {
        await SignInAsAsync(DemoWorld.MariaEmail);
        var maria = Render<PostJobPage>();
        Assert.Equal("Who sees this job", maria.Find("fieldset.audience-fields legend").TextContent.Trim());
        Assert.DoesNotContain(DemoWorld.GlobexDesign, maria.Markup, StringComparison.Ordinal);

        await SignInAsAsync(DemoWorld.CarlEmail);
        var carl = Render<PostJobPage>();
        Assert.Empty(carl.FindAll("fieldset.audience-fields"));
        Assert.DoesNotContain("Talent Cloud", carl.Find("form").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_public_job_offers_no_cloud_first_choice()
    {
        var cut = Render<JobAudienceFields>(p => p.Add(x => x.Clouds, Clouds));

        Assert.Empty(cut.FindAll("input[type=radio]"));
        Assert.DoesNotContain("Public after", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cloud_job_offers_only_the_cloud_or_first_the_cloud_then_everyone_after_days()
    {
        bool? chosen = null;
        var cut = Render<JobAudienceFields>(p => p.Add(x => x.Clouds, Clouds).Add(x => x.CloudId, 1)
            .Add(x => x.CloudFirstChanged, value => chosen = value));

        Assert.Equal(["Only my Talent Cloud", "My Talent Cloud first, then public"],
            cut.FindAll("label.mud-radio").Select(l => l.TextContent.Trim()));
        Assert.DoesNotContain("Public after (days)", cut.Markup, StringComparison.Ordinal);
        cut.FindAll("input[type=radio]")[1].Click();
        Assert.True(chosen);

        var first = Render<JobAudienceFields>(p => p.Add(x => x.Clouds, Clouds).Add(x => x.CloudId, 1).Add(x => x.CloudFirst, true)
            .Add(x => x.PublicAfterDays, 3));
        Assert.Equal("3", Field(first, "Public after (days)").GetAttribute("value"));
        Assert.Contains("From 1 to 30 days", first.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_post_shows_the_reasons_and_keeps_what_was_typed()
    {
        await SignInAsAsync(DemoWorld.CarlEmail);
        var cut = Render<PostJobPage>();
        Field(cut, "Title").Input("Database tuning");
        Field(cut, "Description").Input("Tune our reports. What's your WhatsApp? We talk faster there.");
        Field(cut, "Most you pay per hour").Input("60");

        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("a request to exchange contact details", cut.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        Assert.Equal("Database tuning", Field(cut, "Title").GetAttribute("value"));
        await using var db = Db.CreateDbContext();
        Assert.False(await db.Jobs.AnyAsync(j => j.Title == "Database tuning"));
    }
}
