using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Notifications;
using TalentCloud.Core.Profiles;
using TalentCloud.Core.Invitations;
using TalentCloud.Core.Removals;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;
using static TalentCloud.Tests.Core.RemovalTestData;

namespace TalentCloud.Tests.Core;

public sealed class RemovalServiceTests : IAsyncLifetime
{
    private TestDatabase db = null!;
    private RemovalRequestService requests = null!;
    private RemovalQueueService queue = null!;

    public async ValueTask InitializeAsync()
    {
        db = await TestDatabase.CreateWithDemoWorldAsync();
        requests = new RemovalRequestService(db, db.Clock);
        queue = new RemovalQueueService(db, db.Clock);
    }

    public async ValueTask DisposeAsync() => await db.DisposeAsync();

    [Fact]
    public async Task The_demo_world_has_ninas_pending_request_and_northwind_is_still_active()
    {
        var nina = await db.ActorAsync(DemoWorld.NinaEmail);
        var mine = await requests.GetMyMembershipsAsync(nina);

        var acme = Assert.Single(mine);
        Assert.Equal(DemoWorld.AcmeMobile, acme.CloudName);
        Assert.Equal(TalentCloud.Core.Memberships.MembershipStatus.Active, acme.Status);
        Assert.NotNull(acme.OpenRequestId);
        Assert.Equal(db.Clock.GetUtcNow().AddDays(-2), acme.RequestedAt);
    }

    [Fact]
    public async Task A_member_requests_removal_of_their_own_membership_with_an_optional_reason()
    {
        var fiona = await db.ActorAsync(DemoWorld.FionaEmail);
        var membershipId = await MembershipIdAsync(db, DemoWorld.FionaHandle, DemoWorld.GlobexDesign);

        var result = await requests.RequestAsync(fiona, membershipId, "  Too many e-mails.  ");

        Assert.True(result.Succeeded);
        var mine = await requests.GetMyMembershipsAsync(fiona);
        Assert.Equal(result.Value, mine.Single(m => m.CloudName == DemoWorld.GlobexDesign).OpenRequestId);
        Assert.Null(mine.Single(m => m.CloudName == DemoWorld.AcmeMobile).OpenRequestId);
        await using var context = db.CreateDbContext();
        var request = await context.RemovalRequests.SingleAsync(r => r.Id == result.Value);
        Assert.Equal("Too many e-mails.", request.Reason);
        var entry = await context.AuditEntries.SingleAsync(e => e.Action == RemovalAuditActions.Requested && e.ProfileId == request.ProfileId);
        Assert.Equal("Fiona Park", entry.ActorName);
        Assert.Equal("Fiona Park in Globex Design Collective", entry.Subject);
        Assert.Equal(db.Clock.GetUtcNow(), entry.At);
    }

    [Fact]
    public async Task A_pending_membership_can_be_asked_to_be_removed_too()
    {
        var lee = await db.ActorAsync(DemoWorld.LeeEmail);
        var result = await requests.RequestAsync(lee, await MembershipIdAsync(db, DemoWorld.LeeHandle, DemoWorld.AcmeMobile), null);
        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task Only_one_open_request_per_membership()
    {
        var nina = await db.ActorAsync(DemoWorld.NinaEmail);
        var membershipId = await MembershipIdAsync(db, DemoWorld.NorthwindHandle, DemoWorld.AcmeMobile);

        var result = await requests.RequestAsync(nina, membershipId, "again");

        Assert.False(result.Succeeded);
        Assert.Equal(RemovalErrors.AlreadyRequested, Assert.Single(result.Errors));
        Assert.Equal(1, await CountAsync(db, c => c.RemovalRequests));
    }

    [Fact]
    public async Task Concurrent_double_submit_leaves_one_open_request()
    {
        var fiona = await db.ActorAsync(DemoWorld.FionaEmail);
        var membershipId = await MembershipIdAsync(db, DemoWorld.FionaHandle, DemoWorld.AcmeMobile);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => requests.RequestAsync(fiona, membershipId, "bye"))));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(RemovalErrors.AlreadyRequested, Assert.Single(r.Errors)));
        Assert.Equal(2, await CountAsync(db, c => c.RemovalRequests));
    }

    [Theory]
    [InlineData(DemoWorld.OmarEmail)]
    [InlineData(DemoWorld.LeeEmail)]
    [InlineData(DemoWorld.MariaEmail)]
    [InlineData(DemoWorld.AdminEmail)]
    public async Task Nobody_can_request_removal_of_someone_elses_membership(string email)
    {
        var actor = await db.ActorAsync(email);
        var membershipId = await MembershipIdAsync(db, DemoWorld.FionaHandle, DemoWorld.AcmeMobile);

        var result = await requests.RequestAsync(actor, membershipId, null);

        Assert.Equal(RemovalErrors.MembershipNotFound, Assert.Single(result.Errors));
        Assert.Equal(1, await CountAsync(db, c => c.RemovalRequests));
    }

    [Fact]
    public async Task A_visitor_and_an_unknown_membership_get_not_found()
    {
        Assert.Equal(RemovalErrors.MembershipNotFound, Assert.Single((await requests.RequestAsync(Actor.Visitor, 1, null)).Errors));
        var fiona = await db.ActorAsync(DemoWorld.FionaEmail);
        Assert.Equal(RemovalErrors.MembershipNotFound, Assert.Single((await requests.RequestAsync(fiona, 999_999, null)).Errors));
    }

    [Fact]
    public async Task The_reason_is_limited_to_1000_characters()
    {
        var fiona = await db.ActorAsync(DemoWorld.FionaEmail);
        var membershipId = await MembershipIdAsync(db, DemoWorld.FionaHandle, DemoWorld.AcmeMobile);

        var tooLong = await requests.RequestAsync(fiona, membershipId, new string('x', RemovalRequest.ReasonMaxLength + 1));
        Assert.Equal("The reason can be at most 1,000 characters.", Assert.Single(tooLong.Errors));
        Assert.Equal(1, await CountAsync(db, c => c.RemovalRequests));

        Assert.True((await requests.RequestAsync(fiona, membershipId, new string('x', RemovalRequest.ReasonMaxLength))).Succeeded);
    }

    [Fact]
    public async Task The_member_cancels_their_pending_request_and_may_ask_again_later()
    {
        var nina = await db.ActorAsync(DemoWorld.NinaEmail);
        var requestId = await NinasRequestIdAsync(db);

        Assert.True((await requests.CancelAsync(nina, requestId)).Succeeded);

        Assert.Equal(RemovalStatus.Cancelled, await StatusAsync(db, requestId));
        Assert.True(await MembershipExistsAsync(db, DemoWorld.NorthwindHandle, DemoWorld.AcmeMobile));
        Assert.Null((await requests.GetMyMembershipsAsync(nina)).Single().OpenRequestId);
        Assert.Equal(1, await CountAsync(db, c => c.AuditEntries.Where(e => e.Action == RemovalAuditActions.Cancelled)));

        Assert.Equal(RemovalErrors.AlreadyCancelled, Assert.Single((await requests.CancelAsync(nina, requestId)).Errors));
        var again = await requests.RequestAsync(nina, await MembershipIdAsync(db, DemoWorld.NorthwindHandle, DemoWorld.AcmeMobile), null);
        Assert.True(again.Succeeded);
    }

    [Theory]
    [InlineData(DemoWorld.FionaEmail)]
    [InlineData(DemoWorld.MariaEmail)]
    [InlineData(DemoWorld.AdminEmail)]
    public async Task Nobody_else_can_cancel_a_members_request(string email)
    {
        var actor = await db.ActorAsync(email);
        var requestId = await NinasRequestIdAsync(db);

        Assert.Equal(RemovalErrors.RequestNotFound, Assert.Single((await requests.CancelAsync(actor, requestId)).Errors));
        Assert.Equal(RemovalStatus.Pending, await StatusAsync(db, requestId));
    }

    [Fact]
    public async Task Approval_is_complete_removal_in_one_go()
    {
        var admin = await db.ActorAsync(DemoWorld.AdminEmail);
        var nina = await db.ActorAsync(DemoWorld.NinaEmail);
        var requestId = await NinasRequestIdAsync(db);
        await requests.TurnOffCloudNotificationsAsync(nina, await MembershipIdAsync(db, DemoWorld.NorthwindHandle, DemoWorld.AcmeMobile));
        Assert.Equal(1, await CountAsync(db, c => c.CloudNotificationSettings.Where(s => s.ProfileId == nina.ProfileIds[0])));
        db.Clock.Advance(TimeSpan.FromHours(3));

        var result = await queue.ApproveAsync(admin, requestId);

        Assert.True(result.Succeeded);
        Assert.Equal(RemovalStatus.Approved, await StatusAsync(db, requestId));
        Assert.False(await MembershipExistsAsync(db, DemoWorld.NorthwindHandle, DemoWorld.AcmeMobile));
        Assert.Equal(0, await CountAsync(db, c => c.CloudNotificationSettings.Where(s => s.ProfileId == nina.ProfileIds[0])));
        Assert.Empty(await requests.GetMyMembershipsAsync(nina));

        await using var context = db.CreateDbContext();
        var notice = await context.Notifications.SingleAsync(n => n.UserId == nina.UserId && n.Kind == NotificationKind.RemovalProcessed);
        Assert.Contains(DemoWorld.AcmeMobile, notice.Title, StringComparison.Ordinal);
        var entry = await context.AuditEntries.SingleAsync(e => e.Action == RemovalAuditActions.Approved);
        Assert.Equal("Ada Admin", entry.ActorName);
        Assert.Equal(admin.UserId, entry.ActorUserId);
        Assert.Equal("Northwind Studio in Acme Pro Mobile Developers", entry.Subject);
        Assert.Equal(db.Clock.GetUtcNow(), entry.At);
    }

    [Fact]
    public async Task After_removal_the_badge_is_gone_from_the_profile_for_every_viewer()
    {
        var admin = await db.ActorAsync(DemoWorld.AdminEmail);
        Assert.True((await queue.ApproveAsync(admin, await NinasRequestIdAsync(db))).Succeeded);
        var profiles = new ProfileService(db);

        foreach (var email in new[] { DemoWorld.MariaEmail, DemoWorld.OmarEmail, DemoWorld.NinaEmail, DemoWorld.AdminEmail })
        {
            var view = await profiles.GetPublicProfileAsync(await db.ActorAsync(email), ProfileKind.Agency, DemoWorld.NorthwindHandle);
            Assert.NotNull(view);
            Assert.False(view.Memberships.IsVisible);
        }
    }

    [Fact]
    public async Task Approving_twice_is_refused_and_changes_nothing()
    {
        var admin = await db.ActorAsync(DemoWorld.AdminEmail);
        var requestId = await NinasRequestIdAsync(db);
        Assert.True((await queue.ApproveAsync(admin, requestId)).Succeeded);

        var second = await queue.ApproveAsync(admin, requestId);
        var reject = await queue.RejectAsync(admin, requestId, "changed my mind");

        Assert.Equal(RemovalErrors.AlreadyApproved, Assert.Single(second.Errors));
        Assert.Equal(RemovalErrors.AlreadyApproved, Assert.Single(reject.Errors));
        Assert.Equal(RemovalStatus.Approved, await StatusAsync(db, requestId));
        Assert.Equal(1, await CountAsync(db, c => c.AuditEntries.Where(e => e.Action == RemovalAuditActions.Approved)));
        Assert.Equal(0, await CountAsync(db, c => c.AuditEntries.Where(e => e.Action == RemovalAuditActions.Rejected)));
        Assert.Equal(1, await CountAsync(db, c => c.Notifications.Where(n => n.Kind == NotificationKind.RemovalProcessed)));
    }

    [Fact]
    public async Task Approving_a_cancelled_request_is_refused_and_keeps_the_membership()
    {
        var admin = await db.ActorAsync(DemoWorld.AdminEmail);
        var nina = await db.ActorAsync(DemoWorld.NinaEmail);
        var requestId = await NinasRequestIdAsync(db);
        Assert.True((await requests.CancelAsync(nina, requestId)).Succeeded);

        var result = await queue.ApproveAsync(admin, requestId);

        Assert.Equal(RemovalErrors.AlreadyCancelled, Assert.Single(result.Errors));
        Assert.True(await MembershipExistsAsync(db, DemoWorld.NorthwindHandle, DemoWorld.AcmeMobile));
        Assert.Equal(RemovalStatus.Cancelled, await StatusAsync(db, requestId));
        Assert.Equal(0, await CountAsync(db, c => c.Notifications.Where(n => n.Kind == NotificationKind.RemovalProcessed)));
    }

    [Theory]
    [InlineData(DemoWorld.MariaEmail)]
    [InlineData(DemoWorld.RajEmail)]
    [InlineData(DemoWorld.NinaEmail)]
    [InlineData(DemoWorld.FionaEmail)]
    [InlineData(DemoWorld.CarlEmail)]
    public async Task Only_platform_admins_decide(string email)
    {
        var actor = await db.ActorAsync(email);
        var requestId = await NinasRequestIdAsync(db);

        Assert.Equal(RemovalErrors.RequestNotFound, Assert.Single((await queue.ApproveAsync(actor, requestId)).Errors));
        Assert.Equal(RemovalErrors.RequestNotFound, Assert.Single((await queue.RejectAsync(actor, requestId, "no")).Errors));
        Assert.Null(await queue.GetQueueAsync(actor, new RemovalQueueQuery()));
        Assert.Equal(RemovalStatus.Pending, await StatusAsync(db, requestId));
        Assert.True(await MembershipExistsAsync(db, DemoWorld.NorthwindHandle, DemoWorld.AcmeMobile));
    }

    [Fact]
    public async Task Rejection_needs_a_reason_keeps_the_membership_and_tells_the_member_why()
    {
        var admin = await db.ActorAsync(DemoWorld.AdminEmail);
        var nina = await db.ActorAsync(DemoWorld.NinaEmail);
        var requestId = await NinasRequestIdAsync(db);

        Assert.Equal(RemovalErrors.DecisionReasonRequired, Assert.Single((await queue.RejectAsync(admin, requestId, "   ")).Errors));
        Assert.Equal(RemovalErrors.DecisionReasonTooLong,
            Assert.Single((await queue.RejectAsync(admin, requestId, new string('x', 1001))).Errors));
        Assert.Equal(RemovalStatus.Pending, await StatusAsync(db, requestId));

        Assert.True((await queue.RejectAsync(admin, requestId, "Your contract with Acme is still running.")).Succeeded);

        Assert.Equal(RemovalStatus.Rejected, await StatusAsync(db, requestId));
        Assert.True(await MembershipExistsAsync(db, DemoWorld.NorthwindHandle, DemoWorld.AcmeMobile));
        await using var context = db.CreateDbContext();
        var notice = await context.Notifications.SingleAsync(n => n.UserId == nina.UserId && n.Kind == NotificationKind.RemovalProcessed);
        Assert.Contains("Your contract with Acme is still running.", notice.Body, StringComparison.Ordinal);
        Assert.Equal(1, await context.AuditEntries.CountAsync(e => e.Action == RemovalAuditActions.Rejected));
    }

    [Fact]
    public async Task Concurrent_approve_and_cancel_leave_exactly_one_outcome()
    {
        var admin = await db.ActorAsync(DemoWorld.AdminEmail);
        var nina = await db.ActorAsync(DemoWorld.NinaEmail);
        var requestId = await NinasRequestIdAsync(db);

        var approve = Task.Run(() => queue.ApproveAsync(admin, requestId));
        var cancel = Task.Run(() => requests.CancelAsync(nina, requestId));
        var results = await Task.WhenAll(approve, cancel);
        var (approved, cancelled) = (results[0], results[1]);

        Assert.Single(results, r => r.Succeeded);
        var status = await StatusAsync(db, requestId);
        var stillMember = await MembershipExistsAsync(db, DemoWorld.NorthwindHandle, DemoWorld.AcmeMobile);
        if (approved.Succeeded)
        {
            Assert.Equal(RemovalStatus.Approved, status);
            Assert.False(stillMember);
            Assert.Equal(RemovalErrors.AlreadyApproved, Assert.Single(cancelled.Errors));
        }
        else
        {
            Assert.Equal(RemovalStatus.Cancelled, status);
            Assert.True(stillMember);
            Assert.Equal(RemovalErrors.AlreadyCancelled, Assert.Single(approved.Errors));
        }

        var decisions = await CountAsync(db, c => c.AuditEntries.Where(e =>
            e.Action == RemovalAuditActions.Approved || e.Action == RemovalAuditActions.Cancelled));
        Assert.Equal(1, decisions);
    }

    [Fact]
    public async Task Racing_approve_and_cancel_over_many_memberships_always_leave_one_consistent_outcome()
    {
        var admin = await db.ActorAsync(DemoWorld.AdminEmail);
        List<(int MembershipId, string OwnerUserId, int CloudId, int ProfileId)> members;
        await using (var context = db.CreateDbContext())
        {
            var rows = await (from m in context.CloudMemberships
                              join p in context.Profiles on m.ProfileId equals p.Id
                              where m.Status == TalentCloud.Core.Memberships.MembershipStatus.Active
                              orderby m.Id
                              select new { m.Id, p.OwnerUserId, m.CloudId, m.ProfileId }).ToListAsync();
            members = [.. rows.Select(r => (r.Id, r.OwnerUserId, r.CloudId, r.ProfileId))];
        }

        var rounds = 0;
        foreach (var (membershipId, ownerUserId, cloudId, profileId) in members.Take(8))
        {
            var member = await db.Actors.LoadAsync(ownerUserId);
            var request = await requests.RequestAsync(member, membershipId, null);
            if (!request.Succeeded)
            {
                continue; // Nina's membership already has the seeded request.
            }

            var results = await Task.WhenAll(
                Task.Run(() => queue.ApproveAsync(admin, request.Value)),
                Task.Run(() => requests.CancelAsync(member, request.Value)));

            Assert.Single(results, r => r.Succeeded);
            var status = await StatusAsync(db, request.Value);
            var exists = await CountAsync(db, c => c.CloudMemberships.Where(m => m.CloudId == cloudId && m.ProfileId == profileId)) == 1;
            Assert.Equal(results[0].Succeeded ? RemovalStatus.Approved : RemovalStatus.Cancelled, status);
            Assert.Equal(status == RemovalStatus.Cancelled, exists);
            rounds++;
        }

        Assert.True(rounds >= 5);
    }

    [Fact]
    public async Task Concurrent_approvals_by_two_admins_remove_once()
    {
        var admin = await db.ActorAsync(DemoWorld.AdminEmail);
        var requestId = await NinasRequestIdAsync(db);

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => queue.ApproveAsync(admin, requestId))));

        Assert.Single(results, r => r.Succeeded);
        Assert.Equal(1, await CountAsync(db, c => c.AuditEntries.Where(e => e.Action == RemovalAuditActions.Approved)));
        Assert.Equal(1, await CountAsync(db, c => c.Notifications.Where(n => n.Kind == NotificationKind.RemovalProcessed)));
    }

    [Fact]
    public async Task Complete_removal_deletes_only_the_pending_invitations_of_that_cloud()
    {
        var admin = await db.ActorAsync(DemoWorld.AdminEmail);
        var nina = await db.ActorAsync(DemoWorld.NinaEmail);
        var maria = await db.ActorAsync(DemoWorld.MariaEmail);
        int acmeMobile, acmeData;
        await using (var context = db.CreateDbContext())
        {
            acmeMobile = await context.Clouds.Where(c => c.Name == DemoWorld.AcmeMobile).Select(c => c.Id).SingleAsync();
            acmeData = await context.Clouds.Where(c => c.Name == DemoWorld.AcmeData).Select(c => c.Id).SingleAsync();
            var answered = Invitation.Create(acmeMobile, nina.ProfileIds[0], maria.UserId!, "", db.Clock.GetUtcNow());
            answered.Decline(db.Clock.GetUtcNow());
            context.Invitations.AddRange(
                Invitation.Create(acmeMobile, nina.ProfileIds[0], maria.UserId!, "", db.Clock.GetUtcNow()),
                answered,
                Invitation.Create(acmeData, nina.ProfileIds[0], maria.UserId!, "", db.Clock.GetUtcNow()));
            await context.SaveChangesAsync();
        }

        Assert.True((await queue.ApproveAsync(admin, await NinasRequestIdAsync(db))).Succeeded);

        await using var check = db.CreateDbContext();
        var left = await check.Invitations.Where(i => i.ProfileId == nina.ProfileIds[0])
            .Select(i => new { i.CloudId, i.Status }).ToListAsync();
        Assert.Equal(2, left.Count);
        Assert.Contains(left, i => i.CloudId == acmeMobile && i.Status == InvitationStatus.Declined);
        Assert.Contains(left, i => i.CloudId == acmeData && i.Status == InvitationStatus.Pending);
        Assert.Contains("1 pending invitation(s) deleted",
            (await check.AuditEntries.SingleAsync(e => e.Action == RemovalAuditActions.Approved)).Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_removal_the_old_membership_cannot_be_acted_on_and_rejoining_needs_a_new_membership()
    {
        var admin = await db.ActorAsync(DemoWorld.AdminEmail);
        var nina = await db.ActorAsync(DemoWorld.NinaEmail);
        var membershipId = await MembershipIdAsync(db, DemoWorld.NorthwindHandle, DemoWorld.AcmeMobile);
        Assert.True((await queue.ApproveAsync(admin, await NinasRequestIdAsync(db))).Succeeded);

        Assert.Equal(RemovalErrors.MembershipNotFound, Assert.Single((await requests.RequestAsync(nina, membershipId, null)).Errors));
        Assert.Equal(RemovalErrors.MembershipNotFound, Assert.Single((await requests.TurnOffCloudNotificationsAsync(nina, membershipId)).Errors));
        Assert.Empty(await requests.GetMyMembershipsAsync(nina));
    }

    [Fact]
    public async Task Turning_a_clouds_notifications_off_sets_never_and_keeps_the_membership()
    {
        var fiona = await db.ActorAsync(DemoWorld.FionaEmail);
        var membershipId = await MembershipIdAsync(db, DemoWorld.FionaHandle, DemoWorld.AcmeMobile);

        Assert.True((await requests.TurnOffCloudNotificationsAsync(fiona, membershipId)).Succeeded);
        Assert.True((await requests.TurnOffCloudNotificationsAsync(fiona, membershipId)).Succeeded);

        var mine = await requests.GetMyMembershipsAsync(fiona);
        Assert.Equal(NotificationFrequency.Never, mine.Single(m => m.CloudName == DemoWorld.AcmeMobile).Frequency);
        Assert.Equal(NotificationFrequency.Instant, mine.Single(m => m.CloudName == DemoWorld.GlobexDesign).Frequency);
        Assert.Equal(1, await CountAsync(db, c => c.CloudNotificationSettings.Where(s => s.ProfileId == fiona.ProfileIds[0])));

        var omar = await db.ActorAsync(DemoWorld.OmarEmail);
        Assert.Equal(RemovalErrors.MembershipNotFound, Assert.Single((await requests.TurnOffCloudNotificationsAsync(omar, membershipId)).Errors));
    }

    [Fact]
    public async Task The_queue_lists_oldest_first_with_full_names_and_filters_and_pages()
    {
        var admin = await db.ActorAsync(DemoWorld.AdminEmail);
        var fiona = await db.ActorAsync(DemoWorld.FionaEmail);
        db.Clock.Advance(TimeSpan.FromHours(1));
        await requests.RequestAsync(fiona, await MembershipIdAsync(db, DemoWorld.FionaHandle, DemoWorld.GlobexDesign), "Moving on");
        db.Clock.Advance(TimeSpan.FromHours(1));
        await requests.RequestAsync(fiona, await MembershipIdAsync(db, DemoWorld.FionaHandle, DemoWorld.AcmeMobile), null);

        var all = await queue.GetQueueAsync(admin, new RemovalQueueQuery());
        Assert.NotNull(all);
        Assert.Equal(3, all.Total);
        Assert.Equal(["Northwind Studio", "Fiona Park", "Fiona Park"], all.Items.Select(i => i.MemberName));
        Assert.Equal([DemoWorld.AcmeMobile, DemoWorld.GlobexDesign, DemoWorld.AcmeMobile], all.Items.Select(i => i.CloudName));
        Assert.Equal(DemoWorld.Acme, all.Items[0].OrganizationName);
        Assert.Equal(TimeSpan.FromDays(2) + TimeSpan.FromHours(2), all.Items[0].Age);
        Assert.Equal("Moving on", all.Items[1].Reason);

        var paged = await queue.GetQueueAsync(admin, new RemovalQueueQuery(PageSize: 2, Page: 2));
        Assert.Equal(DemoWorld.AcmeMobile, Assert.Single(paged!.Items).CloudName);
        Assert.Equal(3, paged.Total);

        await using var context = db.CreateDbContext();
        var globex = await context.Organizations.Where(o => o.Name == DemoWorld.Globex).Select(o => o.Id).SingleAsync();
        var byOrg = await queue.GetQueueAsync(admin, new RemovalQueueQuery(OrganizationId: globex));
        Assert.Equal(DemoWorld.GlobexDesign, Assert.Single(byOrg!.Items).CloudName);
        var byMember = await queue.GetQueueAsync(admin, new RemovalQueueQuery(Member: "northWIND"));
        Assert.Equal("Northwind Studio", Assert.Single(byMember!.Items).MemberName);
        var wildcard = await queue.GetQueueAsync(admin, new RemovalQueueQuery(Member: "%"));
        Assert.Empty(wildcard!.Items);
        var approvedOnly = await queue.GetQueueAsync(admin, new RemovalQueueQuery(Status: RemovalStatus.Approved));
        Assert.Empty(approvedOnly!.Items);
    }

    [Fact]
    public async Task The_queue_sorts_by_any_column_both_ways_and_clamps_the_page()
    {
        var admin = await db.ActorAsync(DemoWorld.AdminEmail);
        var fiona = await db.ActorAsync(DemoWorld.FionaEmail);
        db.Clock.Advance(TimeSpan.FromHours(1));
        await requests.RequestAsync(fiona, await MembershipIdAsync(db, DemoWorld.FionaHandle, DemoWorld.GlobexDesign), null);
        db.Clock.Advance(TimeSpan.FromHours(1));
        await requests.RequestAsync(fiona, await MembershipIdAsync(db, DemoWorld.FionaHandle, DemoWorld.AcmeMobile), null);

        var byCloud = await queue.GetQueueAsync(admin, new RemovalQueueQuery(Sort: RemovalQueueSort.Cloud));
        // Equal cloud names keep the oldest first.
        Assert.Equal([DemoWorld.AcmeMobile, DemoWorld.AcmeMobile, DemoWorld.GlobexDesign], byCloud!.Items.Select(i => i.CloudName));
        Assert.Equal(["Northwind Studio", "Fiona Park"], byCloud.Items.Take(2).Select(i => i.MemberName));

        var byMemberDesc = await queue.GetQueueAsync(admin, new RemovalQueueQuery(Sort: RemovalQueueSort.Member, Descending: true));
        Assert.Equal(["Northwind Studio", "Fiona Park", "Fiona Park"], byMemberDesc!.Items.Select(i => i.MemberName));
        // Newest first among Fiona's two.
        Assert.Equal(DemoWorld.AcmeMobile, byMemberDesc.Items[1].CloudName);

        var byOrgDesc = await queue.GetQueueAsync(admin, new RemovalQueueQuery(Sort: RemovalQueueSort.Organization, Descending: true));
        Assert.Equal(DemoWorld.Globex, byOrgDesc!.Items[0].OrganizationName);

        var newest = await queue.GetQueueAsync(admin, new RemovalQueueQuery(Descending: true));
        Assert.Equal(DemoWorld.AcmeMobile, newest!.Items[0].CloudName);
        Assert.Equal("Fiona Park", newest.Items[0].MemberName);

        var pastTheEnd = await queue.GetQueueAsync(admin, new RemovalQueueQuery(PageSize: 2, Page: 99));
        Assert.Equal(2, pastTheEnd!.Page);
        Assert.Equal(2, pastTheEnd.PageCount);
        Assert.Single(pastTheEnd.Items);
        Assert.All(newest.Items, i => Assert.True(i.CanDecide));
    }
}
