using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TalentCloud.Core.Data;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.EndToEnd;

/// <summary>
/// axe-core on the members' and the conversation pages per kind of viewer, in both themes, with the live circuit
/// running; and on the interview dialog and an interview card waiting for an answer.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TalentPagesAccessibilityBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string AcmeFiona = "{acme-fiona}";
    private const string InitechOmar = "{initech-omar}";

    public static TheoryData<string, string[]> PagesByViewer => new()
    {
        {
            DemoWorld.FionaEmail,
            ["/my/talent-clouds/jobs", "/my/proposals", "/my/connects", AcmeFiona, "/notifications", "/settings/notifications", "/my/talent-clouds/leave"]
        },
        { DemoWorld.LeeEmail, ["/my/talent-clouds/jobs"] },
        { DemoWorld.OmarEmail, ["/my/talent-clouds/leave"] },
        { DemoWorld.NinaEmail, ["/my/proposals"] },
        { DemoWorld.CarlEmail, [InitechOmar] },
        { DemoWorld.MariaEmail, ["/messages", "/org/profile"] },
    };

    private async Task<string> ResolveAsync(string path) => path switch
    {
        AcmeFiona => $"/messages/{await MessagingAppData.ConversationIdAsync(browser.App.Services, DemoWorld.Acme, DemoWorld.FionaHandle)}",
        InitechOmar => $"/messages/{await MessagingAppData.ConversationIdAsync(browser.App.Services, DemoWorld.Initech, DemoWorld.OmarHandle)}",
        _ => path,
    };

    [Theory]
    [MemberData(nameof(PagesByViewer))]
    public async Task Member_and_conversation_pages_have_no_serious_violations_in_either_theme(string viewer, string[] paths)
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, viewer, DemoWorld.Password);
        var addresses = new List<string>();
        foreach (var path in paths)
        {
            addresses.Add(await ResolveAsync(path));
        }

        await Accessibility.AssertPagesInBothThemesAsync(page, browser.BaseAddress, addresses, viewer);
    }

    [Fact]
    public async Task The_interview_dialog_and_a_waiting_interview_card_have_no_serious_violations()
    {
        var address = await ResolveAsync(AcmeFiona);
        var maria = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(maria, DemoWorld.MariaEmail, DemoWorld.Password);
        await maria.GotoAsync(address);
        await Assertions.Expect(maria.Locator("section.conversation[data-live=true]")).ToBeVisibleAsync();
        var open = maria.GetByRole(AriaRole.Button, new() { Name = "Propose an interview outside TalentCloud" });
        await open.ClickAsync();
        var dialog = maria.GetByRole(AriaRole.Dialog, new() { Name = "Propose an interview" });
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(maria, "the interview dialog");

        // Escape cancels: nothing is proposed and focus goes back to the button.
        await BrowserFixture.EscapeAsync(dialog);
        await Assertions.Expect(open).ToBeFocusedAsync();
        await using (var db = await browser.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            Assert.Equal(0, await db.InterviewProposals.CountAsync());
        }

        await open.ClickAsync();
        await dialog.GetByLabel("Meeting link").FillAsync("https://meet.example.com/acme-fiona");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Propose interview" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(maria.GetByTestId("interview")).ToBeVisibleAsync();

        var fiona = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(fiona, DemoWorld.FionaEmail, DemoWorld.Password);
        await fiona.GotoAsync(address);
        await Assertions.Expect(fiona.Locator("section.conversation[data-live=true]")).ToBeVisibleAsync();
        await Assertions.Expect(fiona.GetByRole(AriaRole.Button, new() { Name = "Accept interview" })).ToBeEnabledAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(fiona, "a conversation with an interview waiting for an answer");

        // Her answer reaches the open page of the client at once.
        await fiona.GetByRole(AriaRole.Button, new() { Name = "Accept interview" }).ClickAsync();
        await Assertions.Expect(maria.GetByTestId("interview-status")).ToHaveTextAsync("Accepted");
    }
}
