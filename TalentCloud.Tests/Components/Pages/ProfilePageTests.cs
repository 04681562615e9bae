using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;
using TalentCloud.Web.Components.Pages.Profiles;

namespace TalentCloud.Tests.Components.Pages;

/// <summary>
/// The profile page per viewer: the Talent Clouds panel follows the visibility rule to the letter (absent from the
/// markup when the viewer may see nothing), and the hiring actions appear only where Core allows them.
/// </summary>
public sealed class ProfilePageTests : ComponentTestBase
{
    private async Task<IRenderedComponent<ProfilePage>> ProfileAsync(string viewer, string path)
    {
        await SignInAsAsync(viewer);
        Services.GetRequiredService<NavigationManager>().NavigateTo(path);
        return Render<ProfilePage>(p => p.Add(x => x.Handle, path[(path.LastIndexOf('/') + 1)..]));
    }

    public static TheoryData<string, string> Cases() => DemoVisibility.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_panel_shows_exactly_what_the_rule_allows(string viewer, string path)
    {
        var expected = DemoVisibility.All().Single(e => e.Viewer == viewer && e.ProfilePath == path);
        var cut = await ProfileAsync(viewer, path);
        var panels = cut.FindAll("aside[aria-label='Talent Clouds']");
        if (!expected.PanelShown)
        {
            Assert.Empty(panels);
            Assert.DoesNotContain("Talent Clouds", cut.Markup, StringComparison.Ordinal);
        }
        else
        {
            var names = Assert.Single(panels).QuerySelectorAll("li").Select(li => li.TextContent.Trim()).ToList();
            Assert.Equal(expected.Masked ? [.. expected.Names, "Talent Cloud"] : expected.Names, names);
        }

        foreach (var cloud in new[] { DemoWorld.AcmeMobile, DemoWorld.AcmeData, DemoWorld.GlobexDesign }.Except(expected.Names))
        {
            Assert.DoesNotContain(cloud, cut.Markup, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(DemoWorld.MariaEmail, true, true)]
    [InlineData(DemoWorld.RajEmail, true, true)]
    [InlineData(DemoWorld.CarlEmail, true, false)]
    [InlineData(DemoWorld.FionaEmail, false, false)]
    [InlineData(DemoWorld.AdminEmail, false, false)]
    [InlineData(DemoVisibility.Visitor, false, false)]
    public async Task Message_and_invite_appear_only_for_those_core_allows(string viewer, bool message, bool invite)
    {
        var cut = await ProfileAsync(viewer, DemoVisibility.Omar);
        Assert.Equal(message, cut.Markup.Contains("Message Omar Haddad", StringComparison.Ordinal));
        Assert.Equal(invite, cut.Markup.Contains("Invite to cloud", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_owner_gets_no_message_button_on_their_own_profile()
    {
        var cut = await ProfileAsync(DemoWorld.FionaEmail, DemoVisibility.Fiona);
        Assert.DoesNotContain("Message Fiona Park", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("Fiona Park", cut.Find("h1").TextContent);
    }

    [Fact]
    public async Task Inviting_from_the_profile_sends_the_invitation_as_the_hiring_manager()
    {
        var host = RenderProviders();
        var cut = await ProfileAsync(DemoWorld.MariaEmail, DemoVisibility.Omar);
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Invite to cloud").Click();
        host.WaitForElement("[role=dialog] textarea").Input("We liked your SQL work.");
        host.FindAll("[role=dialog] button").Single(b => b.TextContent.Trim() == "Send invitation").Click();

        cut.WaitForAssertion(() => Assert.Contains("Invitation sent to Omar Haddad.", Snackbars()));
        await using var db = Db.CreateDbContext();
        var maria = await ActorAsync(DemoWorld.MariaEmail);
        var invitation = await db.Invitations.OrderBy(i => i.Id).LastAsync();
        Assert.Equal("We liked your SQL work.", invitation.Note);
        Assert.Equal(maria.UserId, invitation.InvitedByUserId);
    }

    [Fact]
    public async Task An_unknown_handle_renders_nothing()
    {
        var cut = await ProfileAsync(DemoWorld.MariaEmail, "/freelancers/nobody-here");
        Assert.Equal("", cut.Markup.Trim());
    }
}
