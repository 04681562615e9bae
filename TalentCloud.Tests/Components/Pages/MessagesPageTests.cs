using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentCloud.Core.Messaging;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;
using TalentCloud.Web.Components.Pages.Messages;

namespace TalentCloud.Tests.Components.Pages;

/// <summary>The inbox and a conversation per side: what each sees, sending, interviews, and live arrivals.</summary>
public sealed class MessagesPageTests : ComponentTestBase
{
    private ConversationService Conversations => Services.GetRequiredService<ConversationService>();

    private MessageService Messages => Services.GetRequiredService<MessageService>();

    private InterviewService Interviews => Services.GetRequiredService<InterviewService>();

    private Task<int> ConversationAsync(string organization, string handle) => MessagingAppData.ConversationIdAsync(Services, organization, handle);

    private async Task<IRenderedComponent<ConversationPage>> OpenAsync(string email, int conversationId)
    {
        await SignInAsAsync(email);
        var cut = Render<ConversationPage>(p => p.Add(x => x.ConversationId, conversationId));
        // Live once the page has subscribed to the conversation (after its first render on the circuit).
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("section.conversation").GetAttribute("data-live")));
        return cut;
    }

    private async Task<List<string>> BodiesAsync(int conversationId)
    {
        await using var db = Db.CreateDbContext();
        return await db.Messages.Where(m => m.ConversationId == conversationId).OrderBy(m => m.Id).Select(m => m.Body).ToListAsync();
    }

    private static AngleSharp.Dom.IElement Button<T>(IRenderedComponent<T> host, string text)
        where T : IComponent =>
        host.FindAll("button").Single(b => b.TextContent.Trim() == text);

    [Fact]
    public async Task The_freelancers_inbox_marks_enterprise_clients_and_unread_counts()
    {
        await SignInAsAsync(DemoWorld.OmarEmail);
        var omar = Render<MessagesPage>();
        var item = Assert.Single(omar.FindAll("[data-testid=inbox-item]"));
        Assert.Contains("Initech", item.TextContent, StringComparison.Ordinal);
        Assert.Empty(item.QuerySelectorAll("[aria-label='Verified Enterprise client']"));
        Assert.Equal("1 unread", item.QuerySelector("[data-testid=conversation-unread]")!.TextContent.Trim());

        await SignInAsAsync(DemoWorld.FionaEmail);
        var fiona = Render<MessagesPage>();
        var acme = fiona.FindAll("[data-testid=inbox-item]").Single(i => i.TextContent.Contains("Acme Corp", StringComparison.Ordinal));
        Assert.NotNull(acme.QuerySelector("[aria-label='Verified Enterprise client']"));
        Assert.Equal($"/messages/{await ConversationAsync(DemoWorld.Acme, DemoWorld.FionaHandle)}", acme.QuerySelector("a")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData(DemoWorld.HankEmail)]
    [InlineData(DemoWorld.AdminEmail)]
    public async Task Someone_without_conversations_gets_the_empty_state(string email)
    {
        await SignInAsAsync(email);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/messages?page=%00");
        var cut = Render<MessagesPage>();
        Assert.Contains("You have no conversations yet.", cut.Find("[data-testid=empty-state]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=inbox-item]"));
    }

    [Fact]
    public async Task An_open_inbox_counts_a_new_message_without_reload()
    {
        await SignInAsAsync(DemoWorld.OmarEmail);
        var cut = Render<MessagesPage>();
        var id = await ConversationAsync(DemoWorld.Initech, DemoWorld.OmarHandle);

        Assert.True((await Messages.SendAsync(await ActorAsync(DemoWorld.CarlEmail), id, "Are you free on Thursday?")).Succeeded);

        cut.WaitForAssertion(() => Assert.Equal("2 unread", cut.Find("[data-testid=conversation-unread]").TextContent.Trim()));
        Assert.Contains("Are you free on Thursday?", cut.Find("[data-testid=inbox-item]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_freelancer_sees_the_organisation_with_its_badge_and_no_interview_form()
    {
        var cut = await OpenAsync(DemoWorld.FionaEmail, await ConversationAsync(DemoWorld.Acme, DemoWorld.FionaHandle));
        var title = cut.Find("h1");
        Assert.Contains("Acme Corp", title.TextContent, StringComparison.Ordinal);
        Assert.Empty(title.QuerySelectorAll("a"));
        Assert.NotNull(title.QuerySelector("[aria-label='Verified Enterprise client']"));
        Assert.Contains("verified Enterprise client: sharing contact details", cut.Find("[data-testid=contact-banner]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Propose an interview", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=interview-unavailable]"));
        Assert.Contains("+1 (415) 555-0142", cut.Find("ol[aria-label=Messages]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_enterprise_client_links_to_the_profile_and_may_propose_an_interview()
    {
        var cut = await OpenAsync(DemoWorld.MariaEmail, await ConversationAsync(DemoWorld.Acme, DemoWorld.FionaHandle));
        Assert.Equal("/freelancers/fiona-park", cut.Find("h1 a").GetAttribute("href"));
        Assert.Empty(cut.FindAll("h1 [aria-label='Verified Enterprise client']"));
        Assert.False(Button(cut, "Propose an interview outside TalentCloud").HasAttribute("disabled"));
        Assert.Empty(cut.FindAll("[data-testid=interview-unavailable]"));
    }

    [Fact]
    public async Task An_ordinary_client_is_told_why_no_interview_and_that_contact_details_wait()
    {
        var cut = await OpenAsync(DemoWorld.CarlEmail, await ConversationAsync(DemoWorld.Initech, DemoWorld.OmarHandle));
        Assert.Equal(ConversationView.InterviewNeedsContract, cut.Find("[data-testid=interview-unavailable]").TextContent.Trim());
        Assert.DoesNotContain("Propose an interview", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("cannot be shared here yet", cut.Find("[data-testid=contact-banner]").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoWorld.HankEmail)]
    [InlineData(DemoWorld.LeeEmail)]
    [InlineData(DemoWorld.AdminEmail)]
    public async Task Outsiders_get_nothing_of_the_conversation(string email)
    {
        await SignInAsAsync(email);
        var id = await ConversationAsync(DemoWorld.Acme, DemoWorld.FionaHandle);
        var cut = Render<ConversationPage>(p => p.Add(x => x.ConversationId, id));
        Assert.DoesNotContain("555-0142", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("section, textarea, h1"));
    }

    [Fact]
    public async Task A_refused_message_keeps_the_draft_and_stores_nothing_then_a_plain_one_is_sent()
    {
        RenderProviders();
        var id = await ConversationAsync(DemoWorld.Initech, DemoWorld.OmarHandle);
        var before = await BodiesAsync(id);
        var cut = await OpenAsync(DemoWorld.CarlEmail, id);

        cut.Find("textarea").Input("reach me at carl@initech.test");
        Button(cut, "Send").Click();
        cut.WaitForAssertion(() => Assert.Contains("an e-mail address", cut.Find("[data-testid=send-error]").TextContent, StringComparison.Ordinal));
        Assert.Equal("reach me at carl@initech.test", cut.Find("textarea").GetAttribute("value") ?? cut.Find("textarea").TextContent);
        Assert.Equal(before, await BodiesAsync(id));

        cut.Find("textarea").Input("Could we talk on Thursday?");
        Button(cut, "Send").Click();
        cut.WaitForAssertion(() => Assert.Contains("Could we talk on Thursday?", cut.FindAll("[data-testid=message]")[^1].TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=send-error]"));
        Assert.Equal([.. before, "Could we talk on Thursday?"], await BodiesAsync(id));
        await using var db = Db.CreateDbContext();
        var carl = await ActorAsync(DemoWorld.CarlEmail);
        Assert.Equal(carl.UserId, await db.Messages.Where(m => m.ConversationId == id).OrderBy(m => m.Id).Select(m => m.SenderUserId).LastAsync());
    }

    [Fact]
    public async Task A_message_from_the_other_side_appears_live()
    {
        var id = await ConversationAsync(DemoWorld.Acme, DemoWorld.FionaHandle);
        var cut = await OpenAsync(DemoWorld.FionaEmail, id);
        var shown = cut.FindAll("[data-testid=message]").Count;

        Assert.True((await Messages.SendAsync(await ActorAsync(DemoWorld.MariaEmail), id, "The contract is ready for you.")).Succeeded);

        cut.WaitForAssertion(() => Assert.Equal(shown + 1, cut.FindAll("[data-testid=message]").Count));
        var last = cut.FindAll("[data-testid=message]")[^1];
        Assert.Contains("The contract is ready for you.", last.TextContent, StringComparison.Ordinal);
        Assert.Contains("message-theirs", last.ClassList);
    }

    [Fact]
    public async Task The_client_proposes_an_interview_in_a_dialog_and_the_card_appears()
    {
        var host = RenderProviders();
        var id = await ConversationAsync(DemoWorld.Acme, DemoWorld.FionaHandle);
        var cut = await OpenAsync(DemoWorld.MariaEmail, id);
        Button(cut, "Propose an interview outside TalentCloud").Click();
        var dialog = host.WaitForElement("[role=dialog]");
        Assert.Equal("Propose an interview", dialog.GetAttribute("aria-label"));

        host.Find("[role=dialog] input[type=url]").Input("meet.example.com/acme");
        Button(host, "Propose interview").Click();
        host.WaitForAssertion(() => Assert.Contains("full web address", host.Find("[data-testid=interview-error]").TextContent, StringComparison.Ordinal));
        await using (var db = Db.CreateDbContext())
        {
            Assert.Empty(await db.InterviewProposals.ToListAsync());
        }

        host.Find("[role=dialog] input[type=url]").Input("https://meet.example.com/acme");
        Button(host, "Propose interview").Click();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=interview]")));
        host.WaitForAssertion(() => Assert.Empty(host.FindAll("[role=dialog]")));
        await using var check = Db.CreateDbContext();
        var proposal = await check.InterviewProposals.SingleAsync();
        Assert.Equal("https://meet.example.com/acme", proposal.MeetingLink);
        Assert.Equal((await ActorAsync(DemoWorld.MariaEmail)).UserId, proposal.ProposedByUserId);
        Assert.Empty(cut.FindAll("[data-testid=interview] button")); // the client waits for the answer
    }

    private async Task<int> ProposedInterviewAsync(int conversationId)
    {
        var proposed = await Interviews.ProposeAsync(await ActorAsync(DemoWorld.MariaEmail), conversationId,
            Db.Clock.GetUtcNow().UtcDateTime.Date.AddDays(3).AddHours(10), "Europe/Madrid", "https://meet.example.com/acme-fiona");
        Assert.True(proposed.Succeeded, string.Join(" ", proposed.Errors));
        return proposed.Value!.Interview!.Id;
    }

    private async Task<InterviewStatus> InterviewStatusAsync(int interviewId)
    {
        await using var db = Db.CreateDbContext();
        return await db.InterviewProposals.Where(i => i.Id == interviewId).Select(i => i.Status).SingleAsync();
    }

    [Fact]
    public async Task Declining_asks_first_cancelling_keeps_it_open_and_confirming_updates_the_card()
    {
        var host = RenderProviders();
        var id = await ConversationAsync(DemoWorld.Acme, DemoWorld.FionaHandle);
        var interviewId = await ProposedInterviewAsync(id);
        var cut = await OpenAsync(DemoWorld.FionaEmail, id);
        Assert.Equal("Waiting for an answer", cut.Find("[data-testid=interview-status]").TextContent.Trim());

        Button(cut, "Decline").Click();
        var dialog = host.WaitForElement("[role=dialog]");
        Assert.Contains("cannot be changed", dialog.TextContent, StringComparison.Ordinal);
        Button(host, "Cancel").Click();
        host.WaitForAssertion(() => Assert.Empty(host.FindAll("[role=dialog]")));
        Assert.Equal(InterviewStatus.Proposed, await InterviewStatusAsync(interviewId));

        Button(cut, "Decline").Click();
        host.WaitForElement("[role=dialog]");
        Button(host, "Decline interview").Click();

        cut.WaitForAssertion(() => Assert.Equal("Declined", cut.Find("[data-testid=interview-status]").TextContent.Trim()));
        Assert.Equal(InterviewStatus.Declined, await InterviewStatusAsync(interviewId));
        Assert.Empty(cut.FindAll("[data-testid=interview] button"));
        Assert.Contains("Declined the interview", cut.FindAll("[data-testid=message]")[^1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_clients_open_card_turns_accepted_live_when_the_freelancer_accepts()
    {
        var id = await ConversationAsync(DemoWorld.Acme, DemoWorld.FionaHandle);
        var interviewId = await ProposedInterviewAsync(id);
        var maria = await OpenAsync(DemoWorld.MariaEmail, id);
        Assert.Equal("Waiting for an answer", maria.Find("[data-testid=interview-status]").TextContent.Trim());

        Assert.True((await Interviews.RespondAsync(await ActorAsync(DemoWorld.FionaEmail), id, interviewId, accept: true)).Succeeded);

        maria.WaitForAssertion(() => Assert.Equal("Accepted", maria.Find("[data-testid=interview-status]").TextContent.Trim()));
        Assert.Contains("Accepted the interview", maria.FindAll("[data-testid=message]")[^1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_stays_with_its_conversation_when_the_user_opens_another()
    {
        var acme = await ConversationAsync(DemoWorld.Acme, DemoWorld.FionaHandle);
        var maria = await ActorAsync(DemoWorld.MariaEmail);
        var lee = (await ActorAsync(DemoWorld.LeeEmail)).ProfileIds[0];
        var other = (await Conversations.StartAsync(maria, lee)).Value;
        var cut = await OpenAsync(DemoWorld.MariaEmail, acme);
        cut.Find("textarea").Input("Half-written note to Fiona");

        cut.Render(p => p.Add(x => x.ConversationId, other));

        cut.WaitForAssertion(() => Assert.Contains("Lee Chen", cut.Find("h1").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("Half-written note to Fiona", cut.Markup, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("[data-testid=no-messages]"));
    }
}
