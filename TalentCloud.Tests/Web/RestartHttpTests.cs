using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Web;

/// <summary>
/// A restart (or a second instance) over the same database: the Data Protection keys live there, so sign-in cookies
/// and antiforgery tokens issued by one process are honoured by the next.
/// </summary>
public sealed class RestartHttpTests
{
    [Fact]
    public async Task A_user_signed_in_before_a_restart_is_still_signed_in_after_it()
    {
        await using var database = await EmptyDatabase.CreateAsync();
        var cookies = new CookieContainer();
        string token;
        await using (var before = database.NewInstance(generatedProfiles: 0))
        {
            var client = Client(before, cookies);
            var response = await SignIn.PostLoginAsync(client, DemoWorld.FionaEmail, DemoWorld.Password);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("Welcome, Fiona Park", WebUtility.HtmlDecode(await client.GetStringAsync("/")), StringComparison.Ordinal);
            token = await SignIn.AntiforgeryTokenAsync(client, "/");
        }

        await using var after = database.NewInstance(generatedProfiles: 0);
        var again = Client(after, cookies);
        Assert.Contains("Welcome, Fiona Park", WebUtility.HtmlDecode(await again.GetStringAsync("/")), StringComparison.Ordinal);

        // A form rendered before the restart still posts: its antiforgery token is honoured too.
        var logout = await again.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.DoesNotContain("Welcome, Fiona Park", WebUtility.HtmlDecode(await again.GetStringAsync("/")), StringComparison.Ordinal);
    }

    private static HttpClient Client(WebApplicationFactory<Program> factory, CookieContainer cookies) =>
        factory.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));
}
