using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Data;
using TalentCloud.Core.Invitations;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.EndToEnd;

/// <summary>The two ways of joining a cloud, end to end in a real browser over the Blazor circuit.</summary>
[Collection(BrowserCollection.Name)]
public sealed class JoiningBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    static JoiningBrowserTests() =>
        // The machine is shared and the suite runs classes in parallel: give each expectation the same patience as page actions.
        Assertions.SetDefaultExpectTimeout(20_000);

    private static ILocator MembershipsPanel(IPage page) => page.GetByRole(AriaRole.Complementary, new() { Name = "Talent Clouds" });

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, email, DemoWorld.Password);
        return page;
    }

    /// <summary>Waits until the page's interactive circuit is up, so typed input is not lost to the prerendered copy.</summary>
    private static Task InteractiveAsync(IPage page) => page.Locator("[data-interactive=true]").First.WaitForAsync();

    [Fact]
    public async Task Invitation_accept_pending_with_unmet_criteria_then_approval_then_the_visibility_rule_holds()
    {
        // The demo world already holds an invitation for omar to this cloud; he declines it first so that maria's is the one he answers.
        await using (var scope = browser.App.Services.CreateAsyncScope())
        {
            var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            var omarUser = await db.Users.Where(u => u.Email == DemoWorld.OmarEmail).Select(u => u.Id).SingleAsync();
            var omarActor = await scope.ServiceProvider.GetRequiredService<ActorLoader>().LoadAsync(omarUser);
            var seeded = await db.Invitations.Where(i => omarActor.ProfileIds.Contains(i.ProfileId) && i.Status == InvitationStatus.Pending).Select(i => i.Id).SingleAsync();
            Assert.True((await scope.ServiceProvider.GetRequiredService<InvitationService>().DeclineAsync(omarActor, seeded)).Succeeded);
            await db.DisposeAsync();
        }

        var maria = await SignedInAsync(DemoWorld.MariaEmail);
        await maria.GotoAsync(DemoVisibility.Omar);
        await InteractiveAsync(maria);
        var invitations = browser.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        int InvitationCount()
        {
            using var db = invitations.CreateDbContext();
            return db.Invitations.Count();
        }

        var before = InvitationCount();
        var invite = maria.GetByRole(AriaRole.Button, new() { Name = "Invite to cloud" });
        await invite.ClickAsync();
        var dialog = maria.GetByRole(AriaRole.Dialog);

        await maria.ReloadAsync();
        await InteractiveAsync(maria);
        await invite.ClickAsync();
        await BrowserFixture.ChooseAsync(dialog.GetByRole(AriaRole.Combobox), DemoWorld.AcmeData);
        await dialog.GetByLabel("Note (optional").FillAsync("We would love your PostgreSQL experience in the guild.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Assertions.Expect(BrowserFixture.Snackbar(maria, "Invitation sent to Omar Haddad")).ToBeVisibleAsync();

        var omar = await SignedInAsync(DemoWorld.OmarEmail);
        await omar.GotoAsync("/my/talent-clouds");
        var invitation = omar.GetByTestId("invitation");
        await Assertions.Expect(invitation).ToHaveCountAsync(1);
        await Assertions.Expect(invitation).ToContainTextAsync(DemoWorld.AcmeData);
        await Assertions.Expect(invitation).ToContainTextAsync("Acme Corp");
        await Assertions.Expect(invitation).ToContainTextAsync("Skills: SQL");
        await Assertions.Expect(invitation).ToContainTextAsync("PostgreSQL experience");
        await invitation.GetByRole(AriaRole.Button, new() { Name = "Accept invitation" }).ClickAsync();
        await Assertions.Expect(BrowserFixture.Snackbar(omar, "You are pending approval")).ToBeVisibleAsync();
        var membership = omar.GetByTestId("membership").Filter(new() { HasText = DemoWorld.AcmeData });
        await Assertions.Expect(membership).ToContainTextAsync("Pending approval");
        await Assertions.Expect(membership).ToContainTextAsync("Missing required skill: SQL");
        await Assertions.Expect(membership).ToContainTextAsync("Located in Jordan");
        await Assertions.Expect(membership).ToContainTextAsync("Invitation from Maria Lopez");

        var raj = await SignedInAsync(DemoWorld.RajEmail);
        await raj.GotoAsync("/org/clouds");
        await raj.GotoAsync((await raj.GetByRole(AriaRole.Link, new() { Name = DemoWorld.AcmeData }).GetAttributeAsync("href"))!);
        await BrowserFixture.WaitForCircuitAsync(raj);
        var row = raj.GetByRole(AriaRole.Row).Filter(new() { HasText = "Omar Haddad" });
        await Assertions.Expect(row).ToContainTextAsync("Pending approval");
        // The approval asks first; Escape closes the dialog and changes nothing.
        var approve = row.GetByRole(AriaRole.Button, new() { Name = "Approve Omar Haddad" });
        var approval = raj.GetByRole(AriaRole.Dialog, new() { Name = "Approve Omar Haddad?" });
        await approve.ClickAsync();
        await Assertions.Expect(approval).ToBeVisibleAsync();
        await BrowserFixture.EscapeAsync(approval);
        await Assertions.Expect(row).ToContainTextAsync("Pending approval");
        await approve.ClickAsync();
        await approval.GetByRole(AriaRole.Button, new() { Name = "Approve member" }).ClickAsync();
        await Assertions.Expect(BrowserFixture.Snackbar(raj, $"Omar Haddad is now an Active member of {DemoWorld.AcmeData}.")).ToBeVisibleAsync();
        await Assertions.Expect(row).ToContainTextAsync("Active");

        await maria.GotoAsync(DemoVisibility.Omar);
        await Assertions.Expect(MembershipsPanel(maria)).ToContainTextAsync(DemoWorld.AcmeData);

        var lee = await SignedInAsync(DemoWorld.LeeEmail);
        await lee.GotoAsync(DemoVisibility.Omar);
        await Assertions.Expect(MembershipsPanel(lee)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\s*Talent Clouds\s*Talent Cloud\s*$"));
        Assert.DoesNotContain(DemoWorld.AcmeData, await lee.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offer_tasks_then_acceptance_place_lee_active_with_the_contract()
    {
        var lee = await SignedInAsync(DemoWorld.LeeEmail);
        await lee.GotoAsync("/my/talent-clouds");
        // Followed by address rather than by click, so a click during the circuit's start-up cannot get lost.
        await lee.GotoAsync((await lee.GetByRole(AriaRole.Link, new() { Name = DemoWorldSeeder.LeeOfferTitle }).GetAttributeAsync("href"))!);
        var offerUrl = lee.Url;
        await InteractiveAsync(lee);

        var accept = lee.GetByRole(AriaRole.Button, new() { Name = "Accept offer" });
        await Assertions.Expect(accept).ToBeDisabledAsync();
        var blockers = lee.GetByTestId("blockers");
        await Assertions.Expect(blockers).ToContainTextAsync("waiting for you to accept the agreement");
        await Assertions.Expect(blockers).ToContainTextAsync("waiting for your consent");

        var agreement = lee.GetByTestId("task").Filter(new() { HasText = "Globex contractor agreement" });
        await Assertions.Expect(agreement.GetByTestId("whose-move")).ToHaveTextAsync("Your move");
        await agreement.GetByRole(AriaRole.Button, new() { Name = "Accept agreement" }).ClickAsync();
        await Assertions.Expect(agreement.GetByTestId("task-status")).ToContainTextAsync("Accepted by Lee Chen");

        var check = lee.GetByTestId("task").Filter(new() { HasText = "Background check" });
        await check.GetByRole(AriaRole.Button, new() { Name = "Give consent" }).ClickAsync();
        await Assertions.Expect(check.GetByTestId("whose-move")).ToHaveTextAsync("Waiting for Globex");
        await Assertions.Expect(blockers).ToContainTextAsync("waiting for Globex to record the result");
        await Assertions.Expect(accept).ToBeDisabledAsync();

        var hank = await SignedInAsync(DemoWorld.HankEmail);
        await hank.GotoAsync(offerUrl);
        var hanksCheck = hank.GetByTestId("task").Filter(new() { HasText = "Background check" });
        await Assertions.Expect(hanksCheck.GetByTestId("whose-move")).ToHaveTextAsync("Your move");
        await hanksCheck.GetByRole(AriaRole.Button, new() { Name = "Mark check passed" }).ClickAsync();
        await Assertions.Expect(hanksCheck.GetByTestId("task-status")).ToContainTextAsync("Passed");

        await lee.ReloadAsync();
        await InteractiveAsync(lee);
        await lee.GetByRole(AriaRole.Button, new() { Name = "Accept offer" }).ClickAsync();
        await Assertions.Expect(BrowserFixture.Snackbar(lee, "Offer accepted")).ToBeVisibleAsync();
        await Assertions.Expect(lee.GetByTestId("offer-status")).ToHaveTextAsync("Accepted");

        await lee.GotoAsync("/my/talent-clouds");
        var membership = lee.GetByTestId("membership").Filter(new() { HasText = DemoWorld.GlobexDesign });
        await Assertions.Expect(membership).ToContainTextAsync("Active");
        await Assertions.Expect(membership).ToContainTextAsync("Contract with Globex");
        await Assertions.Expect(membership).ToContainTextAsync(DemoWorldSeeder.LeeOfferTitle);
    }
}
