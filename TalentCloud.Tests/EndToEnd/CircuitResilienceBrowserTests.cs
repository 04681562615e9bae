using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;
using TalentCloud.Web.Components.Shared.Actions;

namespace TalentCloud.Tests.EndToEnd;

/// <summary>
/// A page action that fails for real — the database refuses the write — shows an error, keeps what the user typed and
/// leaves the live connection working, so the same draft saves once the fault is gone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CircuitResilienceBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Fault = "TestStorageFault";

    [Fact]
    public async Task A_failing_action_shows_an_error_and_leaves_the_circuit_alive_with_the_draft_intact()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.RecordCspViolationsAsync(page);
        await BrowserFixture.SignInAsync(page, DemoWorld.FionaEmail, DemoWorld.Password);
        await page.GotoAsync("/settings/profile");
        await BrowserFixture.WaitForCircuitAsync(page, settleMilliseconds: 1000);

        const string draftTitle = "Mobile lead who kept her draft";
        const string draftBio = "Typed just before the database refused the write.";
        var title = page.GetByLabel("Title", new() { Exact = true });
        var bio = page.GetByLabel("Bio", new() { Exact = true });
        await title.FillAsync(draftTitle);
        await bio.FillAsync(draftBio);

        await ExecuteAsync($"""CREATE TRIGGER "{Fault}" BEFORE UPDATE ON "Profiles" BEGIN SELECT RAISE(ABORT, 'simulated storage failure'); END;""");
        try
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
            await Assertions.Expect(page.GetByText(PageActionRunner.UnexpectedError)).ToBeVisibleAsync();
        }
        finally
        {
            await ExecuteAsync($"""DROP TRIGGER IF EXISTS "{Fault}";""");
        }

        // The circuit lives (no reconnect or error bar, the page was not replaced) and the draft is still in the form.
        await Assertions.Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByText("This page could not be shown")).ToHaveCountAsync(0);
        await Assertions.Expect(title).ToHaveValueAsync(draftTitle);
        await Assertions.Expect(bio).ToHaveValueAsync(draftBio);
        Assert.NotEqual(draftTitle, await StoredTitleAsync());

        // Over the same circuit, the same draft now saves.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Profile saved.")).ToBeVisibleAsync();
        Assert.Equal(draftTitle, await StoredTitleAsync());
        // MudBlazor's form fields, alert and snackbar ran under the Content-Security-Policy without a violation.
        Assert.Empty(await BrowserFixture.CspViolationsAsync(page));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(browser.App.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private async Task<string> StoredTitleAsync()
    {
        await using var connection = new SqliteConnection(browser.App.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT \"Title\" FROM \"Profiles\" WHERE \"Handle\" = '{DemoWorld.FionaHandle}'";
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
