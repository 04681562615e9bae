using Microsoft.Playwright;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.EndToEnd;

/// <summary>
/// The contact rule where it used to leak, in a browser: a name at registration, a skill, a cover letter to an ordinary
/// client (refused, the draft kept) and to an Enterprise client (sent), and asking for a WhatsApp in a message.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContactRuleBrowserTests : IClassFixture<BrowserFixture>
{
    private const string LetterWithPhone = "I fixed report timeouts like this before. Call me on +1 415 555 0100.";

    private readonly BrowserFixture browser;

    public ContactRuleBrowserTests(BrowserFixture browser)
    {
        this.browser = browser;
        Assertions.SetDefaultExpectTimeout(30_000);
    }

    private async Task<IPage> PageAsync(string? email = null)
    {
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        if (email is not null)
        {
            await BrowserFixture.SignInAsync(page, email, DemoWorld.Password);
        }

        return page;
    }

    private static async Task OpenJobAsync(IPage page, string query, string title)
    {
        await page.GotoAsync($"/jobs?q={Uri.EscapeDataString(query)}");
        await page.GotoAsync((await page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).GetAttributeAsync("href"))!);
        await BrowserFixture.WaitForCircuitAsync(page);
    }

    private static async Task ApplyAsync(IPage page, string letter, string bid)
    {
        await page.GetByLabel("Cover letter").FillAsync(letter);
        await page.GetByLabel(new System.Text.RegularExpressions.Regex("^Your (hourly rate|bid)")).FillAsync(bid);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send proposal" }).ClickAsync();
    }

    [Fact]
    public async Task Contact_details_are_refused_with_the_reason_where_the_rule_says_and_accepted_where_it_allows()
    {
        // A name with an e-mail address at registration.
        var visitor = await PageAsync();
        await visitor.GotoAsync("/Account/Register");
        await visitor.GetByLabel("a freelancer").CheckAsync();
        await visitor.GetByLabel("Name (your full name").FillAsync("Jo jo@x.io");
        await visitor.GetByLabel("Email").FillAsync("jo.new@example.test");
        await visitor.GetByLabel("Password", new() { Exact = true }).FillAsync("correct horse battery");
        await visitor.GetByLabel("Confirm password").FillAsync("correct horse battery");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync("No contact details on public pages");
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync("scams and fraud");

        // Lee: a skill with a phone number is refused.
        var lee = await PageAsync(DemoWorld.LeeEmail);
        await lee.GotoAsync("/settings/profile");
        await BrowserFixture.WaitForCircuitAsync(lee);
        var skills = lee.GetByLabel("Skills", new() { Exact = true });
        await skills.FillAsync((await skills.InputValueAsync()) + ", call 555 0100");
        await lee.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await Assertions.Expect(lee.GetByRole(AriaRole.Alert)).ToContainTextAsync("The skill \"call 555 0100\" contains");

        // Lee: a cover letter with a phone number to Initech's job is refused, the draft stays; to Acme's job it is sent.
        await OpenJobAsync(lee, "flaky", "Fix a flaky PostgreSQL report");
        await ApplyAsync(lee, LetterWithPhone, "250");
        await Assertions.Expect(lee.GetByTestId("proposal-errors")).ToContainTextAsync("Not sent: your cover letter contains a phone number");
        await Assertions.Expect(lee.GetByTestId("proposal-errors")).ToContainTextAsync("verified business with a support relationship");
        await Assertions.Expect(lee.GetByLabel("Cover letter")).ToHaveValueAsync(LetterWithPhone);
        await Assertions.Expect(lee.GetByTestId("my-proposal-status")).ToHaveCountAsync(0);

        await OpenJobAsync(lee, "iOS", DemoWorld.AcmeIosJob);
        await ApplyAsync(lee, LetterWithPhone, "90");
        await Assertions.Expect(lee.GetByTestId("my-proposal-status")).ToHaveTextAsync("Submitted");

        // Carl asks omar for his WhatsApp: refused, the draft kept.
        var carl = await PageAsync(DemoWorld.CarlEmail);
        await carl.GotoAsync("/messages");
        await carl.GotoAsync((await carl.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("Omar Haddad") }).First.GetAttributeAsync("href"))!);
        await BrowserFixture.WaitForCircuitAsync(carl);
        var composer = carl.GetByLabel("Your message");
        await composer.FillAsync("what's your WhatsApp?");
        await carl.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(carl.GetByTestId("send-error")).ToContainTextAsync("a request to exchange contact details");
        await Assertions.Expect(composer).ToHaveValueAsync("what's your WhatsApp?");
    }
}
