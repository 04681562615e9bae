using Microsoft.Playwright;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.EndToEnd;

/// <summary>
/// The contract route from a proposal, as the people would do it: maria hires omar through an offer into Acme Data
/// Guild, omar completes its tasks and accepts, and the membership shows to each viewer as the rule says; carl hires
/// directly, with no offer and no cloud.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HireBrowserTests : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture browser;

    public HireBrowserTests(BrowserFixture browser)
    {
        this.browser = browser;
        Assertions.SetDefaultExpectTimeout(30_000);
    }

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        await BrowserFixture.SignInAsync(page, email, DemoWorld.Password);
        return page;
    }

    private static ILocator Panel(IPage page) => page.GetByRole(AriaRole.Complementary, new() { Name = "Talent Clouds" });

    [Fact]
    public async Task Maria_hires_omar_into_the_data_guild_and_carl_hires_directly()
    {
        // Maria: Hire on omar's proposal to a public Acme job opens the offer; she picks Acme Data Guild and sees its tasks.
        var maria = await SignedInAsync(DemoWorld.MariaEmail);
        await maria.GotoAsync("/org/jobs");
        var jobHref = await maria.GetByRole(AriaRole.Link, new() { Name = DemoWorld.AcmeLoyaltyApiJob, Exact = true }).GetAttributeAsync("href");
        await maria.GotoAsync($"/org{jobHref}/proposals");
        await BrowserFixture.WaitForCircuitAsync(maria);
        var dialog = maria.GetByRole(AriaRole.Dialog, new() { Name = "Hire Omar Haddad through an offer" });
        var hire = maria.GetByRole(AriaRole.Button, new() { Name = "Hire Omar Haddad" });
        await BrowserFixture.OpenDialogAsync(hire, dialog);

        await BrowserFixture.ChooseAsync(dialog.GetByRole(AriaRole.Combobox), DemoWorld.AcmeData);
        await Assertions.Expect(dialog.GetByTestId("offer-tasks")).ToContainTextAsync("Acme data handling agreement");
        await Assertions.Expect(dialog.GetByTestId("offer-tasks")).ToContainTextAsync("Warehouse access policy");
        await Accessibility.AssertNoSeriousViolationsAsync(maria, "the hire dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Send offer" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(maria.GetByTestId("proposal-status")).ToHaveTextAsync("Offer sent");
        await Assertions.Expect(hire).ToHaveCountAsync(0);
        await maria.ReloadAsync();
        await BrowserFixture.WaitForCircuitAsync(maria);
        await Assertions.Expect(maria.GetByTestId("proposal-status")).ToHaveTextAsync("Offer sent");
        await Accessibility.AssertNoSeriousViolationsAsync(maria, "the proposals page with an offer sent");

        // Omar: the offer with the guild's tasks; he completes them and accepts.
        var omar = await SignedInAsync(DemoWorld.OmarEmail);
        await omar.GotoAsync("/my/talent-clouds");
        await omar.GotoAsync((await omar.GetByRole(AriaRole.Link, new() { Name = DemoWorld.AcmeLoyaltyApiJob }).First.GetAttributeAsync("href"))!);
        await BrowserFixture.WaitForCircuitAsync(omar);
        await Assertions.Expect(omar.GetByTestId("offer-origin")).ToContainTextAsync(DemoWorld.AcmeLoyaltyApiJob);
        var agreement = omar.GetByTestId("task").Filter(new() { HasText = "Acme data handling agreement" });
        await agreement.GetByRole(AriaRole.Button, new() { Name = "Accept agreement" }).ClickAsync();
        await Assertions.Expect(agreement.GetByTestId("task-status")).ToContainTextAsync("Accepted by Omar Haddad");
        var policy = omar.GetByTestId("task").Filter(new() { HasText = "Warehouse access policy" });
        await policy.GetByRole(AriaRole.Button, new() { Name = "Acknowledge document" }).ClickAsync();
        await Assertions.Expect(policy.GetByTestId("task-status")).ToContainTextAsync("Acknowledged by Omar Haddad");
        await omar.GetByRole(AriaRole.Button, new() { Name = "Accept offer" }).ClickAsync();
        await Assertions.Expect(omar.GetByTestId("offer-status")).ToHaveTextAsync("Accepted");

        // He is Active in the guild though he meets none of its criteria, and knows how he joined.
        await omar.GotoAsync("/my/talent-clouds");
        var membership = omar.GetByTestId("membership").Filter(new() { HasText = DemoWorld.AcmeData });
        await Assertions.Expect(membership).ToContainTextAsync("Active");
        await Assertions.Expect(membership).ToContainTextAsync($"Contract from Acme Corp, hired from your proposal to \"{DemoWorld.AcmeLoyaltyApiJob}\"");

        // Maria sees the guild's name on his profile; lee only "Talent Cloud".
        await maria.GotoAsync(DemoVisibility.Omar);
        await Assertions.Expect(Panel(maria)).ToContainTextAsync(DemoWorld.AcmeData);
        var lee = await SignedInAsync(DemoWorld.LeeEmail);
        await lee.GotoAsync(DemoVisibility.Omar);
        await Assertions.Expect(Panel(lee)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\s*Talent Clouds\s*Talent Cloud\s*$"));

        // Carl, an ordinary client: Hire asks once and starts the contract; no offer, no cloud.
        var carl = await SignedInAsync(DemoWorld.CarlEmail);
        await carl.GotoAsync("/org/jobs");
        var initechHref = await carl.GetByRole(AriaRole.Link, new() { Name = DemoWorld.InitechApiJob, Exact = true }).GetAttributeAsync("href");
        await carl.GotoAsync($"/org{initechHref}/proposals");
        await BrowserFixture.WaitForCircuitAsync(carl);
        var confirm = carl.GetByRole(AriaRole.Dialog, new() { Name = "Hire Omar Haddad?" });
        await BrowserFixture.OpenDialogAsync(carl.GetByRole(AriaRole.Button, new() { Name = "Hire Omar Haddad" }), confirm);

        await Assertions.Expect(confirm).ToContainTextAsync("starts now");
        await Assertions.Expect(confirm.GetByRole(AriaRole.Combobox)).ToHaveCountAsync(0);
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Hire and start the contract" }).ClickAsync();
        await Assertions.Expect(carl.GetByTestId("proposal-status")).ToHaveTextAsync("Hired");
    }
}
