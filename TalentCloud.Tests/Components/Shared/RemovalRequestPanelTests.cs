using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentCloud.Core.Memberships;
using TalentCloud.Core.Notifications;
using TalentCloud.Core.Removals;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;
using TalentCloud.Web.Components.Shared;

namespace TalentCloud.Tests.Components.Shared;

/// <summary>The member's removal panel: its two states, and the leave dialog acting through RemovalRequestService as the member.</summary>
public sealed class RemovalRequestPanelTests : ComponentTestBase
{
    private async Task<MembershipRemovalState> FionasGlobexMembershipAsync()
    {
        await SignInAsAsync(DemoWorld.FionaEmail);
        var mine = await Services.GetRequiredService<RemovalRequestService>().GetMyMembershipsAsync(await ActorAsync(DemoWorld.FionaEmail));
        return mine.Single(m => m.CloudName == DemoWorld.GlobexDesign);
    }

    private async Task<int> OpenRequestsAsync()
    {
        await using var db = Db.CreateDbContext();
        return await db.RemovalRequests.CountAsync(r => r.Status == RemovalStatus.Pending);
    }

    [Fact]
    public void Without_a_request_it_offers_request_removal_and_no_dialog_yet()
    {
        var cut = Render<RemovalRequestPanel>(p => p.Add(x => x.Membership, new MembershipRemovalState(7, "Fiona Park", DemoWorld.AcmeMobile,
            DemoWorld.Acme, MembershipStatus.Active, NotificationFrequency.Instant, null, null)));
        Assert.Equal("Request removal", Assert.Single(cut.FindAll("button")).TextContent.Trim());
        Assert.Empty(cut.FindAll("[role=dialog]"));
        Assert.DoesNotContain("Removal requested", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void With_an_open_request_it_shows_the_state_and_offers_cancelling()
    {
        var cut = Render<RemovalRequestPanel>(p => p.Add(x => x.Membership, new MembershipRemovalState(7, "Fiona Park", DemoWorld.AcmeMobile,
            DemoWorld.Acme, MembershipStatus.Active, NotificationFrequency.Instant, 3, new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero))));
        Assert.Equal("Removal requested", cut.Find(".removal-badge").TextContent.Trim());
        Assert.Contains("21 Nov 2026", cut.Find(".removal-state").TextContent, StringComparison.Ordinal);
        Assert.Equal("Cancel removal request", Assert.Single(cut.FindAll("button")).TextContent.Trim());
    }

    [Fact]
    public async Task Keeping_the_membership_in_the_dialog_changes_nothing()
    {
        var membership = await FionasGlobexMembershipAsync();
        var before = await OpenRequestsAsync();
        var host = RenderProviders();
        var changed = 0;
        var cut = Render<RemovalRequestPanel>(p => p.Add(x => x.Membership, membership).Add(x => x.Changed, () => changed++));
        cut.Find("button").Click();
        var dialog = host.WaitForElement("[role=dialog]");
        Assert.Equal($"Leave {DemoWorld.GlobexDesign}?", dialog.GetAttribute("aria-label"));
        Assert.Contains("Removal is permanent.", dialog.TextContent, StringComparison.Ordinal);

        host.FindAll("[role=dialog] button").Single(b => b.TextContent.Trim() == "Keep my membership").Click();
        host.WaitForAssertion(() => Assert.Empty(host.FindAll("[role=dialog]")));
        Assert.Equal(before, await OpenRequestsAsync());
        Assert.Equal(0, changed);
    }

    [Fact]
    public async Task Sending_the_request_files_it_as_the_member_with_the_reason()
    {
        var membership = await FionasGlobexMembershipAsync();
        var host = RenderProviders();
        var changed = 0;
        var cut = Render<RemovalRequestPanel>(p => p.Add(x => x.Membership, membership).Add(x => x.Changed, () => changed++));
        cut.Find("button").Click();
        host.WaitForElement("[role=dialog] textarea").Input("Too many e-mails.");
        host.FindAll("[role=dialog] button").Single(b => b.TextContent.Trim() == "Send removal request").Click();

        cut.WaitForAssertion(() => Assert.Equal(1, changed));
        await using var db = Db.CreateDbContext();
        var request = await db.RemovalRequests.SingleAsync(r => r.CloudId == membership.CloudId && r.ProfileId == membership.ProfileId);
        Assert.Equal(RemovalStatus.Pending, request.Status);
        Assert.Equal("Too many e-mails.", request.Reason);
        Assert.Contains($"Your request to leave {DemoWorld.GlobexDesign} was sent. An administrator will handle it.", Snackbars());
    }
}
