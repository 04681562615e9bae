using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentCloud.Core.Data;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Web;

/// <summary>Sign-in, registration and password reset through the real forms. Own app instance: it locks accounts.</summary>
public sealed class AccountHttpTests : IAsyncLifetime
{
    private readonly TalentCloudAppFactory factory = new() { GeneratedProfiles = 0 };

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Login_form_has_fields_labelled_Email_and_Password()
    {
        var html = await SignIn.AnonymousClient(factory).GetStringAsync("/Account/Login");
        var doc = await new HtmlParser().ParseDocumentAsync(html);
        var labels = doc.QuerySelectorAll("form label").ToDictionary(l => l.TextContent.Trim(), l => l.GetAttribute("for"));
        Assert.Equal("email", labels["Email"]);
        Assert.Equal("password", labels["Password"]);
        Assert.NotNull(doc.QuerySelector("input#email"));
        Assert.Equal("password", doc.QuerySelector("input#password")!.GetAttribute("type"));
    }

    [Fact]
    public async Task Register_form_posted_without_script_answers_each_bad_field_beside_it_and_creates_nothing()
    {
        var client = SignIn.AnonymousClient(factory);
        var token = await SignIn.AntiforgeryTokenAsync(client, "/Account/Register");
        var response = await client.PostAsync("/Account/Register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "register",
            ["__RequestVerificationToken"] = token,
            ["Input.Name"] = "Short Password",
            ["Input.Email"] = "not-an-address",
            ["Input.Password"] = "short",
            ["Input.ConfirmPassword"] = "other",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        // Each message sits in a live region the field names as its description, and the field is marked invalid.
        foreach (var (id, message) in new[]
                 {
                     ("email", "Enter a valid e-mail address."),
                     ("password", "The password must have at least 12 characters."),
                     ("confirm", "The two passwords do not match."),
                 })
        {
            var input = doc.QuerySelector($"input#{id}")!;
            Assert.Equal("true", input.GetAttribute("aria-invalid"));
            var described = input.GetAttribute("aria-describedby")!.Split(' ').Select(d => doc.GetElementById(d)!).ToList();
            var error = Assert.Single(described, d => d.TextContent.Contains(message, StringComparison.Ordinal));
            Assert.Equal("polite", error.GetAttribute("aria-live"));
        }

        Assert.Contains("Choose how you want to use TalentCloud.", doc.GetElementById("kind-error")!.TextContent, StringComparison.Ordinal);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "not-an-address"));
    }

    public static TheoryData<string, string> HomeByRole() => new()
    {
        { DemoWorld.AdminEmail, "Platform administration" },
        { DemoWorld.MariaEmail, "Acme Corp" },
        { DemoWorld.RajEmail, "hiring manager of Acme Corp" },
        { DemoWorld.RitaEmail, "recruiter of Acme Corp" },
        { DemoWorld.HankEmail, "Globex" },
        { DemoWorld.CarlEmail, "Talent Clouds come with an Enterprise subscription" },
        { DemoWorld.FionaEmail, "Welcome, Fiona Park" },
        { DemoWorld.LeeEmail, "Welcome, Lee Chen" },
        { DemoWorld.OmarEmail, "Welcome, Omar Haddad" },
        { DemoWorld.NinaEmail, "Your agency" },
    };

    [Theory]
    [MemberData(nameof(HomeByRole))]
    public async Task Every_demo_account_signs_in_and_sees_a_home_page_for_its_role(string email, string expectedText)
    {
        var client = await SignIn.AsAsync(factory, email);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/"));
        Assert.Contains(expectedText, html, StringComparison.Ordinal);
        // Signed in: the app bar's user menu (which holds Account and Sign out) is there.
        Assert.Contains("data-testid=\"signed-in-user\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_address_get_the_same_answer()
    {
        var client = SignIn.AnonymousClient(factory);
        var wrong = await (await SignIn.PostLoginAsync(client, DemoWorld.LeeEmail, "not the password at all")).Content.ReadAsStringAsync();
        var unknown = await (await SignIn.PostLoginAsync(client, "nobody@nowhere.test", "not the password at all")).Content.ReadAsStringAsync();
        var message = "That e-mail and password did not match an account we can sign in.";
        Assert.Contains(message, wrong, StringComparison.Ordinal);
        Assert.Contains(message, unknown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_failed_sign_ins_hold_that_client_back_even_with_the_right_password()
    {
        var client = SignIn.AnonymousClient(factory);
        for (var i = 0; i < 5; i++)
        {
            await SignIn.PostLoginAsync(client, DemoWorld.OmarEmail, "definitely wrong password");
        }

        var response = await SignIn.PostLoginAsync(client, DemoWorld.OmarEmail, DemoWorld.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/Account/Lockout", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_answers_the_same_for_new_and_existing_addresses_and_the_new_account_works_after_confirming()
    {
        var existing = await RegisterAsync(DemoWorld.FionaEmail, "Someone Else");
        var fresh = await RegisterAsync("newcomer@example.test", "New Comer");
        Assert.Equal(HttpStatusCode.Redirect, existing.StatusCode);
        Assert.Equal(existing.StatusCode, fresh.StatusCode);
        Assert.Equal(existing.Headers.Location, fresh.Headers.Location);

        // Unconfirmed: sign-in answers like a wrong password.
        var client = SignIn.AnonymousClient(factory);
        var early = await SignIn.PostLoginAsync(client, "newcomer@example.test", "a long enough password");
        Assert.NotEqual(HttpStatusCode.Redirect, early.StatusCode);

        var dbFactory = factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var link = await OutboxLinks.LatestAsync(dbFactory, "newcomer@example.test", "Account/ConfirmEmail");
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            // The existing address's owner is told someone tried; no confirmation link goes to them.
            var notice = await db.OutboxEmails.SingleAsync(m => m.ToAddress == DemoWorld.FionaEmail);
            Assert.DoesNotContain(OutboxLinks.In(notice.HtmlBody), l => l.Contains("ConfirmEmail", StringComparison.Ordinal));
        }

        var confirm = await client.GetStringAsync(link.PathAndQuery);
        Assert.Contains("your e-mail address is confirmed", confirm, StringComparison.Ordinal);
        var signedIn = await SignIn.PostLoginAsync(client, "newcomer@example.test", "a long enough password");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains("Welcome, New Comer", WebUtility.HtmlDecode(await client.GetStringAsync("/")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_with_a_short_password_shows_the_rule_and_creates_nothing()
    {
        var response = await RegisterAsync("shorty@example.test", "Shorty", password: "too short");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("at least 12 characters", html, StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.AnyAsync(u => u.Email == "shorty@example.test"));
    }

    [Fact]
    public async Task Forgot_password_answers_the_same_for_known_and_unknown_addresses()
    {
        var client = SignIn.AnonymousClient(factory);
        async Task<HttpResponseMessage> Ask(string email)
        {
            var token = await SignIn.AntiforgeryTokenAsync(client, "/Account/ForgotPassword");
            return await client.PostAsync("/Account/ForgotPassword", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "forgot-password", ["__RequestVerificationToken"] = token, ["Input.Email"] = email,
            }));
        }

        var known = await Ask(DemoWorld.CarlEmail);
        var unknown = await Ask("ghost@example.test");
        Assert.Equal(HttpStatusCode.Redirect, known.StatusCode);
        Assert.Equal(known.Headers.Location, unknown.Headers.Location);
    }

    [Fact]
    public async Task Resending_the_confirmation_answers_alike_and_mails_only_an_unconfirmed_account()
    {
        await RegisterAsync("waiting@example.test", "Wai Ting");
        var client = SignIn.AnonymousClient(factory);
        async Task<string> ResendAsync(string email)
        {
            var token = await SignIn.AntiforgeryTokenAsync(client, "/Account/ResendEmailConfirmation");
            var response = await client.PostAsync("/Account/ResendEmailConfirmation", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "resend-confirmation", ["__RequestVerificationToken"] = token, ["Input.Email"] = email,
            }));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
            return document.QuerySelector("[role=status]")!.TextContent;
        }

        var unconfirmed = await ResendAsync("waiting@example.test");
        Assert.Equal(unconfirmed, await ResendAsync(DemoWorld.OmarEmail));
        Assert.Equal(unconfirmed, await ResendAsync("nobody-at-all@example.test"));

        var dbFactory = factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        for (var waited = 0; waited < 10_000; waited += 100)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            if (await db.OutboxEmails.CountAsync(m => m.ToAddress == "waiting@example.test") == 2)
            {
                break;
            }

            await Task.Delay(100);
        }

        await using var after = await dbFactory.CreateDbContextAsync();
        var links = (await after.OutboxEmails.Where(m => m.ToAddress == "waiting@example.test").Select(m => m.HtmlBody).ToListAsync())
            .SelectMany(OutboxLinks.In).Where(l => l.Contains("ConfirmEmail", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, links.Count);
        Assert.False(await after.OutboxEmails.AnyAsync(m => m.ToAddress == DemoWorld.OmarEmail || m.ToAddress == "nobody-at-all@example.test"));

        // The fresh link confirms the account.
        Assert.Contains("your e-mail address is confirmed", await client.GetStringAsync(new Uri(links[^1]).PathAndQuery), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> RegisterAsync(string email, string name, string password = "a long enough password")
    {
        var client = SignIn.AnonymousClient(factory);
        var token = await SignIn.AntiforgeryTokenAsync(client, "/Account/Register");
        return await client.PostAsync("/Account/Register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "register",
            ["__RequestVerificationToken"] = token,
            ["Input.Kind"] = "Freelancer",
            ["Input.Name"] = name,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        }));
    }
}
