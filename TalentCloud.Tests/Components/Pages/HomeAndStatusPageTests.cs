using Bunit;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;
using TalentCloud.Web.Components.Pages;
using TalentCloud.Web.Components.Pages.Home;

namespace TalentCloud.Tests.Components.Pages;

/// <summary>The home page per role, and the two status pages.</summary>
public sealed class HomeAndStatusPageTests : ComponentTestBase
{
    public static TheoryData<string, string[], string[]> HomeByRole => new()
    {
        { DemoVisibility.Visitor, ["Private talent networks for enterprise teams", "Create an account"], ["Welcome", "Your Talent Clouds", "Platform administration"] },
        { DemoWorld.FionaEmail, ["Welcome, Fiona Park", "Your profile", "/freelancers/fiona-park"], ["Your agency", "Your Talent Clouds", "Create an account"] },
        { DemoWorld.NinaEmail, ["Your agency", "/agencies/northwind-studio"], ["Your Talent Clouds"] },
        { DemoWorld.MariaEmail, ["Acme Corp", "owner of Acme Corp", "Your Talent Clouds", DemoWorld.AcmeMobile, DemoWorld.AcmeData], [DemoWorld.GlobexDesign, "Talent Clouds come with an Enterprise subscription"] },
        { DemoWorld.RajEmail, ["hiring manager of Acme Corp", DemoWorld.AcmeData], [DemoWorld.GlobexDesign] },
        { DemoWorld.CarlEmail, ["Initech", "Talent Clouds come with an Enterprise subscription"], ["Your Talent Clouds", "Verified Enterprise client", DemoWorld.AcmeMobile] },
        { DemoWorld.AdminEmail, ["Platform administration", "/admin/removals"], ["Welcome", "Create an account"] },
    };

    [Theory]
    [MemberData(nameof(HomeByRole))]
    public async Task Each_role_gets_its_own_home(string email, string[] present, string[] absent)
    {
        await SignInAsAsync(email);
        var cut = Render<HomePage>();
        cut.WaitForAssertion(() => Assert.Contains(present[0], cut.Markup, StringComparison.Ordinal));
        Assert.All(present, text => Assert.Contains(text, cut.Markup, StringComparison.Ordinal));
        Assert.All(absent, text => Assert.DoesNotContain(text, cut.Markup, StringComparison.Ordinal));
        Assert.Single(cut.FindAll("h1"));
    }

    [Fact]
    public void The_not_found_page_says_so_and_leads_home()
    {
        var cut = Render<NotFoundPage>();
        Assert.Equal("Page not found", cut.Find("h1").TextContent);
        Assert.Equal("/", cut.Find("a[href='/']").GetAttribute("href"));
    }

    [Fact]
    public void The_error_page_reassures_and_leads_home()
    {
        var cut = Render<ErrorPage>();
        Assert.Equal("Something went wrong", cut.Find("h1").TextContent);
        Assert.Contains("Nothing you saved was lost", cut.Markup, StringComparison.Ordinal);
    }
}
