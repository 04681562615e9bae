using Bunit;
using TalentCloud.Core.Visibility;
using TalentCloud.Tests.Support;
using TalentCloud.Web.Components.Shared;

namespace TalentCloud.Tests.Components.Shared;

/// <summary>The memberships panel renders exactly what the rule decided, and nothing when it decided nothing.</summary>
public sealed class CloudBadgesTests : ComponentTestBase
{
    private Bunit.IRenderedComponent<CloudBadges> Render(MembershipPanel panel) => Render<CloudBadges>(p => p.Add(x => x.Panel, panel));

    [Fact]
    public void Full_names_render_in_a_labelled_aside()
    {
        var cut = Render(new MembershipPanel(["Acme Pro Mobile Developers", "Globex Design Collective"], false));
        var aside = Assert.Single(cut.FindAll("aside"));
        Assert.Equal("Talent Clouds", aside.GetAttribute("aria-label"));
        Assert.Equal(["Acme Pro Mobile Developers", "Globex Design Collective"], aside.QuerySelectorAll("li").Select(li => li.TextContent.Trim()));
    }

    [Fact]
    public void Masked_membership_renders_one_label_and_no_count()
    {
        var cut = Render(new MembershipPanel([], true));
        var badge = Assert.Single(cut.FindAll("aside li"));
        Assert.Equal("Talent Cloud", badge.TextContent.Trim());
        Assert.DoesNotMatch(@"\d", cut.Find("aside").TextContent);
        Assert.DoesNotContain("Acme", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Hidden_panel_renders_no_markup_at_all()
    {
        var cut = Render(MembershipPanel.Empty);
        Assert.Equal("", cut.Markup.Trim());
    }
}
