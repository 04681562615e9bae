using TalentCloud.Core.Accounts;
using TalentCloud.Core.Admin;
using TalentCloud.Core.Removals;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;
using static TalentCloud.Tests.Core.RemovalTestData;

namespace TalentCloud.Tests.Core;

public sealed class AuditBrowserTests : IAsyncLifetime
{
    private TestDatabase db = null!;
    private AuditBrowser audit = null!;
    private Actor admin = null!;

    public async ValueTask InitializeAsync()
    {
        db = await TestDatabase.CreateWithDemoWorldAsync();
        audit = new AuditBrowser(db);
        admin = await db.ActorAsync(DemoWorld.AdminEmail);

        // Seeded: nina's request two days ago. Then: fiona asks to leave Globex (day 0 + 1h), the admin approves nina's (+1 day).
        var requests = new RemovalRequestService(db, db.Clock);
        var queue = new RemovalQueueService(db, db.Clock);
        db.Clock.Advance(TimeSpan.FromHours(1));
        var fiona = await db.ActorAsync(DemoWorld.FionaEmail);
        await requests.RequestAsync(fiona, await MembershipIdAsync(db, DemoWorld.FionaHandle, DemoWorld.GlobexDesign), "50% too many mails_");
        db.Clock.Advance(TimeSpan.FromDays(1));
        await queue.ApproveAsync(admin, await NinasRequestIdAsync(db));
    }

    public async ValueTask DisposeAsync() => await db.DisposeAsync();

    [Theory]
    [InlineData(DemoWorld.MariaEmail)]
    [InlineData(DemoWorld.NinaEmail)]
    [InlineData(DemoWorld.CarlEmail)]
    public async Task Only_platform_admins_browse_the_log(string email) =>
        Assert.Null(await audit.SearchAsync(await db.ActorAsync(email), new AuditQuery()));

    [Fact]
    public async Task A_visitor_gets_nothing() => Assert.Null(await audit.SearchAsync(Actor.Visitor, new AuditQuery()));

    [Fact]
    public async Task Lists_newest_first_with_actor_time_subject_and_outcome()
    {
        var page = await audit.SearchAsync(admin, new AuditQuery());

        Assert.NotNull(page);
        Assert.Equal(3, page.Total);
        Assert.Equal([RemovalAuditActions.Approved, RemovalAuditActions.Requested, RemovalAuditActions.Requested], page.Items.Select(i => i.Action));
        Assert.Equal(["Ada Admin", "Fiona Park", "Nina Novak"], page.Items.Select(i => i.ActorName));
        Assert.Equal(db.Clock.GetUtcNow(), page.Items[0].At);
        Assert.Equal("Northwind Studio in Acme Pro Mobile Developers", page.Items[0].Subject);
        Assert.Contains(RemovalAuditActions.Requested, page.Actions);
    }

    [Fact]
    public async Task Filters_by_action_actor_date_range_and_text()
    {
        Assert.Equal(2, (await audit.SearchAsync(admin, new AuditQuery(Action: RemovalAuditActions.Requested)))!.Total);
        Assert.Equal("Fiona Park", Assert.Single((await audit.SearchAsync(admin, new AuditQuery(Actor: "fiona")))!.Items).ActorName);

        var start = db.Clock.GetUtcNow().AddDays(-1); // when Fiona asked
        var window = await audit.SearchAsync(admin, new AuditQuery(From: start, To: start.AddHours(1)));
        Assert.Equal("Fiona Park", Assert.Single(window!.Items).ActorName);
        Assert.Equal(2, (await audit.SearchAsync(admin, new AuditQuery(From: start)))!.Total);
        Assert.Single((await audit.SearchAsync(admin, new AuditQuery(To: start)))!.Items);

        Assert.Equal(2, (await audit.SearchAsync(admin, new AuditQuery(Text: "northwind")))!.Total);
        // Wildcards in the text are matched literally.
        Assert.Single((await audit.SearchAsync(admin, new AuditQuery(Text: "50%")))!.Items);
        Assert.Single((await audit.SearchAsync(admin, new AuditQuery(Text: "mails_")))!.Items);
        Assert.Empty((await audit.SearchAsync(admin, new AuditQuery(Text: "%%%")))!.Items);
    }

    [Fact]
    public async Task Pages_through_the_entries()
    {
        var first = await audit.SearchAsync(admin, new AuditQuery(PageSize: 2));
        var second = await audit.SearchAsync(admin, new AuditQuery(PageSize: 2, Page: 2));

        Assert.Equal(2, first!.Items.Count);
        Assert.Equal("Nina Novak", Assert.Single(second!.Items).ActorName);
        Assert.Equal(3, second.Total);
        Assert.Equal(2, second.PageCount);
        // A page past the end shows the last page, so a bookmarked address never comes up empty.
        var beyond = await audit.SearchAsync(admin, new AuditQuery(PageSize: 2, Page: 99));
        Assert.Equal(2, beyond!.Page);
        Assert.Equal("Nina Novak", Assert.Single(beyond.Items).ActorName);
    }

    [Fact]
    public async Task An_end_before_the_start_is_explained_and_matches_nothing()
    {
        var start = db.Clock.GetUtcNow().AddDays(-1);
        var backwards = await audit.SearchAsync(admin, new AuditQuery(From: start, To: start.AddDays(-1)));
        Assert.Equal(AuditBrowser.EndBeforeStart, backwards!.FilterProblem);
        Assert.Empty(backwards.Items);
        Assert.Null((await audit.SearchAsync(admin, new AuditQuery(From: start, To: start.AddDays(1))))!.FilterProblem);
    }

    [Fact]
    public void The_audit_entry_has_no_public_way_to_change_it()
    {
        var setters = typeof(TalentCloud.Core.Audit.AuditEntry).GetProperties().Where(p => p.SetMethod?.IsPublic == true);
        Assert.Empty(setters);
        Assert.DoesNotContain(typeof(TalentCloud.Core.Audit.AuditLog).GetMethods(), m => m.Name.Contains("Delete", StringComparison.Ordinal)
            || m.Name.Contains("Update", StringComparison.Ordinal));
    }
}
