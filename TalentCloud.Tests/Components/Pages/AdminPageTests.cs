using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentCloud.Core.Removals;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;
using TalentCloud.Web.Components.Pages.Admin;

namespace TalentCloud.Tests.Components.Pages;

/// <summary>The admin dashboard and the removal queue: admins only; decisions act as the admin and cancel cleanly.</summary>
public sealed class AdminPageTests : ComponentTestBase
{
    private async Task<IRenderedComponent<AdminRemovalsPage>> QueueAsync(string email, string address = "/admin/removals")
    {
        await SignInAsAsync(email);
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        return Render<AdminRemovalsPage>();
    }

    private async Task<RemovalRequest> NinasRequestAsync()
    {
        await using var db = Db.CreateDbContext();
        return await db.RemovalRequests.AsNoTracking().SingleAsync();
    }

    [Theory]
    [InlineData(DemoWorld.MariaEmail)]
    [InlineData(DemoWorld.FionaEmail)]
    [InlineData(DemoVisibility.Visitor)]
    public async Task Nobody_but_an_admin_gets_the_queue_or_the_dashboard(string email)
    {
        var queue = await QueueAsync(email);
        Assert.DoesNotContain("Northwind Studio", queue.Markup, StringComparison.Ordinal);
        Assert.Empty(queue.FindAll("table"));
        var dashboard = Render<AdminDashboardPage>();
        Assert.Empty(dashboard.FindAll("h1"));
    }

    [Fact]
    public async Task The_admin_sees_ninas_request_with_both_decisions()
    {
        var cut = await QueueAsync(DemoWorld.AdminEmail);
        var row = Assert.Single(cut.FindAll("tbody tr"));
        Assert.Contains("Northwind Studio", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(DemoWorld.AcmeMobile, row.TextContent, StringComparison.Ordinal);
        Assert.NotNull(row.QuerySelector($"button[aria-label='Approve removal of Northwind Studio from {DemoWorld.AcmeMobile}']"));
        Assert.NotNull(row.QuerySelector($"button[aria-label='Reject removal of Northwind Studio from {DemoWorld.AcmeMobile}']"));
        Assert.Equal("ascending", cut.Find("th[aria-sort=ascending]").GetAttribute("aria-sort"));
        Assert.Equal("get", cut.Find("form[role=search]").GetAttribute("method"));
    }

    [Fact]
    public async Task Approving_asks_first_and_cancelling_leaves_the_request_pending()
    {
        var host = RenderProviders();
        var cut = await QueueAsync(DemoWorld.AdminEmail);
        cut.Find("button[aria-label^='Approve removal']").Click();
        var dialog = host.WaitForElement("[role=dialog]");
        Assert.Equal("Approve complete removal?", dialog.GetAttribute("aria-label"));
        Assert.Contains("cannot be restored", dialog.TextContent, StringComparison.Ordinal);

        host.FindAll("[role=dialog] button").Single(b => b.TextContent.Trim() == "Cancel").Click();
        host.WaitForAssertion(() => Assert.Empty(host.FindAll("[role=dialog]")));
        Assert.Equal(RemovalStatus.Pending, (await NinasRequestAsync()).Status);
        Assert.Single(cut.FindAll("tbody tr button[aria-label^='Approve removal']"));
    }

    [Fact]
    public async Task Confirming_approves_as_the_admin_and_the_queue_empties()
    {
        var host = RenderProviders();
        var cut = await QueueAsync(DemoWorld.AdminEmail);
        cut.Find("button[aria-label^='Approve removal']").Click();
        host.WaitForElement("[role=dialog]");
        host.FindAll("[role=dialog] button").Single(b => b.TextContent.Trim() == "Approve and remove").Click();

        cut.WaitForAssertion(() => Assert.Contains("No removal requests match.", cut.Markup, StringComparison.Ordinal));
        var request = await NinasRequestAsync();
        Assert.Equal(RemovalStatus.Approved, request.Status);
        Assert.Equal((await ActorAsync(DemoWorld.AdminEmail)).UserId, request.DecidedByUserId);
        Assert.Contains($"Northwind Studio was removed from {DemoWorld.AcmeMobile}.", Snackbars());
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_and_tells_it_to_the_member()
    {
        var host = RenderProviders();
        var cut = await QueueAsync(DemoWorld.AdminEmail);
        cut.Find("button[aria-label^='Reject removal']").Click();
        host.WaitForElement("[role=dialog]");
        host.FindAll("[role=dialog] button").Single(b => b.TextContent.Trim() == "Reject request").Click();
        host.WaitForAssertion(() => Assert.Contains(RemovalErrors.DecisionReasonRequired, host.Find("[role=dialog] [role=alert]").TextContent, StringComparison.Ordinal));
        Assert.Equal(RemovalStatus.Pending, (await NinasRequestAsync()).Status);

        host.Find("[role=dialog] textarea").Input("Your contract with Acme runs until June.");
        host.FindAll("[role=dialog] button").Single(b => b.TextContent.Trim() == "Reject request").Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("tbody tr button")));
        var request = await NinasRequestAsync();
        Assert.Equal(RemovalStatus.Rejected, request.Status);
        Assert.Equal("Your contract with Acme runs until June.", request.DecisionReason);
    }

    [Theory]
    [InlineData("/admin/removals?page=abc&status=7&org=x&sort=%00&desc=maybe")]
    [InlineData("/admin/removals?page=99999999999999999999&status=pending&sort=MEMBER&desc=1")]
    public async Task Malformed_queue_addresses_still_show_the_queue(string address)
    {
        var cut = await QueueAsync(DemoWorld.AdminEmail, address);
        Assert.Contains("Northwind Studio", cut.Find("tbody").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_status_filter_all_shows_decided_requests_without_actions()
    {
        await using (var db = Db.CreateDbContext())
        {
            await new RemovalQueueService(Db, Db.Clock).ApproveAsync(await ActorAsync(DemoWorld.AdminEmail), (await db.RemovalRequests.SingleAsync()).Id);
        }

        var cut = await QueueAsync(DemoWorld.AdminEmail, "/admin/removals?status=All");
        var row = Assert.Single(cut.FindAll("tbody tr"));
        Assert.Contains("Approved", row.TextContent, StringComparison.Ordinal);
        Assert.Empty(row.QuerySelectorAll("button"));
    }

    [Fact]
    public async Task The_dashboard_counts_waiting_requests_by_age_and_members_per_cloud()
    {
        await SignInAsAsync(DemoWorld.AdminEmail);
        var cut = Render<AdminDashboardPage>();
        Assert.Equal("1", cut.Find("[data-testid=pending-removals]").TextContent);
        var figures = cut.FindAll("[data-testid=age-figures] div").ToDictionary(d => d.QuerySelector("dt")!.TextContent, d => d.QuerySelector("dd")!.TextContent);
        Assert.Equal("1", figures["1–3 days"]);
        Assert.Equal("0", figures["Under 1 day"]);
        Assert.Equal(5, figures.Count);
        var charts = cut.FindAll("section.chart-card");
        Assert.Equal(2, charts.Count);
        Assert.All(charts, c => Assert.NotNull(c.QuerySelector("[aria-hidden=true] svg")));
        Assert.Equal(3, cut.FindAll("table tbody tr").Count);
    }
}
