using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.EndToEnd;

/// <summary>
/// Two app instances on one PostgreSQL database, started as an operator would: A on an empty database (it migrates
/// and seeds the demo world), B once A answers. Each has its own singletons, circuits and LISTEN connection; only the
/// database is shared. Without a PostgreSQL server or a Chromium the test is skipped with the reason (failed in CI).
/// </summary>
public sealed class TwoInstancesFixture : IAsyncLifetime
{
    private IPlaywright? playwright;

    public TalentCloudAppFactory? A { get; private set; }

    public TalentCloudAppFactory? B { get; private set; }

    public Uri AddressA { get; private set; } = null!;

    public Uri AddressB { get; private set; } = null!;

    public IBrowser? Browser { get; private set; }

    public string? MissingReason { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (!await PostgreSqlServer.IsAvailableAsync())
        {
            return; // The test itself skips (or fails in CI) with the server's reason.
        }

        var executable = BrowserFixture.ChromiumPath();
        if (executable is null)
        {
            MissingReason = BrowserFixture.NoChromium;
            return;
        }

        var database = PostgreSqlServer.ConnectionStringFor(await PostgreSqlServer.CreateEmptyDatabaseAsync());
        A = new TalentCloudAppFactory { SharedPostgreSqlDatabase = database };
        AddressA = A.StartKestrel();
        B = new TalentCloudAppFactory { SharedPostgreSqlDatabase = database };
        AddressB = B.StartKestrel();
        (playwright, Browser) = await BrowserFixture.LaunchAsync(executable);
    }

    public async Task<IPage> NewPageAsync(Uri on)
    {
        await PostgreSqlServer.EnsureAvailableAsync();
        return await BrowserFixture.NewPageAsync(Browser, on, MissingReason);
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        foreach (var app in new[] { B, A })
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }
        }
    }
}

[Collection(BrowserCollection.Name)]
public sealed class TwoInstancesBrowserTests(TwoInstancesFixture site) : IClassFixture<TwoInstancesFixture>
{
    [Fact]
    public async Task Instance_B_honours_a_sign_in_from_A_keeps_the_visibility_rule_and_shows_a_message_sent_on_A_live()
    {
        var fionaOnB = await site.NewPageAsync(site.AddressB);
        int conversationId;
        await using (var db = site.A!.CreateDbContext())
        {
            conversationId = await (from c in db.Conversations
                                    join o in db.Organizations on c.OrganizationId equals o.Id
                                    join p in db.Profiles on c.ProfileId equals p.Id
                                    where o.Name == DemoWorld.Acme && p.Handle == DemoWorld.FionaHandle
                                    select c.Id).SingleAsync(TestContext.Current.CancellationToken);
        }

        await BrowserFixture.SignInAsync(fionaOnB, DemoWorld.FionaEmail, DemoWorld.Password);
        await OpenLiveAsync(fionaOnB, conversationId);

        // Maria signs in on A only; her cookie then opens her pages on B (one key ring for the whole site).
        var mariaOnA = await site.NewPageAsync(site.AddressA);
        await BrowserFixture.SignInAsync(mariaOnA, DemoWorld.MariaEmail, DemoWorld.Password);
        var mariaOnB = await mariaOnA.Context.NewPageAsync();
        await mariaOnB.GotoAsync(new Uri(site.AddressB, "/freelancers/" + DemoWorld.FionaHandle).ToString());
        Assert.DoesNotContain("/Account/Login", mariaOnB.Url, StringComparison.Ordinal);
        var panel = mariaOnB.GetByRole(AriaRole.Complementary, new() { Name = "Talent Clouds" });
        await Assertions.Expect(panel).ToContainTextAsync(DemoWorld.AcmeMobile);
        Assert.DoesNotContain(DemoWorld.GlobexDesign, await mariaOnB.ContentAsync(), StringComparison.Ordinal);

        await OpenLiveAsync(mariaOnA, conversationId);
        var text = $"Sent on instance A at {DateTime.UtcNow:HH:mm:ss.fff}";
        await mariaOnA.GetByLabel("Your message").FillAsync(text);
        await mariaOnA.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();

        // Fiona's open page on B shows it without a reload, within a few seconds.
        var onB = fionaOnB.GetByRole(AriaRole.List, new() { Name = "Messages" }).GetByTestId("message").Last;
        await Assertions.Expect(onB).ToContainTextAsync(text, new() { Timeout = 5_000 });
        await Assertions.Expect(onB).ToContainTextAsync("Maria Lopez");
    }

    private static async Task OpenLiveAsync(IPage page, int conversationId)
    {
        await page.GotoAsync($"/messages/{conversationId}");
        // The page marks itself live once the circuit has subscribed to the conversation.
        await Assertions.Expect(page.Locator("section.conversation[data-live=true]")).ToBeVisibleAsync();
    }
}
