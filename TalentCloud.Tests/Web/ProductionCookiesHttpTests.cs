using System.Net;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Web;

/// <summary>The app in the Production environment: every cookie it writes is Secure.</summary>
public sealed class ProductionCookiesHttpTests : IAsyncLifetime
{
    private readonly TalentCloudAppFactory factory = new()
    {
        GeneratedProfiles = 0,
        EnvironmentName = "Production",
        Settings = new Dictionary<string, string> { ["Seed:AllowInProduction"] = "true" },
    };

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task In_production_the_sign_in_antiforgery_device_and_theme_cookies_are_all_secure()
    {
        // As behind TLS (a proxy in front must forward the scheme: see ForwardedHeaders).
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true,
        });
        var cookies = new List<string>();
        var login = await client.GetAsync("/Account/Login");
        cookies.AddRange(login.Headers.GetValues("Set-Cookie"));
        var signedIn = await SignIn.PostLoginAsync(client, DemoWorld.FionaEmail, DemoWorld.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        cookies.AddRange(signedIn.Headers.GetValues("Set-Cookie"));
        var token = await SignIn.AntiforgeryTokenAsync(client, "/Account/Login");
        var theme = await client.PostAsync("/preferences/theme", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["theme"] = "dark", ["returnUrl"] = "/",
        }));
        cookies.AddRange(theme.Headers.GetValues("Set-Cookie"));

        foreach (var name in new[] { ".AspNetCore.Antiforgery", ".AspNetCore.Identity.Application", "TalentCloud.Device", "TalentCloud.Theme" })
        {
            var cookie = Assert.Single(cookies, c => c.StartsWith(name, StringComparison.Ordinal));
            Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        }
    }
}
