using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using TalentCloud.Core.Jobs;
using TalentCloud.Tests.Support;
using TalentCloud.Web.Components.Shared;
using TalentCloud.Web.Components.Shared.Actions;
using TalentCloud.Web.Components.Shared.Paging;

namespace TalentCloud.Tests.Components.Shared;

/// <summary>The remaining shared pieces: job card and budget, filter form, sort link, busy button, panel card, redirect.</summary>
public sealed class BuildingBlockTests : ComponentTestBase
{
    private static JobSummary Job(string? cloud, bool enterprise) => new(42, "Kotlin developer", "Build the rewards app.", "Acme Corp", enterprise,
        cloud, BudgetType.Hourly, 85, ExperienceLevel.Expert, ["Kotlin", "Android"], JobStatus.Open,
        new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero), cloud is null ? 6 : 0, 3);

    [Fact]
    public void A_cloud_job_card_carries_its_cloud_and_costs_nothing()
    {
        var cut = Render<JobCard>(p => p.Add(x => x.Job, Job("Acme Pro Mobile Developers", enterprise: true)));
        Assert.Equal("job-title-42", cut.Find("article").GetAttribute("aria-labelledby"));
        Assert.Equal("/jobs/42", cut.Find("#job-title-42 a").GetAttribute("href"));
        Assert.Contains("Acme Pro Mobile Developers", cut.Find(".job-cloud-label").TextContent, StringComparison.Ordinal);
        Assert.Contains("Free (0 Connects)", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("Hourly, up to $85/hr", cut.Markup, StringComparison.Ordinal);
        Assert.Single(cut.FindAll("span[role=img][aria-label='Enterprise client']"));
        Assert.DoesNotContain("Proposals", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_public_job_card_has_no_cloud_label_and_the_owner_sees_status_and_proposals()
    {
        var cut = Render<JobCard>(p => p.Add(x => x.Job, Job(null, enterprise: false)).Add(x => x.ShowStatus, true));
        Assert.Empty(cut.FindAll(".job-cloud-label"));
        Assert.Empty(cut.FindAll("[role=img][aria-label='Enterprise client']"));
        Assert.Contains("6 Connects", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("/org/jobs/42/proposals", cut.Find("a[href$='/proposals']").GetAttribute("href"));
        Assert.Equal(["Budget", "Level", "Posted", "Proposal", "Status", "Proposals"], cut.FindAll("dt").Select(d => d.TextContent));
    }

    [Fact]
    public void Budgets_read_as_words()
    {
        Assert.Equal("Fixed price, $1,500", JobBudget.Describe(BudgetType.Fixed, 1500));
        Assert.Equal("Hourly, up to $40/hr", JobBudget.Describe(BudgetType.Hourly, 40));
    }

    [Fact]
    public void The_filter_form_is_a_named_search_landmark_that_gets()
    {
        var cut = Render<FilterForm>(p => p.Add(x => x.Action, "/admin/removals").Add(x => x.Label, "Filter removal requests")
            .Add(x => x.SubmitText, "Filter").AddChildContent("<input name=\"member\" />"));
        var form = cut.Find("form");
        Assert.Equal(("get", "/admin/removals", "search", "Filter removal requests"),
            (form.GetAttribute("method"), form.GetAttribute("action"), form.GetAttribute("role"), form.GetAttribute("aria-label")));
        Assert.NotNull(form.QuerySelector("input[name=member]"));
        Assert.Equal("Filter", form.QuerySelector("button[type=submit]")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("member", false, "member", true, "ascending")]
    [InlineData("member", true, "member", false, "descending")]
    [InlineData("cloud", false, "member", false, "none")]
    public void Sort_links_flip_the_current_column_and_start_others_ascending(string current, bool descending, string expectedColumn,
        bool expectedDescending, string ariaSort)
    {
        var cut = Render<SortLink>(p => p.Add(x => x.Text, "Member").Add(x => x.Column, "member").Add(x => x.Current, current)
            .Add(x => x.Descending, descending).Add(x => x.Link, (column, desc) => $"/q?sort={column}&desc={desc}"));
        Assert.Equal($"/q?sort={expectedColumn}&desc={expectedDescending}", cut.Find("a").GetAttribute("href"));
        Assert.Equal(ariaSort, SortLink.AriaSort("member", current, descending));
        Assert.Equal(current == "member", cut.FindAll("svg").Count == 1);
    }

    [Fact]
    public async Task The_busy_button_is_disabled_and_marked_busy_while_its_action_runs()
    {
        var state = new ActionState();
        var cut = Render<BusyButton>(p => p.Add(x => x.State, state).AddChildContent("Save"));
        Assert.False(cut.Find("button").HasAttribute("disabled"));

        var release = new TaskCompletionSource<TalentCloud.Core.Common.Result>();
        var running = cut.InvokeAsync(() => Services.GetRequiredService<PageActionRunner>().RunAsync(state, () => release.Task));
        cut.Render();
        Assert.True(cut.Find("button").HasAttribute("disabled"));
        Assert.Equal("true", cut.Find("button").GetAttribute("aria-busy"));
        release.SetResult(TalentCloud.Core.Common.Result.Success);
        await running;
        cut.Render();
        Assert.False(cut.Find("button").HasAttribute("disabled"));
    }

    [Fact]
    public void The_busy_button_waits_for_the_live_connection()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        var cut = Render<BusyButton>(p => p.Add(x => x.State, new ActionState()).AddChildContent("Save"));
        Assert.True(cut.Find("button").HasAttribute("disabled"));
    }

    [Fact]
    public void A_panel_card_titles_its_content()
    {
        var cut = Render<PanelCard>(p => p.Add(x => x.Title, "Hiring").AddChildContent("<p>Invite</p>"));
        Assert.Equal("Hiring", cut.Find("h2").TextContent);
        Assert.Equal("Invite", cut.Find(".panel-card p").TextContent);
    }

    [Fact]
    public void Signing_in_is_asked_for_with_the_way_back()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/settings/profile?tab=2");
        Render<RedirectToLogin>();
        Assert.Equal("Account/Login?returnUrl=settings%2Fprofile%3Ftab%3D2", navigation.ToBaseRelativePath(navigation.Uri));
    }
}
