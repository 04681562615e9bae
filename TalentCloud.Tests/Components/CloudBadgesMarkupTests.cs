using TalentCloud.Core.Visibility;
using TalentCloud.Tests.Support;
using TalentCloud.Web.Components.Shared;

namespace TalentCloud.Tests.Components;

/// <summary>The memberships panel renders exactly what the rule decided, and nothing when it decided nothing.</summary>
public sealed class CloudBadgesMarkupTests
{
    private static Task<(string Html, AngleSharp.Dom.IDocument Document)> Render(MembershipPanel panel) =>
        MarkupRenderer.RenderAsync<CloudBadges>(new Dictionary<string, object?> { [nameof(CloudBadges.Panel)] = panel });

    [Fact]
    public async Task Full_names_render_in_a_labelled_aside()
    {
        var (_, doc) = await Render(new MembershipPanel(["Acme Pro Mobile Developers", "Globex Design Collective"], false));
        var aside = Assert.Single(doc.QuerySelectorAll("aside"));
        Assert.Equal("Talent Clouds", aside.GetAttribute("aria-label"));
        Assert.Equal(["Acme Pro Mobile Developers", "Globex Design Collective"],
            aside.QuerySelectorAll("li").Select(li => li.TextContent.Trim('☁', ' ')));
    }

    [Fact]
    public async Task Masked_membership_renders_one_label_and_no_count()
    {
        var (html, doc) = await Render(new MembershipPanel([], true));
        var badge = Assert.Single(doc.QuerySelectorAll("aside li"));
        Assert.Equal("Talent Cloud", badge.TextContent.Trim('☁', ' '));
        Assert.DoesNotMatch(@"\d", doc.QuerySelector("aside")!.TextContent);
        Assert.DoesNotContain("Acme", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hidden_panel_renders_no_markup_at_all()
    {
        var (html, _) = await Render(MembershipPanel.Empty);
        Assert.Equal("", html.Trim());
    }
}
