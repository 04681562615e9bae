using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.DataExport;
using TalentCloud.Core.Help;
using TalentCloud.Core.Notifications;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Core;

public sealed class SupportServiceTests : IAsyncLifetime
{
    private const string Question = "My proposal to the Airflow job shows the wrong rate. Can you check it?";

    private TestDatabase db = null!;
    private SupportService support = null!;

    public async ValueTask InitializeAsync()
    {
        db = await TestDatabase.CreateWithDemoWorldAsync(generatedProfiles: 0);
        support = new SupportService(db, db.Clock);
    }

    public async ValueTask DisposeAsync() => await db.DisposeAsync();

    private async Task<int> SendAsLeeAsync(string text = Question)
    {
        var sent = await support.SendAsync(await db.ActorAsync(DemoWorld.LeeEmail), new SupportDraft(SupportCategory.JobsAndProposals, text, HelpArticles.ConnectsAndProposals));
        Assert.True(sent.Succeeded, string.Join(" ", sent.Errors));
        return sent.Value;
    }

    private async Task<int> CountAsync<T>(Func<TalentCloud.Core.Data.AppDbContext, IQueryable<T>> query)
    {
        await using var context = db.CreateDbContext();
        return await query(context).CountAsync();
    }

    [Fact]
    public async Task Lees_request_reaches_the_admin_queue_the_admin_replies_and_lee_is_notified()
    {
        var lee = await db.ActorAsync(DemoWorld.LeeEmail);
        var admin = await db.ActorAsync(DemoWorld.AdminEmail);
        var id = await SendAsLeeAsync();

        var queue = await support.GetQueueAsync(admin, new SupportQueueQuery());
        var item = queue!.Items.Single(i => i.Id == id);
        Assert.Equal(("Lee Chen", DemoWorld.LeeEmail, SupportStatus.AwaitingReply), (item.RequesterName, item.RequesterEmail, item.Status));
        Assert.Equal(HelpArticles.ConnectsAndProposals, item.Article!.Slug);
        Assert.True(item.CanReply && item.CanClose);

        Assert.True((await support.ReplyAsync(admin, id, "Fixed: the rate now shows $2,800.")).Succeeded);

        var notification = await CountAsync(c => c.Notifications.Where(n => n.UserId == lee.UserId && n.Title == "Support replied to your request"
            && n.Body.Contains("Fixed: the rate now shows $2,800.")));
        Assert.Equal(1, notification);
        var mine = Assert.Single(await support.ListMineAsync(lee));
        Assert.Equal((SupportStatus.Answered, "Answered"), (mine.Status, mine.StatusText));
        Assert.Equal("TalentCloud support", Assert.Single(mine.Replies).AuthorName);
        Assert.Equal("", mine.RequesterEmail);
        Assert.False(mine.CanReply || mine.CanClose);
        Assert.DoesNotContain((await support.GetQueueAsync(admin, new SupportQueueQuery()))!.Items, i => i.Id == id);

        Assert.True((await support.CloseAsync(admin, id)).Succeeded);
        Assert.Equal([SupportService.AlreadyClosed], (await support.CloseAsync(admin, id)).Errors);
        Assert.Equal([SupportService.AlreadyClosed], (await support.ReplyAsync(admin, id, "One more thing")).Errors);
        var actions = await CountAsync(c => c.AuditEntries.Where(a => a.Subject == $"Support request {id} from Lee Chen"));
        Assert.Equal(3, actions);
    }

    [Fact]
    public async Task The_queue_is_oldest_first_for_admins_and_absent_for_everyone_else()
    {
        db.Clock.Advance(TimeSpan.FromHours(1));
        var first = await SendAsLeeAsync("First question about my proposals.");
        db.Clock.Advance(TimeSpan.FromHours(1));
        var second = await SendAsLeeAsync("Second question about my proposals.");

        var queue = await support.GetQueueAsync(await db.ActorAsync(DemoWorld.AdminEmail), new SupportQueueQuery());

        var ids = queue!.Items.Select(i => i.Id).ToList();
        Assert.True(ids.IndexOf(first) < ids.IndexOf(second));
        Assert.Equal("Nina Novak", queue.Items[0].RequesterName);
        Assert.Equal(queue.Items.OrderBy(i => i.CreatedAt).Select(i => i.Id), ids);
        foreach (var who in new[] { DemoWorld.LeeEmail, DemoWorld.MariaEmail, DemoWorld.CarlEmail })
        {
            Assert.Null(await support.GetQueueAsync(await db.ActorAsync(who), new SupportQueueQuery()));
            Assert.Equal([SupportService.NotFound], (await support.ReplyAsync(await db.ActorAsync(who), first, "Hello")).Errors);
            Assert.Equal([SupportService.NotFound], (await support.CloseAsync(await db.ActorAsync(who), first)).Errors);
        }

        Assert.Null(await support.GetQueueAsync(Actor.Visitor, new SupportQueueQuery()));
        Assert.Equal([SupportService.NotFound], (await support.ReplyAsync(await db.ActorAsync(DemoWorld.AdminEmail), 999_999, "Hello")).Errors);
    }

    [Theory]
    [InlineData(SupportCategory.Other, "too short", "at least 10 characters")]
    [InlineData(SupportCategory.Other, "   ", "at least 10 characters")]
    [InlineData((SupportCategory)42, "A long enough question about my account.", "Choose what your request is about.")]
    public async Task Bad_input_is_refused_and_nothing_is_stored(SupportCategory category, string text, string error)
    {
        var before = await CountAsync(c => c.SupportRequests);

        var result = await support.SendAsync(await db.ActorAsync(DemoWorld.LeeEmail), new SupportDraft(category, text));

        Assert.Contains(error, Assert.Single(result.Errors), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(c => c.SupportRequests));
    }

    [Fact]
    public async Task Text_over_the_limit_and_a_visitor_are_refused()
    {
        var tooLong = await support.SendAsync(await db.ActorAsync(DemoWorld.LeeEmail),
            new SupportDraft(SupportCategory.Other, new string('x', SupportRequest.TextMaxLength + 1)));
        var visitor = await support.SendAsync(Actor.Visitor, new SupportDraft(SupportCategory.Other, Question));
        var emptyReply = await support.ReplyAsync(await db.ActorAsync(DemoWorld.AdminEmail), 1, "  ");
        var longReply = await support.ReplyAsync(await db.ActorAsync(DemoWorld.AdminEmail), 1, new string('y', SupportRequest.ReplyMaxLength + 1));

        Assert.Contains("at most 4,000 characters; yours has 4,001", Assert.Single(tooLong.Errors), StringComparison.Ordinal);
        Assert.Equal([SupportService.SignInFirst], visitor.Errors);
        Assert.Equal([SupportService.ReplyRequired], emptyReply.Errors);
        Assert.Equal([SupportService.ReplyTooLong], longReply.Errors);
        Assert.Null(await support.GetFormAsync(Actor.Visitor));
    }

    [Fact]
    public async Task A_sixth_request_within_a_day_is_refused_until_the_oldest_is_a_day_old()
    {
        var lee = await db.ActorAsync(DemoWorld.LeeEmail);
        for (var i = 0; i < SupportRequest.MaxPerWindow; i++)
        {
            await SendAsLeeAsync($"Question number {i} about my proposals.");
            db.Clock.Advance(TimeSpan.FromMinutes(10));
        }

        var sixth = await support.SendAsync(lee, new SupportDraft(SupportCategory.Other, Question));
        var form = await support.GetFormAsync(lee);

        Assert.Contains("5 support requests in the last 24 hours", Assert.Single(sixth.Errors), StringComparison.Ordinal);
        Assert.Equal((false, 0), (form!.CanSend, form.RemainingToday));
        Assert.Equal(sixth.Errors[0], form.Notice);

        db.Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromMinutes(50));
        Assert.True((await support.SendAsync(lee, new SupportDraft(SupportCategory.Other, Question))).Succeeded);
    }

    [Fact]
    public async Task A_parallel_burst_cannot_pass_the_daily_limit()
    {
        var lee = await db.ActorAsync(DemoWorld.LeeEmail);

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            Task.Run(() => support.SendAsync(lee, new SupportDraft(SupportCategory.Other, $"Burst question {i} about my account.")))));

        Assert.Equal(SupportRequest.MaxPerWindow, results.Count(r => r.Succeeded));
        Assert.Equal(SupportRequest.MaxPerWindow, await CountAsync(c => c.SupportRequests.Where(r => r.UserId == lee.UserId)));
    }

    [Fact]
    public async Task Replies_and_closes_by_two_admins_at_once_close_it_once_and_every_reply_that_passed_is_kept()
    {
        var id = await SendAsLeeAsync();
        var admin = await db.ActorAsync(DemoWorld.AdminEmail);
        var steps = Enumerable.Range(0, 8).Select(i => i % 2 == 0
            ? Task.Run(async () => ("reply", (await support.ReplyAsync(admin, id, $"Answer {i}")).Succeeded))
            : Task.Run(async () => ("close", (await support.CloseAsync(admin, id)).Succeeded)));

        var results = await Task.WhenAll(steps);

        Assert.Single(results, r => r is ("close", true));
        var replies = results.Count(r => r is ("reply", true));
        Assert.Equal(replies, await CountAsync(c => c.SupportReplies.Where(r => r.SupportRequestId == id)));
        Assert.Equal(replies, await CountAsync(c => c.Notifications.Where(n => n.Title == "Support replied to your request")));
        Assert.Equal(1, await CountAsync(c => c.Notifications.Where(n => n.Title == "Your support request was closed")));
        Assert.Equal(SupportStatus.Closed, (await support.ListMineAsync(await db.ActorAsync(DemoWorld.LeeEmail))).Single(r => r.Id == id).Status);
    }

    [Fact]
    public async Task Requests_and_replies_are_in_the_senders_data_export()
    {
        var id = await SendAsLeeAsync();
        Assert.True((await support.ReplyAsync(await db.ActorAsync(DemoWorld.AdminEmail), id, "Looking into it.")).Succeeded);

        var export = await new DataExportService(db, db.Clock).ExportAsync(await db.ActorAsync(DemoWorld.LeeEmail));

        var exported = Assert.Single(export!.SupportRequests);
        Assert.Equal((Question, "Answered", "Looking into it."), (exported.Text, exported.Status, Assert.Single(exported.Replies)));
    }
}
