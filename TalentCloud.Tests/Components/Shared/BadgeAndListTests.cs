using Bunit;
using TalentCloud.Tests.Support;
using TalentCloud.Web.Components.Shared;

namespace TalentCloud.Tests.Components.Shared;

/// <summary>The small display components: Enterprise badge, skill list, empty state, loading line, result messages.</summary>
public sealed class BadgeAndListTests : ComponentTestBase
{
    [Fact]
    public void Shown_badge_is_an_image_role_with_a_label_and_a_hidden_icon()
    {
        var cut = Render<EnterpriseBadge>(p => p.Add(x => x.Show, true));
        var badge = Assert.Single(cut.FindAll("span[role=img]"));
        Assert.Equal("Enterprise client", badge.GetAttribute("aria-label"));
        Assert.Equal("true", badge.QuerySelector("span")!.GetAttribute("aria-hidden"));
        Assert.DoesNotContain("Enterprise", badge.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Verified_badge_says_enterprise_and_is_labelled_as_verified()
    {
        var cut = Render<EnterpriseBadge>(p => p.Add(x => x.Verified, true));
        var badge = cut.Find("[role=img]");
        Assert.Equal("Verified Enterprise client", badge.GetAttribute("aria-label"));
        Assert.Contains("Enterprise", badge.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Hidden_badge_renders_no_markup()
    {
        Assert.Equal("", Render<EnterpriseBadge>(p => p.Add(x => x.Show, false)).Markup.Trim());
    }

    [Fact]
    public void Skill_list_is_a_named_list_of_its_skills()
    {
        var cut = Render<SkillList>(p => p.Add(x => x.Skills, ["Swift", "Kotlin"]).Add(x => x.Label, "Required skills"));
        Assert.Equal("Required skills", cut.Find("ul").GetAttribute("aria-label"));
        Assert.Equal(["Swift", "Kotlin"], cut.FindAll("li").Select(li => li.TextContent));
    }

    [Fact]
    public void Empty_state_says_why_and_offers_the_next_step()
    {
        var cut = Render<EmptyState>(p => p.Add(x => x.Text, "No jobs yet.")
            .AddChildContent("<a href=\"/jobs/new\">Post a job</a>"));
        Assert.Contains("No jobs yet.", cut.Find("[data-testid=empty-state]").TextContent, StringComparison.Ordinal);
        Assert.Equal("/jobs/new", cut.Find(".empty-state-action a").GetAttribute("href"));
    }

    [Fact]
    public void Loading_is_announced_as_a_status()
    {
        var cut = Render<Loading>(p => p.Add(x => x.Text, "Loading jobs…"));
        Assert.Equal("status", cut.Find("[data-testid=loading]").GetAttribute("role"));
        Assert.Contains("Loading jobs…", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Result_messages_list_several_errors_as_an_alert_and_nothing_without_them()
    {
        var cut = Render<ResultMessages>(p => p.Add(x => x.Errors, ["Title is required.", "Budget must be positive."]));
        Assert.Equal("alert", cut.Find("[role=alert]").GetAttribute("role"));
        Assert.Equal(["Title is required.", "Budget must be positive."], cut.FindAll("li").Select(li => li.TextContent));

        Assert.Equal("", Render<ResultMessages>(p => p.Add(x => x.Errors, [])).Markup.Trim());
        Assert.Contains("Saved.", Render<ResultMessages>(p => p.Add(x => x.Success, "Saved.")).Find("[role=status]").TextContent, StringComparison.Ordinal);
    }
}
