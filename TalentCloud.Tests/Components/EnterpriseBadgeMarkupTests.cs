using TalentCloud.Tests.Support;
using TalentCloud.Web.Components.Shared;

namespace TalentCloud.Tests.Components;

/// <summary>The Enterprise badge is an icon with an accessible label, and nothing at all when not earned.</summary>
public sealed class EnterpriseBadgeMarkupTests
{
    [Fact]
    public async Task Shown_badge_is_an_image_role_with_a_label_and_a_hidden_icon()
    {
        var (_, doc) = await MarkupRenderer.RenderAsync<EnterpriseBadge>(new Dictionary<string, object?> { [nameof(EnterpriseBadge.Show)] = true });
        var badge = Assert.Single(doc.QuerySelectorAll("[role=img]"));
        Assert.Equal("Enterprise client", badge.GetAttribute("aria-label"));
        Assert.Equal("true", badge.QuerySelector("span")!.GetAttribute("aria-hidden"));
    }

    [Fact]
    public async Task Hidden_badge_renders_no_markup()
    {
        var (html, _) = await MarkupRenderer.RenderAsync<EnterpriseBadge>(new Dictionary<string, object?> { [nameof(EnterpriseBadge.Show)] = false });
        Assert.Equal("", html.Trim());
    }
}
