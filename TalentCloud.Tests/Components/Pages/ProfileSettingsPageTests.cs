using Bunit;
using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;
using TalentCloud.Web.Components.Pages.Settings;

namespace TalentCloud.Tests.Components.Pages;

/// <summary>Profile settings: the owner's values, Core's refusals beside the form with the input kept, and a real save.</summary>
public sealed class ProfileSettingsPageTests : ComponentTestBase
{
    private async Task<string> StoredTitleAsync()
    {
        await using var db = Db.CreateDbContext();
        return await db.Profiles.Where(p => p.Handle == DemoWorld.FionaHandle).Select(p => p.Title).SingleAsync();
    }

    private static AngleSharp.Dom.IElement Field(IRenderedComponent<ProfileSettingsPage> cut, string label) =>
        cut.FindAll(".mud-input-control").Single(c => c.QuerySelector("label")?.TextContent.Trim().TrimEnd('*') == label)
            .QuerySelector("input, textarea")!;

    [Fact]
    public async Task The_form_shows_the_owners_profile()
    {
        await SignInAsAsync(DemoWorld.FionaEmail);
        var cut = Render<ProfileSettingsPage>();
        Assert.Equal("Fiona Park", Field(cut, "Display name").GetAttribute("value"));
        Assert.Equal("/freelancers/fiona-park", cut.Find("a[href='/freelancers/fiona-park']").GetAttribute("href"));
    }

    [Fact]
    public async Task A_contact_detail_in_the_title_is_refused_beside_the_form_and_the_input_stays()
    {
        await SignInAsAsync(DemoWorld.FionaEmail);
        RenderProviders();
        var before = await StoredTitleAsync();
        var cut = Render<ProfileSettingsPage>();
        Field(cut, "Title").Input("Call me on +44 20 7946 0958");
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Save profile").Click();

        cut.WaitForAssertion(() => Assert.Contains("title", cut.Find("[role=alert]").TextContent, StringComparison.OrdinalIgnoreCase));
        Assert.Equal("Call me on +44 20 7946 0958", Field(cut, "Title").GetAttribute("value"));
        Assert.Equal(before, await StoredTitleAsync());
        Assert.Empty(Snackbars());
    }

    [Fact]
    public async Task An_empty_display_name_is_caught_before_saving()
    {
        await SignInAsAsync(DemoWorld.FionaEmail);
        var cut = Render<ProfileSettingsPage>();
        Field(cut, "Display name").Input("");
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Save profile").Click();
        cut.WaitForAssertion(() => Assert.Contains("Display name is required.", cut.Markup, StringComparison.Ordinal));
        await using var db = Db.CreateDbContext();
        Assert.Equal("Fiona Park", await db.Profiles.Where(p => p.Handle == DemoWorld.FionaHandle).Select(p => p.DisplayName).SingleAsync());
    }

    [Fact]
    public async Task A_valid_change_is_saved_for_the_owner_and_announced()
    {
        await SignInAsAsync(DemoWorld.FionaEmail);
        RenderProviders();
        var cut = Render<ProfileSettingsPage>();
        Field(cut, "Title").Input("Senior mobile developer");
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Save profile").Click();

        cut.WaitForAssertion(() => Assert.Contains("Profile saved.", Snackbars()));
        Assert.Equal("Senior mobile developer", await StoredTitleAsync());
    }

    [Theory]
    [InlineData(DemoWorld.MariaEmail)]
    [InlineData(DemoWorld.AdminEmail)]
    public async Task People_without_a_profile_get_no_form(string email)
    {
        await SignInAsAsync(email);
        var cut = Render<ProfileSettingsPage>();
        Assert.Empty(cut.FindAll("form, .mud-form"));
        Assert.DoesNotContain("Save profile", cut.Markup, StringComparison.Ordinal);
    }
}
