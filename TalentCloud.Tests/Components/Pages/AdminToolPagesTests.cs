using Bunit;
using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Audit;
using TalentCloud.Core.Connects;
using TalentCloud.Core.Data;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;
using TalentCloud.Web.Components.Pages.Admin;
using TalentCloud.Web.Components.Pages.Connects;

namespace TalentCloud.Tests.Components.Pages;

/// <summary>
/// The audit log, the e-mail outbox and Connects grants: admins only (nothing rendered for anyone else), filters and
/// pages in the address, and a grant that acts as the admin and keeps the form on a refusal.
/// </summary>
public sealed class AdminToolPagesTests : ComponentTestBase
{
    [Theory]
    [InlineData(DemoWorld.MariaEmail)]
    [InlineData(DemoWorld.FionaEmail)]
    [InlineData(DemoVisibility.Visitor)]
    public async Task Nobody_but_an_admin_gets_the_audit_log_the_outbox_or_the_grant_form(string viewer)
    {
        Assert.Empty((await RenderPageAsync<AdminAuditPage>(viewer, "/admin/audit")).FindAll("h1, table"));
        Assert.Empty((await RenderPageAsync<AdminOutboxPage>(viewer, "/admin/outbox")).FindAll("h1, table"));
        var grant = await RenderPageAsync<ConnectsGrantPage>(viewer, "/admin/connects");
        Assert.Empty(grant.FindAll("h1, input, button"));
    }

    [Fact]
    public async Task The_audit_log_filters_by_the_address_and_marks_its_page_in_the_admin_menu()
    {
        var cut = await RenderPageAsync<AdminAuditPage>(DemoWorld.AdminEmail, "/admin/audit?action=removal.requested");
        var rows = cut.FindAll("div[aria-label='Audit entries'] tbody tr");
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("removal.requested", r.QuerySelectorAll("td")[2].TextContent.Trim()));
        Assert.Equal("removal.requested", cut.Find("#audit-action option[selected]").GetAttribute("value"));
        Assert.Equal("Audit log", cut.Find("nav[aria-label=Administration] [aria-current=page]").TextContent.Trim());
        Assert.Equal("get", cut.Find("form[role=search]").GetAttribute("method"));
    }

    [Fact]
    public async Task The_audit_log_pages_by_links_that_keep_the_filters()
    {
        await using (var db = Db.CreateDbContext())
        {
            db.AuditEntries.AddRange(Enumerable.Range(1, 30).Select(i =>
                AuditEntry.Create(null, "System", "test.paging", $"Entry {i}", "ok", Db.Clock.GetUtcNow().AddMinutes(i))));
            await db.SaveChangesAsync();
        }

        var cut = await RenderPageAsync<AdminAuditPage>(DemoWorld.AdminEmail, "/admin/audit?action=test.paging");
        Assert.Equal(25, cut.FindAll("tbody tr").Count);
        Assert.Equal("Entry 30", cut.Find("tbody tr td:nth-child(4)").TextContent.Trim()); // newest first
        var next = cut.Find("nav[aria-label='Audit log pages'] a[rel=next]").GetAttribute("href")!;
        Assert.Contains("action=test.paging", next, StringComparison.Ordinal);
        var second = await RenderPageAsync<AdminAuditPage>(DemoWorld.AdminEmail, next);
        Assert.Equal(5, second.FindAll("tbody tr").Count);
        Assert.Equal("Page 2 of 2", second.Find(".link-pager-status").TextContent.Trim());
    }

    [Theory]
    [InlineData("/admin/audit?from=2026-05-10&to=2026-05-01")]
    public async Task An_end_before_the_start_is_explained_beside_the_filters(string address)
    {
        var cut = await RenderPageAsync<AdminAuditPage>(DemoWorld.AdminEmail, address);
        Assert.Contains("end date is before the start date", cut.Find("[role=alert]").TextContent, StringComparison.Ordinal);
        Assert.Equal("2026-05-10", cut.Find("#audit-from").GetAttribute("value"));
        Assert.NotNull(cut.Find("[data-testid=empty-state]"));
    }

    [Theory]
    [InlineData("/admin/audit?page=abc&from=yesterday&to=%00")]
    [InlineData("/admin/audit?page=99999999999999999999&action=" + "nonsense")]
    public async Task Malformed_audit_addresses_still_give_the_page(string address)
    {
        var cut = await RenderPageAsync<AdminAuditPage>(DemoWorld.AdminEmail, address);
        Assert.NotNull(cut.Find("div[aria-label='Audit entries']"));
    }

    [Fact]
    public async Task The_outbox_searches_and_hides_sent_mail_by_the_address()
    {
        await using (var db = Db.CreateDbContext())
        {
            db.OutboxEmails.AddRange(
                new OutboxEmail { ToAddress = "someone@example.test", Subject = "Sent already", HtmlBody = "x", CreatedAt = Db.Clock.GetUtcNow(), SentAt = Db.Clock.GetUtcNow(), Attempts = 1 },
                new OutboxEmail { ToAddress = "other@example.test", Subject = "Bounced twice", HtmlBody = "x", CreatedAt = Db.Clock.GetUtcNow(), Attempts = 2, LastError = "mailbox full" });
            await db.SaveChangesAsync();
        }

        var all = await RenderPageAsync<AdminOutboxPage>(DemoWorld.AdminEmail, "/admin/outbox?q=example.test");
        var rows = all.FindAll("div[aria-label='E-mail outbox'] tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("mailbox full", rows.Single(r => r.TextContent.Contains("Bounced twice", StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);

        var unsent = await RenderPageAsync<AdminOutboxPage>(DemoWorld.AdminEmail, "/admin/outbox?q=example.test&unsent=1");
        Assert.Equal("Bounced twice", unsent.Find("tbody tr td:nth-child(2)").TextContent.Trim());
        Assert.True(unsent.Find("#unsent-only").HasAttribute("checked"));

        var none = await RenderPageAsync<AdminOutboxPage>(DemoWorld.AdminEmail, "/admin/outbox?q=zzznothing");
        Assert.Contains("No e-mails match", none.Find("[data-testid=empty-state]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_grant_acts_as_the_admin_and_shows_in_the_latest_grants()
    {
        var cut = await RenderPageAsync<ConnectsGrantPage>(DemoWorld.AdminEmail, "/admin/connects");
        Assert.Contains("No admin has granted", cut.Find("[data-testid=empty-state]").TextContent, StringComparison.Ordinal);
        cut.Find("#grant-handle").Input(DemoWorld.FionaHandle);
        cut.Find("#grant-amount").Input("25");
        cut.Find("#grant-reason").Input("Thanks for the bug report");
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Grant Connects").Click();

        cut.WaitForAssertion(() => Assert.Contains("Thanks for the bug report", cut.Find("div[aria-label='Latest grants'] tbody").TextContent, StringComparison.Ordinal));
        Assert.Contains($"Granted 25 Connects to {DemoWorld.FionaHandle}.", Snackbars());
        Assert.Equal("", cut.Find("#grant-handle").GetAttribute("value") ?? "");
        await using var db = Db.CreateDbContext();
        var entry = await db.ConnectsEntries.SingleAsync(e => e.Reason == "Thanks for the bug report");
        Assert.Equal((ConnectsEntryKind.Grant, 25), (entry.Kind, entry.Amount));
        Assert.Equal((await ActorAsync(DemoWorld.AdminEmail)).UserId, entry.ActorUserId);
    }

    [Fact]
    public async Task A_refused_grant_keeps_what_was_typed_and_adds_nothing()
    {
        var cut = await RenderPageAsync<ConnectsGrantPage>(DemoWorld.AdminEmail, "/admin/connects");
        cut.Find("#grant-handle").Input("no-such-person");
        cut.Find("#grant-amount").Input("5");
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Grant Connects").Click();
        cut.WaitForAssertion(() => Assert.Contains(ConnectsErrors.ReasonRequired, cut.Find("[role=alert]").TextContent, StringComparison.Ordinal));

        cut.Find("#grant-reason").Input("Goodwill");
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Grant Connects").Click();
        cut.WaitForAssertion(() => Assert.Contains(ConnectsErrors.ProfileNotFound, cut.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        Assert.Equal("no-such-person", cut.Find("#grant-handle").GetAttribute("value"));
        Assert.Equal("Goodwill", cut.Find("#grant-reason").GetAttribute("value"));
        Assert.Empty(Snackbars());
        await using var db = Db.CreateDbContext();
        Assert.False(await db.ConnectsEntries.AnyAsync(e => e.ActorUserId != null && e.Kind == ConnectsEntryKind.Grant));
    }
}
