using Microsoft.Playwright;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.EndToEnd;

/// <summary>The contact-details rule and live delivery in a real browser over the Blazor circuit.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MessagingBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private IServiceProvider Services => browser.App.Services;

    private static async Task OpenLiveAsync(IPage page, int conversationId)
    {
        await page.GotoAsync($"/messages/{conversationId}");
        // The page marks itself live once the circuit has subscribed to the conversation.
        await Assertions.Expect(page.Locator("section.conversation[data-live=true]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Ordinary_client_email_is_refused_with_the_rule_and_delivered_after_a_contract()
    {
        var id = await MessagingAppData.ConversationIdAsync(Services, DemoWorld.Initech, DemoWorld.OmarHandle);
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoWorld.CarlEmail, DemoWorld.Password);
        await OpenLiveAsync(page, id);
        var box = page.GetByLabel("Your message");
        var messages = page.GetByRole(AriaRole.List, new() { Name = "Messages" });

        await box.FillAsync("reach me at carl@initech.test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();

        var alert = page.GetByTestId("send-error");
        await Assertions.Expect(alert).ToContainTextAsync("an e-mail address");
        await Assertions.Expect(alert).ToContainTextAsync("after a contract between Initech and Omar Haddad starts");
        await Assertions.Expect(box).ToHaveValueAsync("reach me at carl@initech.test");
        await Assertions.Expect(messages).Not.ToContainTextAsync("carl@initech.test");

        await MessagingAppData.StartContractAsync(Services, DemoWorld.Initech, DemoWorld.OmarHandle);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();

        await Assertions.Expect(messages).ToContainTextAsync("reach me at carl@initech.test");
        await Assertions.Expect(box).ToHaveValueAsync("");
        await Assertions.Expect(alert).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Enterprise_phone_number_is_delivered_and_appears_live_for_the_freelancer()
    {
        var id = await MessagingAppData.ConversationIdAsync(Services, DemoWorld.Acme, DemoWorld.FionaHandle);
        var fiona = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(fiona, DemoWorld.FionaEmail, DemoWorld.Password);
        await OpenLiveAsync(fiona, id);
        await Assertions.Expect(fiona.GetByTestId("contact-banner"))
            .ToContainTextAsync("Acme Corp is a verified Enterprise client: sharing contact details in this private conversation is allowed");
        var maria = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(maria, DemoWorld.MariaEmail, DemoWorld.Password);
        await OpenLiveAsync(maria, id);

        await maria.GetByLabel("Your message").FillAsync("+1 (415) 555-0100");
        await maria.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();

        await Assertions.Expect(maria.GetByRole(AriaRole.List, new() { Name = "Messages" })).ToContainTextAsync("+1 (415) 555-0100");
        var fionaMessages = fiona.GetByRole(AriaRole.List, new() { Name = "Messages" });
        await Assertions.Expect(fionaMessages.GetByTestId("message").Last).ToContainTextAsync("+1 (415) 555-0100");
        await Assertions.Expect(fionaMessages.GetByTestId("message").Last).ToContainTextAsync("Maria Lopez");
    }

    [Fact]
    public async Task Maria_cannot_put_an_email_address_in_Acmes_description()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoWorld.MariaEmail, DemoWorld.Password);
        await page.GotoAsync("/org/profile");
        var box = page.GetByRole(AriaRole.Textbox, new() { Name = "Description", Exact = true });
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Save description" });
        // The button is enabled once the circuit is live, so typing goes to the interactive form.
        await Assertions.Expect(save).ToBeEnabledAsync();

        await box.FillAsync("Acme builds apps. Write to hiring@acme.test");
        await save.ClickAsync();

        var error = page.GetByTestId("description-error");
        await Assertions.Expect(error).ToContainTextAsync("The organisation description contains an e-mail address");
        await Assertions.Expect(error).ToContainTextAsync("Enterprise included");
        await Assertions.Expect(box).ToHaveValueAsync("Acme builds apps. Write to hiring@acme.test");
    }

    [Fact]
    public async Task Client_opens_a_conversation_from_a_profile()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoWorld.HankEmail, DemoWorld.Password);
        await page.GotoAsync("/freelancers/" + DemoWorld.OmarHandle);

        await page.GetByRole(AriaRole.Button, new() { Name = "Message Omar Haddad" }).ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("/messages/", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Omar Haddad");
        await Assertions.Expect(page.GetByTestId("no-messages")).ToBeVisibleAsync();
    }
}
