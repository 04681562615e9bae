using System.Net;
using AngleSharp.Html.Parser;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Web;

/// <summary>Messages over raw HTTP: who gets a conversation at all, and what the server sends in the HTML.</summary>
public sealed class MessagingHttpTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private IServiceProvider Services => app.Factory.Services;

    [Theory]
    [InlineData(DemoWorld.HankEmail)]
    [InlineData(DemoWorld.LeeEmail)]
    [InlineData(DemoWorld.CarlEmail)]
    [InlineData(DemoWorld.AdminEmail)]
    public async Task Outsiders_get_404_for_a_conversation_and_see_none_of_it(string email)
    {
        var id = await MessagingAppData.ConversationIdAsync(Services, DemoWorld.Acme, DemoWorld.FionaHandle);
        var client = await app.ClientAsync(email);

        var response = await client.GetAsync($"/messages/{id}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("555-0142", html, StringComparison.Ordinal);
        Assert.DoesNotContain("checkout flow", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Visitors_are_sent_to_sign_in()
    {
        var id = await MessagingAppData.ConversationIdAsync(Services, DemoWorld.Acme, DemoWorld.FionaHandle);
        var response = await SignIn.AnonymousClient(app.Factory).GetAsync($"/messages/{id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_conversation_is_404_for_a_participant_of_others()
    {
        var response = await (await app.ClientAsync(DemoWorld.FionaEmail)).GetAsync("/messages/987654");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Enterprise_conversation_shows_the_verified_banner_and_no_cloud_names()
    {
        var id = await MessagingAppData.ConversationIdAsync(Services, DemoWorld.Acme, DemoWorld.FionaHandle);

        var forFiona = await (await app.ClientAsync(DemoWorld.FionaEmail)).GetStringAsync($"/messages/{id}");
        var forMaria = await (await app.ClientAsync(DemoWorld.MariaEmail)).GetStringAsync($"/messages/{id}");

        Assert.Contains("Acme Corp is a verified Enterprise client: sharing contact details in this private conversation is allowed.",
            WebUtility.HtmlDecode(forFiona), StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Verified Enterprise client\"", forFiona, StringComparison.Ordinal);
        Assert.Contains("+1 (415) 555-0142", WebUtility.HtmlDecode(forFiona), StringComparison.Ordinal);
        foreach (var cloud in DemoWorld.AllCloudNames)
        {
            Assert.DoesNotContain(cloud, forFiona, StringComparison.Ordinal);
            Assert.DoesNotContain(cloud, forMaria, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(MembershipVisibilityLabel, forMaria, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ordinary_client_conversation_says_contact_details_cannot_be_shared_yet()
    {
        var id = await MessagingAppData.ConversationIdAsync(Services, DemoWorld.Initech, DemoWorld.OmarHandle);

        var html = WebUtility.HtmlDecode(await (await app.ClientAsync(DemoWorld.OmarEmail)).GetStringAsync($"/messages/{id}"));

        Assert.Contains("cannot be shared here yet", html, StringComparison.Ordinal);
        Assert.DoesNotContain("verified Enterprise client", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markup_in_a_message_reaches_the_browser_as_text()
    {
        var id = await MessagingAppData.ConversationIdAsync(Services, DemoWorld.Acme, DemoWorld.FionaHandle);
        var fiona = await MessagingAppData.ActorAsync(Services, DemoWorld.FionaEmail);
        var sent = await MessagingAppData.Messages(Services).SendAsync(fiona, id, "<script>alert('pwned')</script><img src=x onerror=alert(1)>");
        Assert.True(sent.Succeeded, string.Join(" ", sent.Errors));

        var html = await (await app.ClientAsync(DemoWorld.MariaEmail)).GetStringAsync($"/messages/{id}");

        Assert.DoesNotContain("<script>alert('pwned')", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inbox_marks_Enterprise_organisations_for_the_freelancer_only()
    {
        var fiona = await (await app.ClientAsync(DemoWorld.FionaEmail)).GetStringAsync("/messages");
        var omar = await (await app.ClientAsync(DemoWorld.OmarEmail)).GetStringAsync("/messages");

        Assert.Contains("Acme Corp", fiona, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Verified Enterprise client\"", fiona, StringComparison.Ordinal);
        Assert.Contains("Initech", omar, StringComparison.Ordinal);
        Assert.DoesNotContain("Verified Enterprise client", omar, StringComparison.Ordinal);
        var unread = (await new HtmlParser().ParseDocumentAsync(omar)).QuerySelector("[data-testid=conversation-unread]");
        Assert.Equal("1 unread", unread?.TextContent.Trim());
    }

    [Fact]
    public async Task Company_profile_page_is_for_the_owner_only()
    {
        var maria = await (await app.ClientAsync(DemoWorld.MariaEmail)).GetAsync("/org/profile");
        var raj = await (await app.ClientAsync(DemoWorld.RajEmail)).GetAsync("/org/profile");
        var fiona = await (await app.ClientAsync(DemoWorld.FionaEmail)).GetAsync("/org/profile");

        Assert.Equal(HttpStatusCode.OK, maria.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, raj.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, fiona.StatusCode);
    }

    private const string MembershipVisibilityLabel = "cloud-badge";
}
