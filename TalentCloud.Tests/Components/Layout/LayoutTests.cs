using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;
using TalentCloud.Web;
using TalentCloud.Web.Components.Layout;

namespace TalentCloud.Tests.Components.Layout;

/// <summary>The layout per role: what the app bar and the drawer offer, and what they must not.</summary>
public sealed class LayoutTests : ComponentTestBase
{
    private async Task<IRenderedComponent<MainLayout>> LayoutAsAsync(string email, bool dark = false)
    {
        await SignInAsAsync(email);
        return Render<MainLayout>(p => p
            .AddCascadingValue(new ThemeMode(dark))
            .Add(x => x.Body, (RenderFragment)(b => b.AddMarkupContent(0, "<h1>Body of the page</h1>"))));
    }

    private static List<string> NavLinks(IRenderedComponent<MainLayout> cut) =>
        [.. cut.FindAll(".nav-menu a").Select(a => a.GetAttribute("href")!)];

    public static TheoryData<string, string[], string[]> DrawerByRole => new()
    {
        { DemoVisibility.Visitor, ["/", "/jobs", "/help"], ["/my/talent-clouds", "/org", "/admin", "/search", "/messages", "/notifications"] },
        { DemoWorld.FionaEmail, ["/freelancers/fiona-park", "/my/talent-clouds", "/my/talent-clouds/jobs", "/my/proposals", "/my/connects", "/messages", "/settings/profile", "/settings/notifications"], ["/org", "/admin", "/search", "/org/clouds"] },
        { DemoWorld.NinaEmail, ["/agencies/northwind-studio", "/my/talent-clouds"], ["/org", "/admin", "/search"] },
        { DemoWorld.MariaEmail, ["/org", "/search", "/org/clouds", "/org/jobs", "/org/jobs/new", "/org/profile", "/messages"], ["/my/talent-clouds", "/admin", "/settings/profile"] },
        { DemoWorld.RajEmail, ["/org", "/search", "/org/clouds"], ["/org/profile", "/admin", "/my/talent-clouds"] },
        { DemoWorld.CarlEmail, ["/org", "/search", "/org/jobs/new", "/org/profile"], ["/org/clouds", "/admin", "/my/talent-clouds"] },
        { DemoWorld.AdminEmail, ["/admin", "/admin/removals", "/admin/audit", "/admin/organizations", "/admin/connects", "/admin/outbox", "/search"], ["/my/talent-clouds", "/org", "/messages"] },
    };

    [Theory]
    [MemberData(nameof(DrawerByRole))]
    public async Task The_drawer_offers_each_role_its_own_links(string email, string[] present, string[] absent)
    {
        var links = NavLinks(await LayoutAsAsync(email));
        Assert.All(present, href => Assert.Contains(href, links));
        Assert.All(absent, href => Assert.DoesNotContain(href, links));
    }

    [Fact]
    public async Task A_visitor_gets_sign_in_and_join_and_no_balance_or_bell()
    {
        var cut = await LayoutAsAsync(DemoVisibility.Visitor);
        Assert.Contains("Sign in", cut.Find("header").TextContent, StringComparison.Ordinal);
        Assert.Contains("Join TalentCloud", cut.Find("header").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=notification-bell]"));
        Assert.Empty(cut.FindAll("[data-testid=connects-balance]"));
        Assert.Empty(cut.FindAll("[data-testid=signed-in-user]"));
    }

    [Fact]
    public async Task A_freelancer_sees_balance_bell_and_menu_whose_names_contain_their_visible_text()
    {
        var cut = await LayoutAsAsync(DemoWorld.FionaEmail);
        var balance = cut.Find("header [data-testid=connects-balance]");
        Assert.Null(balance.GetAttribute("aria-label"));
        Assert.Equal("10 Connects", balance.TextContent.Trim());
        Assert.Equal("10", cut.Find("header [data-testid=connects-balance-value]").TextContent);

        var bell = cut.Find("header [data-testid=notification-bell]");
        Assert.Null(bell.GetAttribute("aria-label"));
        var unread = cut.Find("[data-testid=unread-count]").TextContent;
        Assert.Equal("1", unread);
        Assert.Equal("Notifications, 1 unread", string.Join(' ', bell.TextContent.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)));

        Assert.Contains("Fiona Park", cut.Find("[data-testid=signed-in-user]").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoWorld.CarlEmail)]
    [InlineData(DemoWorld.AdminEmail)]
    public async Task Clients_and_admins_have_no_connects_balance(string email)
    {
        var cut = await LayoutAsAsync(email);
        Assert.Empty(cut.FindAll("[data-testid=connects-balance]"));
        Assert.Single(cut.FindAll("[data-testid=notification-bell]"));
    }

    [Theory]
    [InlineData(false, "dark", "false")]
    [InlineData(true, "light", "true")]
    public async Task The_theme_switch_posts_the_other_theme_and_says_whether_dark_is_on(bool dark, string posted, string pressed)
    {
        var cut = await LayoutAsAsync(DemoWorld.FionaEmail, dark);
        var form = cut.Find("form.theme-toggle");
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("/preferences/theme", form.GetAttribute("action"));
        Assert.Equal(posted, form.QuerySelector("input[name=theme]")!.GetAttribute("value"));
        var button = form.QuerySelector("button")!;
        Assert.Equal("Dark theme", button.GetAttribute("aria-label"));
        Assert.Equal(pressed, button.GetAttribute("aria-pressed"));
    }

    [Fact]
    public async Task The_drawer_toggle_has_a_name_and_says_whether_the_drawer_is_open()
    {
        var cut = await LayoutAsAsync(DemoWorld.FionaEmail);
        var toggle = cut.Find("button.drawer-toggle");
        Assert.Equal("app-navigation", toggle.GetAttribute("aria-controls"));
        var wasOpen = toggle.GetAttribute("aria-expanded") == "true";
        Assert.Equal(wasOpen ? "Hide navigation" : "Show navigation", toggle.GetAttribute("aria-label"));

        toggle.Click();
        var after = cut.Find("button.drawer-toggle");
        Assert.Equal(wasOpen ? "false" : "true", after.GetAttribute("aria-expanded"));
        Assert.Equal(wasOpen ? "Show navigation" : "Hide navigation", after.GetAttribute("aria-label"));
    }

    [Fact]
    public async Task The_page_sits_in_the_main_landmark()
    {
        var cut = await LayoutAsAsync(DemoWorld.FionaEmail);
        Assert.Equal("Body of the page", cut.Find("main#main h1").TextContent);
    }
}
