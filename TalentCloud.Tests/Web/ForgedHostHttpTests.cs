using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentCloud.Core.Data;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Web;

/// <summary>
/// An installation that accepts any Host header (AllowedHosts "*"): a reset requested with a forged Host still links
/// to the configured public address.
/// </summary>
public sealed class ForgedHostHttpTests : IAsyncLifetime
{
    private readonly TalentCloudAppFactory factory = new()
    {
        GeneratedProfiles = 0,
        Settings = new Dictionary<string, string> { ["AllowedHosts"] = "*" },
    };

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task A_reset_requested_with_a_forged_host_links_to_the_configured_address()
    {
        var client = SignIn.AnonymousClient(factory);
        var token = await SignIn.AntiforgeryTokenAsync(client, "/Account/ForgotPassword");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/ForgotPassword")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "forgot-password", ["__RequestVerificationToken"] = token, ["Input.Email"] = DemoWorld.OmarEmail,
            }),
        };
        request.Headers.Host = "evil.test";
        request.Headers.Add("X-Forwarded-Host", "evil.test");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var dbFactory = factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var link = await OutboxLinks.LatestAsync(dbFactory, DemoWorld.OmarEmail, "Account/ResetPassword");
        Assert.StartsWith(TalentCloudAppFactory.PublicBaseUrl + "Account/ResetPassword?code=", link.AbsoluteUri, StringComparison.Ordinal);
        await using var db = await dbFactory.CreateDbContextAsync();
        Assert.DoesNotContain(await db.OutboxEmails.Select(m => m.HtmlBody).ToListAsync(), body => body.Contains("evil.test", StringComparison.OrdinalIgnoreCase));
    }
}
