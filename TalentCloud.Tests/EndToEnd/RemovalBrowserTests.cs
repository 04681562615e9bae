using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.EndToEnd;

/// <summary>Leaving a cloud in a real browser: the member's panel and the admin's complete removal.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class RemovalBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$")]
    private static partial Regex UtcTime();

    /// <summary>
    /// Clicks until the expected element shows: a prerendered button does nothing until the page's circuit is connected.
    /// </summary>
    private static async Task ClickUntilVisibleAsync(ILocator button, ILocator expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await expected.CountAsync() == 0 && DateTime.UtcNow < deadline)
        {
            await button.ClickAsync();
            await button.Page.WaitForTimeoutAsync(300);
        }

        await Assertions.Expect(expected).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Admin_approves_ninas_request_and_the_membership_disappears_everywhere()
    {
        var admin = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(admin, DemoWorld.AdminEmail, DemoWorld.Password);
        await admin.GotoAsync("/admin/removals");
        var approve = admin.GetByRole(AriaRole.Button, new() { Name = $"Approve removal of Northwind Studio from {DemoWorld.AcmeMobile}" });
        var dialog = admin.GetByRole(AriaRole.Dialog, new() { Name = "Approve complete removal?" });
        await ClickUntilVisibleAsync(approve, dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("cannot be restored");

        // Escape cancels: the dialog closes, focus goes back to the button that opened it, nothing changed.
        await BrowserFixture.EscapeAsync(dialog);
        await Assertions.Expect(approve).ToBeFocusedAsync();
        await admin.ReloadAsync();
        await Assertions.Expect(approve).ToBeVisibleAsync();

        await ClickUntilVisibleAsync(approve, dialog);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Approve and remove" }).ClickAsync();
        await Assertions.Expect(BrowserFixture.Snackbar(admin, $"Northwind Studio was removed from {DemoWorld.AcmeMobile}.")).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByText("No removal requests match.")).ToBeVisibleAsync();

        // The hiring manager of the owning client no longer sees the cloud on the agency's profile.
        var maria = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(maria, DemoWorld.MariaEmail, DemoWorld.Password);
        await maria.GotoAsync(DemoVisibility.Northwind);
        await Assertions.Expect(maria.GetByRole(AriaRole.Heading, new() { Name = "Northwind Studio" })).ToBeVisibleAsync();
        await Assertions.Expect(maria.GetByRole(AriaRole.Complementary, new() { Name = "Talent Clouds" })).ToHaveCountAsync(0);
        Assert.DoesNotContain("Acme", await maria.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(DemoWorld.AcmeMobile, await maria.ContentAsync(), StringComparison.Ordinal);

        // Another freelancer no longer sees the masked label (Northwind has no other cloud).
        var omar = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(omar, DemoWorld.OmarEmail, DemoWorld.Password);
        await omar.GotoAsync(DemoVisibility.Northwind);
        await Assertions.Expect(omar.GetByRole(AriaRole.Heading, new() { Name = "Northwind Studio" })).ToBeVisibleAsync();
        Assert.DoesNotContain("Talent Cloud", await omar.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Talent Cloud", await omar.Locator("main").InnerHTMLAsync(), StringComparison.Ordinal);

        // The audit log lists the request and the approval, with actors and times.
        await admin.GotoAsync("/admin/audit");
        // (The other test of this class may add Fiona's entries to the same log.)
        var rows = admin.Locator("[aria-label='Audit entries'] tbody tr").Filter(new() { HasText = "Northwind Studio" });
        var approved = rows.Filter(new() { HasText = "removal.approved" });
        var requested = rows.Filter(new() { HasText = "removal.requested" });
        await Assertions.Expect(approved).ToHaveCountAsync(1);
        await Assertions.Expect(requested).ToHaveCountAsync(1);
        await Assertions.Expect(approved.Locator("td").Nth(1)).ToHaveTextAsync("Ada Admin");
        await Assertions.Expect(approved.Locator("td").Nth(3)).ToHaveTextAsync($"Northwind Studio in {DemoWorld.AcmeMobile}");
        await Assertions.Expect(requested.Locator("td").Nth(1)).ToHaveTextAsync("Nina Novak");
        await Assertions.Expect(approved.Locator("td").Nth(0)).ToHaveTextAsync(UtcTime());
        await Assertions.Expect(requested.Locator("td").Nth(0)).ToHaveTextAsync(UtcTime());
        // Newest first: the approval is listed above the request.
        var actions = await rows.Locator("td:nth-child(3)").AllInnerTextsAsync();
        Assert.True(actions.ToList().IndexOf("removal.approved") < actions.ToList().IndexOf("removal.requested"));

        // Nina has no membership left, and her data export names no cloud she may not see.
        var nina = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(nina, DemoWorld.NinaEmail, DemoWorld.Password);
        await nina.GotoAsync("/my/talent-clouds/leave");
        await Assertions.Expect(nina.GetByText("You do not belong to any Talent Cloud.")).ToBeVisibleAsync();
        // The button fetches the export over the page's own session and shows progress until the browser has the file.
        await BrowserFixture.WaitForCircuitAsync(nina);
        var download = await nina.RunAndWaitForDownloadAsync(() => nina.GetByRole(AriaRole.Button, new() { Name = "Download my data" }).ClickAsync());
        await Assertions.Expect(BrowserFixture.Snackbar(nina, "Your data was downloaded.")).ToBeVisibleAsync();
        var path = await download.PathAsync();
        var json = await File.ReadAllTextAsync(path);
        using var export = JsonDocument.Parse(json);
        Assert.Equal(0, export.RootElement.GetProperty("memberships").GetArrayLength());
        Assert.Equal("Approved", export.RootElement.GetProperty("removalRequests")[0].GetProperty("status").GetString());
        Assert.DoesNotContain(DemoWorld.AcmeData, json, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoWorld.GlobexDesign, json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_requests_removal_sees_it_pending_and_cancels_it()
    {
        var fiona = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(fiona, DemoWorld.FionaEmail, DemoWorld.Password);
        await fiona.GotoAsync("/my/talent-clouds/leave");
        var globex = fiona.Locator("li.membership-item").Filter(new() { HasText = DemoWorld.GlobexDesign });
        var dialog = fiona.GetByRole(AriaRole.Dialog, new() { Name = $"Leave {DemoWorld.GlobexDesign}?" });
        await ClickUntilVisibleAsync(globex.GetByRole(AriaRole.Button, new() { Name = "Request removal" }), dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("Removal is permanent.");
        await Assertions.Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Turn this cloud's notifications off instead" })).ToBeVisibleAsync();

        // Escape cancels: nothing is requested, and the dialog opens again as before.
        await BrowserFixture.EscapeAsync(dialog);
        await Assertions.Expect(globex.GetByText("Removal requested")).ToHaveCountAsync(0);
        await ClickUntilVisibleAsync(globex.GetByRole(AriaRole.Button, new() { Name = "Request removal" }), dialog);

        await dialog.GetByLabel("Reason (optional)").FillAsync("Too many e-mails.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Send removal request" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(globex.GetByText("Removal requested")).ToBeVisibleAsync();

        // Admins see it in the queue with the reason.
        var admin = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(admin, DemoWorld.AdminEmail, DemoWorld.Password);
        await admin.GotoAsync("/admin/removals");
        await Assertions.Expect(admin.Locator("tr").Filter(new() { HasText = "Fiona Park" })).ToContainTextAsync("Too many e-mails.");

        await globex.GetByRole(AriaRole.Button, new() { Name = "Cancel removal request" }).ClickAsync();
        await Assertions.Expect(BrowserFixture.Snackbar(fiona, "Your removal request was cancelled.")).ToBeVisibleAsync();
        await Assertions.Expect(globex.GetByRole(AriaRole.Button, new() { Name = "Request removal" })).ToBeVisibleAsync();

        // The gentler choice: notifications off, membership kept.
        var acme = fiona.Locator("li.membership-item").Filter(new() { HasText = DemoWorld.AcmeMobile });
        var acmeDialog = fiona.GetByRole(AriaRole.Dialog, new() { Name = $"Leave {DemoWorld.AcmeMobile}?" });
        await ClickUntilVisibleAsync(acme.GetByRole(AriaRole.Button, new() { Name = "Request removal" }), acmeDialog);
        await acmeDialog.GetByRole(AriaRole.Button, new() { Name = "Turn this cloud's notifications off instead" }).ClickAsync();
        await Assertions.Expect(acme).ToContainTextAsync("Notifications: Never");
        await Assertions.Expect(acme.GetByRole(AriaRole.Button, new() { Name = "Request removal" })).ToBeVisibleAsync();
    }
}
