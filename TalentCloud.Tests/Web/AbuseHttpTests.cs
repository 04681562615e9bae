using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Web;

/// <summary>
/// Guessing, flooding and probing with plain HTTP, against an app with the production rate limits. The tests share one
/// app (they run one after another) and never the same client address or account, so no test sees another's counts.
/// Clients are told apart by address, as separate machines would be.
/// </summary>
public sealed class AbuseHttpTests(AbuseHttpTests.App app) : IClassFixture<AbuseHttpTests.App>
{
    private HttpClient Client(string address)
    {
        var client = SignIn.AnonymousClient(app.Factory);
        client.DefaultRequestHeaders.Add(TalentCloudAppFactory.TestClientAddress.Header, address);
        return client;
    }

    [Fact]
    public async Task Forty_sign_in_posts_from_one_client_meet_429_with_retry_after_long_before_the_fortieth()
    {
        var client = Client("203.0.113.7");
        var token = await SignIn.AntiforgeryTokenAsync(client, "/Account/Login");
        HttpResponseMessage? refused = null;
        var attempt = 0;
        for (; attempt < 40 && refused is null; attempt++)
        {
            // A different (unknown) address each time, so only the per-client limit can stop it.
            var response = await client.PostAsync("/Account/Login", Login(token, $"guess{attempt}@example.test", "not a password 123"));
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
        }

        Assert.NotNull(refused);
        Assert.True(attempt < 40, $"429 came only at attempt {attempt}");
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 300);
        Assert.Contains("Too many requests", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Another client is not affected.
        var other = Client("198.51.100.9");
        Assert.Equal(HttpStatusCode.Redirect, (await other.PostAsync("/Account/Login",
            Login(await SignIn.AntiforgeryTokenAsync(other, "/Account/Login"), DemoWorld.RajEmail, DemoWorld.Password))).StatusCode);
    }

    [Fact]
    public async Task Posts_to_the_team_invitation_page_share_the_registration_limit_per_client()
    {
        // Joining through a link creates an account, so guessing links from one client meets registration's limit.
        var client = Client("203.0.113.61");
        var token = await SignIn.AntiforgeryTokenAsync(client, "/Account/Register");
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 12; attempt++)
        {
            statuses.Add((await client.PostAsync($"/Account/JoinTeam?token=guess{attempt}", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "join-team",
                ["__RequestVerificationToken"] = token,
                ["Input.Name"] = "Someone New",
                ["Input.Password"] = "a long enough password",
                ["Input.ConfirmPassword"] = "a long enough password",
            }))).StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(10));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task A_forged_X_Forwarded_For_does_not_make_a_new_client_without_a_configured_proxy()
    {
        var client = Client("203.0.113.8");
        var token = await SignIn.AntiforgeryTokenAsync(client, "/Account/Login");
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 25; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/Login") { Content = Login(token, $"spoof{attempt}@example.test", "not a password 123") };
            request.Headers.Add("X-Forwarded-For", $"198.18.0.{attempt + 1}");
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task Data_export_is_limited_per_account()
    {
        var client = await SignIn.AsAsync(app.Factory, DemoWorld.LeeEmail);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await client.GetAsync(TalentCloud.Web.DataExportEndpoints.Path)).StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Five_wrong_passwords_from_one_client_do_not_stop_the_owner_signing_in_from_another()
    {
        var stranger = Client("203.0.113.50");
        var token = await SignIn.AntiforgeryTokenAsync(stranger, "/Account/Login");
        for (var i = 0; i < 5; i++)
        {
            await stranger.PostAsync("/Account/Login", Login(token, DemoWorld.AdminEmail, $"wrong guess {i}"));
        }

        // The stranger's client is held back, even with the right password...
        var held = await stranger.PostAsync("/Account/Login", Login(token, DemoWorld.AdminEmail, DemoWorld.Password));
        Assert.EndsWith("/Account/Lockout", SignIn.RedirectPath(held), StringComparison.Ordinal);

        // ...while the owner, on their own machine, signs in at once.
        var owner = Client("192.0.2.10");
        var signedIn = await owner.PostAsync("/Account/Login", Login(await SignIn.AntiforgeryTokenAsync(owner, "/Account/Login"), DemoWorld.AdminEmail, DemoWorld.Password));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", SignIn.RedirectPath(signedIn));
    }

    [Fact]
    public async Task Strangers_hammering_an_account_from_many_clients_cannot_keep_its_owner_out_of_a_known_device()
    {
        // The owner signed in from this device before: it carries the known-device cookie.
        var owner = Client("192.0.2.20");
        Assert.Equal(HttpStatusCode.Redirect, (await owner.PostAsync("/Account/Login",
            Login(await SignIn.AntiforgeryTokenAsync(owner, "/Account/Login"), DemoWorld.NinaEmail, DemoWorld.Password))).StatusCode);
        var ownerToken = await SignIn.AntiforgeryTokenAsync(owner, "/");
        await owner.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = ownerToken }));

        // Strangers on many addresses exhaust the per-account limit for unknown devices.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 15; i++)
        {
            var stranger = Client($"203.0.113.{100 + i}");
            statuses.Add((await stranger.PostAsync("/Account/Login",
                Login(await SignIn.AntiforgeryTokenAsync(stranger, "/Account/Login"), DemoWorld.NinaEmail, "a guess that is wrong"))).StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        var fresh = Client("198.51.100.77");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await fresh.PostAsync("/Account/Login",
            Login(await SignIn.AntiforgeryTokenAsync(fresh, "/Account/Login"), DemoWorld.NinaEmail, DemoWorld.Password))).StatusCode);

        // The owner's own device is never counted against the account.
        var again = await owner.PostAsync("/Account/Login", Login(await SignIn.AntiforgeryTokenAsync(owner, "/Account/Login"), DemoWorld.NinaEmail, DemoWorld.Password));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("/", SignIn.RedirectPath(again));
    }

    [Fact]
    public async Task A_reset_with_a_bad_code_answers_identically_for_an_existing_and_an_unknown_address()
    {
        async Task<(HttpStatusCode Status, string Text)> ResetAsync(HttpClient client, string email)
        {
            var token = await SignIn.AntiforgeryTokenAsync(client, "/Account/ResetPassword?code=bm90LWEtY29kZQ");
            var response = await client.PostAsync("/Account/ResetPassword?code=bm90LWEtY29kZQ", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "reset-password",
                ["__RequestVerificationToken"] = token,
                ["Input.Code"] = "bm90LWEtY29kZQ",
                ["Input.Email"] = email,
                ["Input.Password"] = "a new password that is long",
                ["Input.ConfirmPassword"] = "a new password that is long",
            }));
            // What the person reads: the page's text (the typed address, the token and the nonce are attributes, and
            // the framework's per-response state is a comment, so none of them is in it).
            var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
            return (response.StatusCode, string.Join(' ', document.Body!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        }

        var existing = await ResetAsync(Client("192.0.2.30"), DemoWorld.LeeEmail);
        var unknown = await ResetAsync(Client("192.0.2.31"), "nobody-here@example.test");
        Assert.Equal(HttpStatusCode.OK, existing.Status);
        Assert.Equal(existing.Status, unknown.Status);
        Assert.Contains(AccountService.InvalidResetLink, existing.Text, StringComparison.Ordinal);
        Assert.Equal(existing.Text, unknown.Text);
    }

    [Fact]
    public async Task Registration_and_sign_in_do_the_same_hashing_work_for_known_and_unknown_addresses()
    {
        var hasher = app.Hasher;
        var client = Client("192.0.2.40");
        var loginToken = await SignIn.AntiforgeryTokenAsync(client, "/Account/Login");
        await client.PostAsync("/Account/Login", Login(loginToken, "warm-up@example.test", "warming the dummy hash"));

        var unknownSignIn = await hasher.MeasureAsync(() => client.PostAsync("/Account/Login", Login(loginToken, "nobody@example.test", "some password 1")));
        var knownSignIn = await hasher.MeasureAsync(() => client.PostAsync("/Account/Login", Login(loginToken, DemoWorld.CarlEmail, "some password 1")));
        Assert.Equal((0, 1), unknownSignIn);
        Assert.Equal(unknownSignIn, knownSignIn);

        var registrar = Client("192.0.2.41");
        var registerToken = await SignIn.AntiforgeryTokenAsync(registrar, "/Account/Register");
        HttpResponseMessage? newResponse = null, takenResponse = null;
        var newAddress = await hasher.MeasureAsync(async () => newResponse = await registrar.PostAsync("/Account/Register", Register(registerToken, "brand-new@example.test")));
        var takenAddress = await hasher.MeasureAsync(async () => takenResponse = await registrar.PostAsync("/Account/Register", Register(registerToken, DemoWorld.CarlEmail)));
        Assert.Equal((1, 0), newAddress);
        Assert.Equal(newAddress, takenAddress);
        Assert.Equal(newResponse!.StatusCode, takenResponse!.StatusCode);
        Assert.Equal(newResponse.Headers.Location, takenResponse.Headers.Location);
    }

    private static FormUrlEncodedContent Login(string token, string email, string password) => new(new Dictionary<string, string>
    {
        ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.Email"] = email, ["Input.Password"] = password,
    });

    private static FormUrlEncodedContent Register(string token, string email) => new(new Dictionary<string, string>
    {
        ["_handler"] = "register",
        ["__RequestVerificationToken"] = token,
        ["Input.Kind"] = "Freelancer",
        ["Input.Name"] = "Someone New",
        ["Input.Email"] = email,
        ["Input.Password"] = "a long enough password",
        ["Input.ConfirmPassword"] = "a long enough password",
    });

    /// <summary>The app with the production rate limits and its password hasher replaced by a counting one (same algorithm and iterations).</summary>
    public sealed class App : IAsyncDisposable
    {
        private readonly TalentCloudAppFactory factory = new() { GeneratedProfiles = 0, RateLimitsEnabled = true };

        public App()
        {
            Factory = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<CountingPasswordHasher>();
                services.AddScoped<IPasswordHasher<AppUser>>(sp => sp.GetRequiredService<CountingPasswordHasher>());
            }));
        }

        public Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> Factory { get; }

        public CountingPasswordHasher Hasher => Factory.Services.GetRequiredService<CountingPasswordHasher>();

        public async ValueTask DisposeAsync()
        {
            await Factory.DisposeAsync();
            await factory.DisposeAsync();
        }
    }
}
