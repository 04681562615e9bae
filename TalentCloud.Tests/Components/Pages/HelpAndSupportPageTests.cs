using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentCloud.Core.Help;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;
using TalentCloud.Web.Components.Pages.Admin;
using TalentCloud.Web.Components.Pages.Help;

namespace TalentCloud.Tests.Components.Pages;

/// <summary>
/// The help centre by audience, "Contact support" from any article, the support form with the text kept on a refusal,
/// and the admin's support queue with reply and close.
/// </summary>
public sealed class HelpAndSupportPageTests : ComponentTestBase
{
    private IRenderedComponent<T> RenderAt<T>(string address)
        where T : IComponent
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        return Render<T>();
    }

    private static IReadOnlyList<string> ArticleTitles(IRenderedComponent<HelpCentrePage> cut) =>
        [.. cut.FindAll("ul[aria-label=Articles] h2").Select(h => h.TextContent.Trim())];

    [Theory]
    [InlineData(DemoWorld.LeeEmail, "Freelancers")]
    [InlineData(DemoWorld.NinaEmail, "Agencies")]
    [InlineData(DemoWorld.CarlEmail, "Clients")]
    [InlineData(DemoWorld.AdminEmail, "All articles")]
    [InlineData(DemoVisibility.Visitor, "All articles")]
    public async Task The_help_centre_opens_on_the_readers_own_audience(string email, string selected)
    {
        await SignInAsAsync(email);
        var cut = RenderAt<HelpCentrePage>("/help");

        Assert.StartsWith(selected, cut.Find("nav[aria-label='Articles for'] a[aria-current=page]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Single(cut.FindAll("nav[aria-label='Articles for'] a[aria-current=page]"));
    }

    [Fact]
    public async Task Filtering_by_audience_changes_the_articles_and_a_strange_value_falls_back()
    {
        await SignInAsAsync(DemoWorld.LeeEmail);
        var forLee = ArticleTitles(RenderAt<HelpCentrePage>("/help"));
        var forClients = ArticleTitles(RenderAt<HelpCentrePage>("/help?for=client"));
        var odd = ArticleTitles(RenderAt<HelpCentrePage>("/help?for=%00bogus"));

        Assert.Contains("Types of business entity", forLee);
        Assert.DoesNotContain("Hiring from a proposal", forLee);
        Assert.Contains("Hiring from a proposal", forClients);
        Assert.DoesNotContain("Types of business entity", forClients);
        Assert.Equal(forLee, odd);
    }

    [Fact]
    public async Task An_article_offers_contact_support_with_itself_and_a_visitor_is_asked_to_sign_in()
    {
        await SignInAsAsync(DemoWorld.LeeEmail);
        var signedIn = Render<HelpArticlePage>(p => p.Add(x => x.Slug, HelpArticles.BusinessEntityTypes));
        Assert.NotNull(signedIn.Find($"a[href='/support?article={HelpArticles.BusinessEntityTypes}']"));
        Assert.Equal("For freelancers and agencies", signedIn.Find("[data-testid=article-audience]").TextContent.Trim());
        Assert.NotNull(signedIn.Find("a[href='/settings/profile']"));

        await SignInAsAsync(DemoVisibility.Visitor);
        var visitor = Render<HelpArticlePage>(p => p.Add(x => x.Slug, HelpArticles.BusinessEntityTypes));
        Assert.Empty(visitor.FindAll("a[href^='/support']"));
        Assert.Contains("to contact support", visitor.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_request_keeps_the_text_and_stores_nothing()
    {
        await SignInAsAsync(DemoWorld.LeeEmail);
        var cut = RenderAt<SupportPage>("/support?article=" + HelpArticles.ConnectsAndProposals);
        Assert.Contains("Connects and proposals", cut.Find("form[aria-label='Support request']").TextContent, StringComparison.Ordinal);
        cut.Find("form[aria-label='Support request'] textarea").Input("Why was I charged six Connects for one proposal?");

        cut.Find("form[aria-label='Support request']").Submit();

        cut.WaitForAssertion(() => Assert.Contains(SupportService.ChooseCategory, cut.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        Assert.Equal("Why was I charged six Connects for one proposal?", cut.Find("form[aria-label='Support request'] textarea").TextContent);
        await using var db = Db.CreateDbContext();
        Assert.Equal(1, await db.SupportRequests.CountAsync());
    }

    [Fact]
    public async Task Lee_sees_her_requests_with_supports_reply()
    {
        var lee = await ActorAsync(DemoWorld.LeeEmail);
        var support = new SupportService(Db, Db.Clock);
        var id = (await support.SendAsync(lee, new SupportDraft(SupportCategory.Connects, "Why was I charged six Connects?"))).Value;
        await support.ReplyAsync(await ActorAsync(DemoWorld.AdminEmail), id, "The job's budget is in the top tier.");

        await SignInAsAsync(DemoWorld.LeeEmail);
        var cut = RenderAt<SupportPage>("/support");

        var card = cut.Find($"[data-request-id='{id}']");
        Assert.Equal("Answered", card.QuerySelector("[data-testid=support-status]")!.TextContent.Trim());
        Assert.Contains("The job's budget is in the top tier.", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("TalentCloud support", card.TextContent, StringComparison.Ordinal);
        Assert.Empty(card.QuerySelectorAll("button"));
        Assert.DoesNotContain("Northwind", cut.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoWorld.LeeEmail)]
    [InlineData(DemoWorld.MariaEmail)]
    [InlineData(DemoVisibility.Visitor)]
    public async Task Nobody_but_an_admin_gets_the_support_queue(string email)
    {
        await SignInAsAsync(email);
        var cut = RenderAt<AdminSupportPage>("/admin/support");

        Assert.DoesNotContain("Nina Novak", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("h1"));
    }

    [Fact]
    public async Task The_admin_replies_from_the_queue_and_closes_after_confirming()
    {
        var host = RenderProviders();
        await SignInAsAsync(DemoWorld.AdminEmail);
        var cut = RenderAt<AdminSupportPage>("/admin/support");
        var card = cut.Find("[data-request-id]");
        Assert.Contains("From Nina Novak (nina@northwind.test)", card.TextContent, StringComparison.Ordinal);

        cut.Find("button[aria-label='Reply to Nina Novak']").Click();
        host.WaitForElement("[role=dialog]");
        host.Find("[role=dialog] textarea").Input("Yes: invite a colleague from the agency's team page.");
        host.FindAll("[role=dialog] button").Single(b => b.TextContent.Trim() == "Send reply").Click();

        cut.WaitForAssertion(() => Assert.Contains("No support requests match.", cut.Markup, StringComparison.Ordinal));
        await using (var db = Db.CreateDbContext())
        {
            var request = await db.SupportRequests.Include(r => r.Replies).SingleAsync();
            Assert.Equal(SupportStatus.Answered, request.Status);
            Assert.Equal("Yes: invite a colleague from the agency's team page.", Assert.Single(request.Replies).Text);
            var nina = await db.Users.SingleAsync(u => u.Email == DemoWorld.NinaEmail);
            Assert.True(await db.Notifications.AnyAsync(n => n.UserId == nina.Id && n.Title == "Support replied to your request"));
        }

        var answered = RenderAt<AdminSupportPage>("/admin/support?status=answered");
        answered.Find("button[aria-label='Close the request of Nina Novak']").Click();
        host.WaitForElement("[role=dialog]");
        host.FindAll("[role=dialog] button").Single(b => b.TextContent.Trim() == "Close request").Click();
        answered.WaitForAssertion(() => Assert.Contains("No support requests match.", answered.Markup, StringComparison.Ordinal));
        await using var after = Db.CreateDbContext();
        Assert.Equal(SupportStatus.Closed, await after.SupportRequests.Select(r => r.Status).SingleAsync());
    }
}
