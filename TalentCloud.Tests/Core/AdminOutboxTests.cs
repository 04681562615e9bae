using TalentCloud.Core.Admin;
using TalentCloud.Core.Data;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Core;

public sealed class AdminOutboxTests : IAsyncLifetime
{
    private TestDatabase db = null!;

    public async ValueTask InitializeAsync() => db = await TestDatabase.CreateWithDemoWorldAsync(generatedProfiles: 0);

    public async ValueTask DisposeAsync() => await db.DisposeAsync();

    [Theory]
    [InlineData(DemoWorld.MariaEmail)]
    [InlineData(DemoWorld.FionaEmail)]
    [InlineData(DemoWorld.CarlEmail)]
    public async Task Only_admins_read_the_outbox(string email)
    {
        Assert.Null(await new AdminService(db, db.Clock).GetOutboxAsync(await db.ActorAsync(email), false, 1));
    }

    [Fact]
    public async Task Admins_see_unsent_mail_newest_first_with_the_recipient_resolved_and_can_hide_sent_mail()
    {
        await using (var context = db.CreateDbContext())
        {
            var fionaId = context.Users.Single(u => u.Email == DemoWorld.FionaEmail).Id;
            context.OutboxEmails.AddRange(
                new OutboxEmail { RecipientUserId = fionaId, Subject = "Older, unsent", HtmlBody = "x", CreatedAt = db.Clock.GetUtcNow().AddHours(1) },
                new OutboxEmail { ToAddress = "someone@example.test", Subject = "Sent already", HtmlBody = "x", CreatedAt = db.Clock.GetUtcNow().AddHours(2), SentAt = db.Clock.GetUtcNow().AddHours(2), Attempts = 1 });
            await context.SaveChangesAsync();
        }

        var admin = await db.ActorAsync(DemoWorld.AdminEmail);
        var service = new AdminService(db, db.Clock);
        var all = (await service.GetOutboxAsync(admin, false, 1))!;
        Assert.Equal("Sent already", all.Items[0].Subject);
        var unsent = all.Items.Single(i => i.Subject == "Older, unsent");
        Assert.Equal(DemoWorld.FionaEmail, unsent.To);

        var unsentOnly = (await service.GetOutboxAsync(admin, true, 1))!;
        Assert.DoesNotContain(unsentOnly.Items, i => i.Subject == "Sent already");
        Assert.Equal(all.Total - 1, unsentOnly.Total);
        Assert.Equal(1, (await service.GetOutboxAsync(admin, false, 999))!.Page);
        Assert.Equal(OutboxEmailState.Sent, all.Items[0].State);
        Assert.Equal(OutboxEmailState.Waiting, unsent.State);
    }

    [Fact]
    public async Task Admins_search_by_address_or_subject_and_see_failing_mail()
    {
        await using (var context = db.CreateDbContext())
        {
            var fionaId = context.Users.Single(u => u.Email == DemoWorld.FionaEmail).Id;
            context.OutboxEmails.AddRange(
                new OutboxEmail { RecipientUserId = fionaId, Subject = "Your digest", HtmlBody = "x", CreatedAt = db.Clock.GetUtcNow() },
                new OutboxEmail { ToAddress = "ops@example.test", Subject = "100% full_", HtmlBody = "x", CreatedAt = db.Clock.GetUtcNow(), Attempts = 3, LastError = "timeout" });
            await context.SaveChangesAsync();
        }

        var admin = await db.ActorAsync(DemoWorld.AdminEmail);
        var service = new AdminService(db, db.Clock);
        var byRecipient = (await service.GetOutboxAsync(admin, false, 1, "FIONA@talent"))!;
        Assert.Contains(byRecipient.Items, i => i.Subject == "Your digest");
        Assert.All(byRecipient.Items, i => Assert.Equal(DemoWorld.FionaEmail, i.To));
        var failing = Assert.Single((await service.GetOutboxAsync(admin, true, 1, "100%"))!.Items);
        Assert.Equal((OutboxEmailState.Failing, 3, "timeout"), (failing.State, failing.Attempts, failing.LastError));
        Assert.Empty((await service.GetOutboxAsync(admin, false, 1, "%%"))!.Items);
        Assert.Null(await service.GetOutboxAsync(await db.ActorAsync(DemoWorld.MariaEmail), false, 1, "digest"));
    }
}
