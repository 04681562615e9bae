using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Admin;
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
        var initech = await OrgIdAsync(DemoWorld.Initech);
        Assert.Equal(AdminService.OrganizationNotFound, Assert.Single((await admin.SetEnterpriseSubscriptionAsync(actor, initech, true)).Errors));
        Assert.False(await IsEnterpriseAsync(DemoWorld.Initech));
    }

    [Fact]
    public async Task Toggling_enterprise_takes_effect_at_once_and_is_audited()
    {
        var adminActor = await db.ActorAsync(DemoWorld.AdminEmail);
        var carl = await db.ActorAsync(DemoWorld.CarlEmail);
        var overview = new AccountOverviewService(db);
        Assert.Equal(HomeRole.ClientOwner, (await overview.GetAsync(carl)).Role);

        Assert.True((await admin.SetEnterpriseSubscriptionAsync(adminActor, await OrgIdAsync(DemoWorld.Initech), true)).Succeeded);

        Assert.True(await IsEnterpriseAsync(DemoWorld.Initech));
        Assert.Equal(HomeRole.EnterpriseOwner, (await overview.GetAsync(carl)).Role);
        Assert.True((await admin.SetEnterpriseSubscriptionAsync(adminActor, await OrgIdAsync(DemoWorld.Initech), true)).Succeeded);
        Assert.True((await admin.SetEnterpriseSubscriptionAsync(adminActor, await OrgIdAsync(DemoWorld.Initech), false)).Succeeded);
        Assert.Equal(HomeRole.ClientOwner, (await overview.GetAsync(carl)).Role);

        await using var context = db.CreateDbContext();
        var entries = await context.AuditEntries.Where(e => e.Action == AdminService.SubscriptionChangedAction).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["Enterprise subscription started", "Enterprise subscription ended"], entries.Select(e => e.Outcome));
        Assert.All(entries, e => Assert.Equal("Ada Admin", e.ActorName));
        Assert.All(entries, e => Assert.Equal(DemoWorld.Initech, e.Subject));
    }

    [Fact]
    public async Task An_unknown_organisation_is_not_found()
    {
        var result = await admin.SetEnterpriseSubscriptionAsync(await db.ActorAsync(DemoWorld.AdminEmail), 9999, true);
        Assert.Equal(AdminService.OrganizationNotFound, Assert.Single(result.Errors));
    }

    [Fact]
    public async Task Lists_organisations_with_their_subscription()
    {
        var list = await admin.GetOrganizationsAsync(await db.ActorAsync(DemoWorld.AdminEmail));
        Assert.NotNull(list);
        Assert.Equal([DemoWorld.Acme, DemoWorld.Globex, DemoWorld.Initech], list.Select(o => o.Name));
        Assert.Equal([true, true, false], list.Select(o => o.HasEnterpriseSubscription));
        Assert.Equal(2, list[0].Clouds);
        Assert.Equal(2, list[0].People);
    }

    private async Task<int> OrgIdAsync(string name)
    {
        await using var context = db.CreateDbContext();
        return await context.Organizations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    private async Task<bool> IsEnterpriseAsync(string name)
    {
        await using var context = db.CreateDbContext();
        return await context.Organizations.Where(o => o.Name == name).Select(o => o.HasEnterpriseSubscription).SingleAsync();
    }
}
