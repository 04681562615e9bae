using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.ContactRules;
using TalentCloud.Core.Messaging;
using TalentCloud.Core.Notifications;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Core.Messaging;

public sealed class ConversationServiceTests : IAsyncLifetime
{
    private TestDatabase db = null!;
    private ConversationService service = null!;
    private MessageService messages = null!;
    private InterviewService interviews = null!;

    public async ValueTask InitializeAsync()
    {
        db = await TestDatabase.CreateWithDemoWorldAsync();
        service = MessagingTestWorld.Conversations(db);
        messages = MessagingTestWorld.Messages(db);
        interviews = MessagingTestWorld.Interviews(db);
    }

    public async ValueTask DisposeAsync() => await db.DisposeAsync();

    [Fact]
    public async Task Ordinary_client_cannot_send_an_email_address_before_a_contract_and_nothing_is_stored()
    {
        var id = await MessagingTestWorld.InitechOmarAsync(db);
        var before = await MessagingTestWorld.MessageCountAsync(db, id);

        var result = await messages.SendAsync(await db.ActorAsync(DemoWorld.CarlEmail), id, "reach me at carl@initech.test");

        Assert.False(result.Succeeded);
        Assert.Contains("an e-mail address", result.Errors[0], StringComparison.Ordinal);
        Assert.Contains("after a contract between Initech and Omar Haddad starts", result.Errors[0], StringComparison.Ordinal);
        Assert.Equal(before, await MessagingTestWorld.MessageCountAsync(db, id));
    }

    [Fact]
    public async Task The_freelancer_is_refused_too_in_an_ordinary_clients_conversation()
    {
        var id = await MessagingTestWorld.InitechOmarAsync(db);

        var result = await messages.SendAsync(await db.ActorAsync(DemoWorld.OmarEmail), id, "Call me: +962 7 9555 0100");

        Assert.False(result.Succeeded);
        Assert.Contains("a phone number", result.Errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enterprise_conversation_allows_contact_details_in_both_directions()
    {
        var id = await MessagingTestWorld.AcmeFionaAsync(db);

        var fromMaria = await messages.SendAsync(await db.ActorAsync(DemoWorld.MariaEmail), id, "+1 (415) 555-0100");
        var fromFiona = await messages.SendAsync(await db.ActorAsync(DemoWorld.FionaEmail), id, "Mine is fiona@talent.test");

        Assert.True(fromMaria.Succeeded, string.Join(" ", fromMaria.Errors));
        Assert.True(fromFiona.Succeeded, string.Join(" ", fromFiona.Errors));
        Assert.Equal("+1 (415) 555-0100", fromMaria.Value!.Body);
        Assert.True(fromMaria.Value.IsMine);
        Assert.Equal(ConversationSide.Profile, fromFiona.Value!.SenderSide);
    }

    [Fact]
    public async Task Without_an_active_subscription_the_Enterprise_exception_no_longer_applies()
    {
        var id = await MessagingTestWorld.AcmeFionaAsync(db);
        await using (var context = db.CreateDbContext())
        {
            await context.Organizations.Where(o => o.Name == DemoWorld.Acme)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.HasEnterpriseSubscription, false));
        }

        var result = await messages.SendAsync(await db.ActorAsync(DemoWorld.MariaEmail), id, "+1 (415) 555-0100");
        var view = await service.GetConversationAsync(await db.ActorAsync(DemoWorld.FionaEmail), id);

        Assert.False(result.Succeeded);
        Assert.Equal(ContactSharing.NotYet, view!.Sharing);
    }

    [Fact]
    public async Task After_a_contract_starts_the_ordinary_client_may_share_an_email_address()
    {
        var id = await MessagingTestWorld.InitechOmarAsync(db);
        await MessagingTestWorld.StartContractAsync(db, DemoWorld.Initech, DemoWorld.OmarHandle, db.Clock.GetUtcNow().AddMinutes(-1));

        var result = await messages.SendAsync(await db.ActorAsync(DemoWorld.CarlEmail), id, "reach me at carl@initech.test");
        var view = await service.GetConversationAsync(await db.ActorAsync(DemoWorld.OmarEmail), id);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.Equal(ContactSharing.ContractStarted, view!.Sharing);
        Assert.Equal("reach me at carl@initech.test", view.Messages[^1].Body);
    }

    [Fact]
    public async Task A_contract_with_another_organisation_does_not_count()
    {
        var id = await MessagingTestWorld.InitechOmarAsync(db);
        await MessagingTestWorld.StartContractAsync(db, DemoWorld.Globex, DemoWorld.OmarHandle, db.Clock.GetUtcNow().AddDays(-1));

        var result = await messages.SendAsync(await db.ActorAsync(DemoWorld.CarlEmail), id, "reach me at carl@initech.test");

        Assert.False(result.Succeeded);
    }

    [Theory]
    [InlineData(DemoWorld.HankEmail)]
    [InlineData(DemoWorld.LeeEmail)]
    [InlineData(DemoWorld.CarlEmail)]
    [InlineData(DemoWorld.AdminEmail)]
    [InlineData(DemoWorld.NinaEmail)]
    public async Task Outsiders_find_no_conversation_and_cannot_write_to_it(string email)
    {
        var id = await MessagingTestWorld.AcmeFionaAsync(db);
        var outsider = await db.ActorAsync(email);
        var before = await MessagingTestWorld.MessageCountAsync(db, id);

        Assert.Null(await service.GetConversationAsync(outsider, id));
        Assert.Null(await service.GetEarlierMessagesAsync(outsider, id, long.MaxValue));
        Assert.Null(await service.GetNewerMessagesAsync(outsider, id, 0));
        Assert.False(await service.MarkReadAsync(outsider, id));
        var send = await messages.SendAsync(outsider, id, "hello");
        Assert.Equal(MessagingErrors.NotFound, Assert.Single(send.Errors));
        Assert.DoesNotContain((await service.GetInboxAsync(outsider)).Items, i => i.ConversationId == id);
        Assert.Equal(before, await MessagingTestWorld.MessageCountAsync(db, id));
    }

    [Fact]
    public async Task Visitor_and_unknown_ids_find_nothing()
    {
        var id = await MessagingTestWorld.AcmeFionaAsync(db);
        Assert.Null(await service.GetConversationAsync(Actor.Visitor, id));
        Assert.Null(await service.GetConversationAsync(await db.ActorAsync(DemoWorld.FionaEmail), 999_999));
        Assert.False((await messages.SendAsync(Actor.Visitor, id, "hi")).Succeeded);
    }

    [Fact]
    public async Task Every_person_of_the_organisation_shares_its_side()
    {
        var id = await MessagingTestWorld.AcmeFionaAsync(db);

        var view = await service.GetConversationAsync(await db.ActorAsync(DemoWorld.RajEmail), id);
        var sent = await messages.SendAsync(await db.ActorAsync(DemoWorld.RajEmail), id, "Hi Fiona, Raj here from Maria's team.");

        Assert.NotNull(view);
        Assert.Equal(ConversationSide.Organization, view.MySide);
        Assert.Equal("Fiona Park", view.OtherSideName);
        Assert.True(sent.Succeeded);
        Assert.Equal("Raj Patel", sent.Value!.SenderName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData(null)]
    public async Task Empty_messages_are_refused(string? body)
    {
        var id = await MessagingTestWorld.InitechOmarAsync(db);

        var result = await messages.SendAsync(await db.ActorAsync(DemoWorld.CarlEmail), id, body);

        Assert.Equal(MessagingErrors.EmptyMessage, Assert.Single(result.Errors));
    }

    [Fact]
    public async Task Over_long_messages_are_refused_with_the_limit_and_the_limit_itself_is_accepted()
    {
        var id = await MessagingTestWorld.InitechOmarAsync(db);
        var carl = await db.ActorAsync(DemoWorld.CarlEmail);

        var tooLong = await messages.SendAsync(carl, id, new string('a', Message.BodyMaxLength + 1));
        var atLimit = await messages.SendAsync(carl, id, new string('a', Message.BodyMaxLength));

        Assert.False(tooLong.Succeeded);
        Assert.Contains("at most 4,000 characters", tooLong.Errors[0], StringComparison.Ordinal);
        Assert.Contains("4,001", tooLong.Errors[0], StringComparison.Ordinal);
        Assert.True(atLimit.Succeeded);
    }

    [Fact]
    public async Task Markup_is_stored_as_plain_text()
    {
        var id = await MessagingTestWorld.InitechOmarAsync(db);

        var result = await messages.SendAsync(await db.ActorAsync(DemoWorld.CarlEmail), id, "<script>alert('x')</script><b>bold</b>");

        Assert.Equal("<script>alert('x')</script><b>bold</b>", result.Value!.Body);
    }

    [Fact]
    public async Task A_flood_of_messages_is_rate_limited_per_user_until_a_minute_has_passed()
    {
        var id = await MessagingTestWorld.InitechOmarAsync(db);
        var carl = await db.ActorAsync(DemoWorld.CarlEmail);
        for (var i = 0; i < MessagingErrors.MessagesPerMinute; i++)
        {
            Assert.True((await messages.SendAsync(carl, id, $"Update {i}")).Succeeded);
        }

        var limited = await messages.SendAsync(carl, id, "One more");
        var omarStillWrites = await messages.SendAsync(await db.ActorAsync(DemoWorld.OmarEmail), id, "Thanks for the updates");
        db.Clock.Advance(TimeSpan.FromSeconds(61));
        var later = await messages.SendAsync(carl, id, "One more");

        Assert.Equal(MessagingErrors.RateLimited, Assert.Single(limited.Errors));
        Assert.Contains("at most 20 messages a minute", limited.Errors[0], StringComparison.Ordinal);
        Assert.True(omarStillWrites.Succeeded);
        Assert.True(later.Succeeded);
    }

    [Fact]
    public async Task A_parallel_burst_cannot_get_past_the_rate_limit()
    {
        var id = await MessagingTestWorld.InitechOmarAsync(db);
        var carl = await db.ActorAsync(DemoWorld.CarlEmail);
        var before = await MessagingTestWorld.MessageCountAsync(db, id);

        var burst = MessagingErrors.MessagesPerMinute + 10;
        var results = await Task.WhenAll(Enumerable.Range(0, burst)
            .Select(i => Task.Run(() => messages.SendAsync(carl, id, $"Burst {i}"))));

        Assert.Equal(MessagingErrors.MessagesPerMinute, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(MessagingErrors.RateLimited, Assert.Single(r.Errors)));
        Assert.Equal(before + MessagingErrors.MessagesPerMinute, await MessagingTestWorld.MessageCountAsync(db, id));
    }

    [Fact]
    public async Task Inbox_shows_the_other_side_the_Enterprise_badge_and_unread_counts()
    {
        var omar = await db.ActorAsync(DemoWorld.OmarEmail);
        var fiona = await db.ActorAsync(DemoWorld.FionaEmail);
        var carl = await db.ActorAsync(DemoWorld.CarlEmail);

        var omarInbox = await service.GetInboxAsync(omar);
        var fionaInbox = await service.GetInboxAsync(fiona);
        var carlInbox = await service.GetInboxAsync(carl);

        var initech = Assert.Single(omarInbox.Items);
        Assert.Equal("Initech", initech.OtherSideName);
        Assert.False(initech.OtherSideIsEnterprise);
        Assert.Equal(1, initech.UnreadCount);
        Assert.Equal(1, omarInbox.TotalUnread);
        var acme = Assert.Single(fionaInbox.Items);
        Assert.Equal("Acme Corp", acme.OtherSideName);
        Assert.True(acme.OtherSideIsEnterprise);
        Assert.Equal(0, acme.UnreadCount);
        Assert.Equal("Omar Haddad", Assert.Single(carlInbox.Items).OtherSideName);
    }

    [Fact]
    public async Task Marking_read_clears_the_count_and_new_messages_raise_it_per_person()
    {
        var id = await MessagingTestWorld.AcmeFionaAsync(db);
        var fiona = await db.ActorAsync(DemoWorld.FionaEmail);
        var maria = await db.ActorAsync(DemoWorld.MariaEmail);
        var raj = await db.ActorAsync(DemoWorld.RajEmail);

        await messages.SendAsync(fiona, id, "One question about the brief");
        Assert.Equal(1, await service.GetUnreadCountAsync(maria));
        Assert.Equal(0, await service.GetUnreadCountAsync(fiona));
        Assert.True(await service.MarkReadAsync(maria, id));

        Assert.Equal(0, await service.GetUnreadCountAsync(maria));
        Assert.Equal(5, await service.GetUnreadCountAsync(raj));
    }

    [Fact]
    public async Task History_pages_back_to_the_first_message()
    {
        var id = await MessagingTestWorld.InitechOmarAsync(db);
        var carl = await db.ActorAsync(DemoWorld.CarlEmail);
        for (var i = 1; i <= 35; i++)
        {
            db.Clock.Advance(TimeSpan.FromSeconds(4));
            Assert.True((await messages.SendAsync(carl, id, $"Note {i}")).Succeeded);
        }

        var view = await service.GetConversationAsync(carl, id);
        var earlier = await service.GetEarlierMessagesAsync(carl, id, view!.Messages[0].Id);

        Assert.Equal(ConversationService.DefaultPageSize, view.Messages.Count);
        Assert.True(view.HasEarlier);
        Assert.Equal("Note 35", view.Messages[^1].Body);
        Assert.Equal("Note 6", view.Messages[0].Body);
        Assert.False(earlier!.HasEarlier);
        Assert.Equal(3 + 5, earlier.Messages.Count);
        Assert.StartsWith("Hello Omar", earlier.Messages[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sending_notifies_the_other_side_and_the_open_pages()
    {
        var id = await MessagingTestWorld.InitechOmarAsync(db);
        // The services as the app composes them: open pages hear through the notifier once the message commits.
        await using var app = CoreServices.Build(db);
        var notifier = app.GetRequiredService<ConversationNotifier>();
        var live = app.GetRequiredService<MessageService>();
        var received = new TaskCompletionSource<ConversationUpdate>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = notifier.Subscribe(id, update =>
        {
            received.TrySetResult(update);
            return Task.CompletedTask;
        });

        var sent = await live.SendAsync(await db.ActorAsync(DemoWorld.CarlEmail), id, "Are you free on Monday?");

        var update = await received.Task.WaitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(sent.Value!.Id, update.MessageId);
        await using var context = db.CreateDbContext();
        var omarId = await context.Users.Where(u => u.Email == DemoWorld.OmarEmail).Select(u => u.Id).SingleAsync();
        var notification = await context.Notifications.Where(n => n.UserId == omarId && n.Kind == NotificationKind.MessageReceived).SingleAsync();
        Assert.Equal($"/messages/{id}", notification.Link);
        Assert.Equal("New message from Initech", notification.Title);
        Assert.Contains(await context.AuditEntries.Select(a => a.Action).ToListAsync(), a => a == "message.sent");
    }

    [Fact]
    public async Task A_client_starts_one_conversation_per_profile_and_freelancers_cannot_start_one()
    {
        var carl = await db.ActorAsync(DemoWorld.CarlEmail);
        var fionaId = await MessagingTestWorld.ProfileIdAsync(db, DemoWorld.FionaHandle);

        var first = await service.StartAsync(carl, fionaId);
        var second = await service.StartAsync(carl, fionaId, ConversationOrigin.Proposal, 42);
        var byFreelancer = await service.StartAsync(await db.ActorAsync(DemoWorld.OmarEmail), fionaId);
        var unknown = await service.StartAsync(carl, 999_999);
        var badOrigin = await service.StartAsync(carl, fionaId, (ConversationOrigin)99);

        Assert.True(first.Succeeded);
        Assert.Equal(first.Value, second.Value);
        Assert.Equal(MessagingErrors.NotAClient, Assert.Single(byFreelancer.Errors));
        Assert.Equal(MessagingErrors.ProfileNotFound, Assert.Single(unknown.Errors));
        Assert.Equal(MessagingErrors.UnknownOrigin, Assert.Single(badOrigin.Errors));
        var view = await service.GetConversationAsync(await db.ActorAsync(DemoWorld.FionaEmail), first.Value);
        Assert.Equal("Initech", view!.OtherSideName);
        Assert.Empty(view.Messages);
    }

    [Fact]
    public async Task Enterprise_proposes_an_outside_interview_and_the_freelancer_accepts()
    {
        var id = await MessagingTestWorld.AcmeFionaAsync(db);
        var maria = await db.ActorAsync(DemoWorld.MariaEmail);
        var fiona = await db.ActorAsync(DemoWorld.FionaEmail);

        var proposed = await interviews.ProposeAsync(maria, id, new DateTime(2026, 12, 1, 15, 30, 0), "Europe/Madrid", "https://meet.example.com/acme-fiona");
        var interview = proposed.Value!.Interview!;
        var fionaView = await service.GetConversationAsync(fiona, id);
        var accepted = await interviews.RespondAsync(fiona, id, interview.Id, accept: true);
        var again = await interviews.RespondAsync(fiona, id, interview.Id, accept: false);

        Assert.True(proposed.Succeeded, string.Join(" ", proposed.Errors));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 14, 30, 0, TimeSpan.Zero), interview.StartsAt);
        Assert.Equal(15, interview.LocalStart.Hour);
        Assert.False(interview.CanRespond);
        Assert.True(fionaView!.Messages[^1].Interview!.CanRespond);
        Assert.True(accepted.Succeeded);
        Assert.StartsWith("Accepted the interview on Tue 1 Dec 2026, 15:30 (Europe/Madrid)", accepted.Value!.Body, StringComparison.Ordinal);
        Assert.Equal(MessagingErrors.AlreadyAnswered(InterviewStatus.Accepted), Assert.Single(again.Errors));
        var mariaView = await service.GetConversationAsync(maria, id);
        Assert.Equal(InterviewStatus.Accepted, mariaView!.Messages[^2].Interview!.Status);
    }

    [Fact]
    public async Task Ordinary_client_cannot_attach_an_external_link_before_a_contract()
    {
        var id = await MessagingTestWorld.InitechOmarAsync(db);
        var carl = await db.ActorAsync(DemoWorld.CarlEmail);

        var result = await interviews.ProposeAsync(carl, id, new DateTime(2026, 12, 1, 15, 0, 0), "Europe/London", "https://meet.example.com/x");
        var view = await service.GetConversationAsync(carl, id);

        Assert.False(result.Succeeded);
        Assert.Contains("a link or web address", result.Errors[0], StringComparison.Ordinal);
        Assert.Contains("contract between Initech and Omar Haddad", result.Errors[0], StringComparison.Ordinal);
        Assert.False(view!.CanProposeInterview);
        await using var context = db.CreateDbContext();
        Assert.Empty(await context.InterviewProposals.ToListAsync());
    }

    [Theory]
    [InlineData("Mars/Olympus", "https://meet.example.com/x", 2026, "not a known time zone")]
    [InlineData("Europe/Madrid", "meet.example.com/x", 2026, "full web address")]
    [InlineData("Europe/Madrid", "javascript:alert(1)", 2026, "full web address")]
    [InlineData("Europe/Madrid", "https://meet.example.com/x", 2025, "in the future")]
    [InlineData("Europe/Madrid", "https://meet.example.com/x", 2028, "within the next 365 days")]
    public async Task Bad_interview_proposals_are_refused(string zone, string link, int year, string expected)
    {
        var id = await MessagingTestWorld.AcmeFionaAsync(db);

        var result = await interviews.ProposeAsync(await db.ActorAsync(DemoWorld.MariaEmail), id, new DateTime(year, 12, 1, 10, 0, 0), zone, link);

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_organisation_proposes_and_only_the_freelancer_answers()
    {
        var id = await MessagingTestWorld.AcmeFionaAsync(db);
        var maria = await db.ActorAsync(DemoWorld.MariaEmail);
        var proposed = await interviews.ProposeAsync(maria, id, new DateTime(2026, 12, 2, 9, 0, 0), "America/New_York", "https://meet.example.com/y");

        var byFiona = await interviews.ProposeAsync(await db.ActorAsync(DemoWorld.FionaEmail), id, new DateTime(2026, 12, 2, 9, 0, 0),
            "America/New_York", "https://meet.example.com/y");
        var answeredByMaria = await interviews.RespondAsync(maria, id, proposed.Value!.Interview!.Id, accept: true);

        Assert.Equal(MessagingErrors.OnlyOrganizationProposes, Assert.Single(byFiona.Errors));
        Assert.Equal(MessagingErrors.OnlyProfileResponds, Assert.Single(answeredByMaria.Errors));
    }

    [Fact]
    public async Task An_answer_names_the_interview_it_answers_so_pages_never_read_its_text()
    {
        var id = await MessagingTestWorld.AcmeFionaAsync(db);
        var maria = await db.ActorAsync(DemoWorld.MariaEmail);
        var fiona = await db.ActorAsync(DemoWorld.FionaEmail);
        var proposed = await interviews.ProposeAsync(maria, id, new DateTime(2026, 12, 3, 11, 0, 0), "Europe/London", "https://meet.example.com/z");
        var interviewId = proposed.Value!.Interview!.Id;
        var lastBefore = proposed.Value.Id;

        var declined = await interviews.RespondAsync(fiona, id, interviewId, accept: false);
        var newerForMaria = await service.GetNewerMessagesAsync(maria, id, lastBefore);
        var mariaView = await service.GetConversationAsync(maria, id);

        Assert.Equal(interviewId, declined.Value!.AnsweredInterviewId);
        Assert.Null(declined.Value.Interview);
        var answer = Assert.Single(newerForMaria!);
        Assert.Equal(interviewId, answer.AnsweredInterviewId);
        Assert.Null(answer.Interview);
        Assert.Null(mariaView!.Messages.Single(m => m.Id == proposed.Value.Id).AnsweredInterviewId);
        Assert.Equal(InterviewStatus.Declined, mariaView.Messages.Single(m => m.Id == proposed.Value.Id).Interview!.Status);
        // An ordinary message answers nothing.
        Assert.All(mariaView.Messages.Where(m => m.Id < lastBefore), m => Assert.Null(m.AnsweredInterviewId));
    }

    [Fact]
    public async Task Each_side_is_told_what_its_page_offers()
    {
        var acme = await MessagingTestWorld.AcmeFionaAsync(db);
        var initech = await MessagingTestWorld.InitechOmarAsync(db);

        var maria = await service.GetConversationAsync(await db.ActorAsync(DemoWorld.MariaEmail), acme);
        var fiona = await service.GetConversationAsync(await db.ActorAsync(DemoWorld.FionaEmail), acme);
        var carl = await service.GetConversationAsync(await db.ActorAsync(DemoWorld.CarlEmail), initech);
        var omar = await service.GetConversationAsync(await db.ActorAsync(DemoWorld.OmarEmail), initech);

        Assert.True(maria!.CanProposeInterview);
        Assert.Null(maria.InterviewUnavailableReason);
        Assert.Equal("/freelancers/" + DemoWorld.FionaHandle, maria.OtherSideUrl);
        Assert.False(maria.ShowsEnterpriseBadge);
        Assert.False(fiona!.CanProposeInterview);
        Assert.Null(fiona.InterviewUnavailableReason);
        Assert.Null(fiona.OtherSideUrl);
        Assert.True(fiona.ShowsEnterpriseBadge);
        Assert.False(carl!.CanProposeInterview);
        Assert.Equal(ConversationView.InterviewNeedsContract, carl.InterviewUnavailableReason);
        Assert.False(omar!.ShowsEnterpriseBadge);
        Assert.Null(omar.InterviewUnavailableReason);
    }
}
