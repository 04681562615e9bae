using TalentCloud.Core.Accounts;
using TalentCloud.Core.Admin;
using TalentCloud.Core.Organizations;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Core;

public sealed class AdminServiceTests : IAsyncLifetime
{
    private TestDatabase db = null!;
    private AdminService admin = null!;

    public async ValueTask InitializeAsync()
    {
        db = await TestDatabase.CreateWithDemoWorldAsync(generatedProfiles: 0);
        admin = new AdminService(db, db.Clock);
    }

    public async ValueTask DisposeAsync() => await db.DisposeAsync();

    [Fact]
    public async Task The_dashboard_counts_pending_removals_their_oldest_age_and_members_per_cloud()
    {
        db.Clock.Advance(TimeSpan.FromHours(5));
        var dashboard = await admin.GetDashboardAsync(await db.ActorAsync(DemoWorld.AdminEmail));

        Assert.NotNull(dashboard);
        Assert.Equal(1, dashboard.PendingRemovals);
        Assert.Equal(TimeSpan.FromDays(2) + TimeSpan.FromHours(5), dashboard.OldestPendingAge);
        var mobile = dashboard.Clouds.Single(c => c.CloudName == DemoWorld.AcmeMobile);
        Assert.Equal((2, 1), (mobile.Active, mobile.Pending)); // Fiona and Northwind active, Lee pending.
        Assert.Equal((1, 0), (dashboard.Clouds.Single(c => c.CloudName == DemoWorld.GlobexDesign).Active,
            dashboard.Clouds.Single(c => c.CloudName == DemoWorld.GlobexDesign).Pending));
    }

    [Fact]
    public async Task The_dashboard_groups_waiting_requests_by_age()
    {
        var adminActor = await db.ActorAsync(DemoWorld.AdminEmail);
        var fiona = await db.ActorAsync(DemoWorld.FionaEmail);
        await new TalentCloud.Core.Removals.RemovalRequestService(db, db.Clock)
            .RequestAsync(fiona, await RemovalTestData.MembershipIdAsync(db, DemoWorld.FionaHandle, DemoWorld.GlobexDesign), null);

        static Dictionary<string, int> Buckets(AdminDashboard d) => d.PendingByAge.ToDictionary(b => b.Label, b => b.Count);
        var now = Buckets((await admin.GetDashboardAsync(adminActor))!);
        Assert.Equal(["Under 1 day", "1–3 days", "3–7 days", "1–4 weeks", "Over 4 weeks"], now.Keys);
        Assert.Equal([1, 1, 0, 0, 0], now.Values); // Fiona just now, Nina two days ago.

        db.Clock.Advance(TimeSpan.FromDays(26));
        var later = Buckets((await admin.GetDashboardAsync(adminActor))!);
        Assert.Equal([0, 0, 0, 1, 1], later.Values); // Fiona 26 days, Nina 28 days.
    }

    [Theory]
    [InlineData(DemoWorld.MariaEmail)]
    [InlineData(DemoWorld.HankEmail)]
    [InlineData(DemoWorld.FionaEmail)]
    public async Task Nobody_but_an_admin_gets_the_tools(string email)
    {
        var actor = await db.ActorAsync(email);
        Assert.Null(await admin.GetDashboardAsync(actor));
        Assert.Null(await admin.GetOrganizationsAsync(actor));
    }

    [Fact]
    public async Task Lists_organisations_with_their_subscription()
    {
        var list = await admin.GetOrganizationsAsync(await db.ActorAsync(DemoWorld.AdminEmail));
        Assert.NotNull(list);
        Assert.Equal([DemoWorld.Acme, DemoWorld.Globex, DemoWorld.Initech], list.Select(o => o.Name));
        Assert.Equal([true, true, false], list.Select(o => o.HasEnterpriseSubscription));
        Assert.Equal([false, false, true], list.Select(o => o.CanStart));
        Assert.Equal([true, true, false], list.Select(o => o.CanEnd));
        Assert.Equal(SubscriptionStatus.None, list[2].Subscription.Status);
        Assert.StartsWith("Active until ", list[0].Subscription.Text, StringComparison.Ordinal);
        Assert.Equal(2, list[0].Clouds);
        Assert.Equal(3, list[0].People); // maria, raj and rita
    }
}
