using Bunit;
using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Memberships;
using TalentCloud.Core.Notifications;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;
using TalentCloud.Web.Components.Pages.Org;

namespace TalentCloud.Tests.Components.Pages;

/// <summary>
/// /org/clouds and /org/clouds/{id} per role: only the organisation's own people get them (nothing of another
/// organisation's cloud in the markup), only the owner gets the forms, and approving or rejecting a pending member acts
/// as the signed-in manager after a dialog that changes nothing when cancelled.
/// </summary>
public sealed class OrgCloudPagesTests : ComponentTestBase
{
    private async Task<int> CloudIdAsync(string name)
    {
        await using var db = Db.CreateDbContext();
        return await db.Clouds.Where(c => c.Name == name).Select(c => c.Id).SingleAsync();
    }

    private async Task<CloudMembership?> MembershipAsync(string cloud, string handle)
    {
        await using var db = Db.CreateDbContext();
        return await (from m in db.CloudMemberships
                      join c in db.Clouds on m.CloudId equals c.Id
                      join p in db.Profiles on m.ProfileId equals p.Id
                      where c.Name == cloud && p.Handle == handle
                      select m).AsNoTracking().SingleOrDefaultAsync();
    }

    private async Task<IRenderedComponent<OrgCloudPage>> CloudPageAsync(string viewer, string cloud, string query = "")
    {
        var id = await CloudIdAsync(cloud);
        return await RenderPageAsync<OrgCloudPage>(viewer, $"/org/clouds/{id}{query}", p => p.Add(x => x.Id, id));
    }

    private static IReadOnlyList<string> MemberNames(IRenderedComponent<OrgCloudPage> cut) =>
        [.. cut.FindAll("div[aria-label=Members] tbody tr td:first-child a").Select(a => a.TextContent.Trim())];

    [Theory]
    [InlineData(DemoWorld.MariaEmail, true)]
    [InlineData(DemoWorld.RajEmail, false)]
    public async Task The_cloud_list_shows_the_organisations_own_clouds_and_the_form_only_to_the_owner(string viewer, bool owner)
    {
        await SignInAsAsync(viewer);
        var cut = Render<OrgCloudsPage>();
        var titles = cut.FindAll("article h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal([DemoWorld.AcmeData, DemoWorld.AcmeMobile], titles);
        Assert.DoesNotContain(DemoWorld.GlobexDesign, cut.Markup, StringComparison.Ordinal);
        Assert.Equal(owner, cut.FindAll("button").Any(b => b.TextContent.Trim() == "Create cloud"));
        Assert.NotNull(cut.Find($"a[href='/org/clouds/{await CloudIdAsync(DemoWorld.AcmeMobile)}?status=pending']"));
    }

    [Theory]
    [InlineData(DemoWorld.CarlEmail)]
    [InlineData(DemoWorld.FionaEmail)]
    [InlineData(DemoWorld.AdminEmail)]
    public async Task People_without_an_enterprise_organisation_get_no_cloud_list(string viewer)
    {
        await SignInAsAsync(viewer);
        var cut = Render<OrgCloudsPage>();
        Assert.Empty(cut.FindAll("h1"));
        foreach (var name in DemoWorld.AllCloudNames)
        {
            Assert.DoesNotContain(name, cut.Markup, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Creating_a_cloud_with_a_taken_name_keeps_the_text_and_changes_nothing()
    {
        await SignInAsAsync(DemoWorld.MariaEmail);
        var cut = Render<OrgCloudsPage>();
        cut.Find("#cloud-name").Input(DemoWorld.AcmeData);
        cut.Find("#cloud-description").Input("Second try");
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Create cloud").Click();

        cut.WaitForAssertion(() => Assert.Contains("already has a cloud", cut.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        Assert.Equal(DemoWorld.AcmeData, cut.Find("#cloud-name").GetAttribute("value"));
        await using var db = Db.CreateDbContext();
        Assert.Equal(3, await db.Clouds.CountAsync());
    }

    [Theory]
    [InlineData(DemoWorld.HankEmail, DemoWorld.AcmeData)]
    [InlineData(DemoWorld.CarlEmail, DemoWorld.GlobexDesign)]
    [InlineData(DemoWorld.LeeEmail, DemoWorld.AcmeData)]
    [InlineData(DemoWorld.MariaEmail, DemoWorld.GlobexDesign)]
    public async Task Another_organisations_cloud_renders_nothing_not_even_its_name(string viewer, string cloud)
    {
        var cut = await CloudPageAsync(viewer, cloud);
        Assert.DoesNotContain(cloud, cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("table"));
    }

    [Fact]
    public async Task The_hiring_manager_sees_members_criteria_and_decisions_but_no_owner_forms()
    {
        var cut = await CloudPageAsync(DemoWorld.RajEmail, DemoWorld.AcmeMobile);
        Assert.Equal("Lee Chen", MemberNames(cut)[0]); // pending first: they wait for a decision
        Assert.Contains("Fiona Park", MemberNames(cut));
        Assert.NotNull(cut.Find("button[aria-label='Approve Lee Chen']"));
        Assert.NotNull(cut.Find("button[aria-label='Reject Lee Chen']"));
        Assert.Null(cut.FindAll("button[aria-label='Approve Fiona Park']").FirstOrDefault()); // active: nothing to decide
        Assert.Empty(cut.FindAll("#crit-skills"));
        Assert.Empty(cut.FindAll("#cloud-name"));
        Assert.DoesNotContain("Save criteria", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoWorld.GlobexDesign, cut.Markup, StringComparison.Ordinal);
        var form = cut.Find("form[role=search]");
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal(["q", "status"], form.QuerySelectorAll("input[name]:not([type=hidden]), select[name]").Select(e => e.GetAttribute("name")!));
    }

    [Fact]
    public async Task The_owner_gets_the_criteria_and_name_forms_filled_from_core()
    {
        var cut = await CloudPageAsync(DemoWorld.MariaEmail, DemoWorld.AcmeData);
        Assert.Contains("Skills: SQL", cut.Find("[data-testid=criteria]").TextContent, StringComparison.Ordinal);
        Assert.Equal("SQL", cut.Find("#crit-skills").GetAttribute("value"));
        Assert.Equal(DemoWorld.AcmeData, cut.Find("#cloud-name").GetAttribute("value"));
    }

    [Fact]
    public async Task Bad_criteria_keep_what_was_typed_and_change_nothing()
    {
        async Task<List<string>> CountriesAsync()
        {
            await using var db = Db.CreateDbContext();
            return (await db.Clouds.AsNoTracking().SingleAsync(c => c.Name == DemoWorld.AcmeData)).AllowedCountries;
        }

        var countriesBefore = await CountriesAsync();
        var cut = await CloudPageAsync(DemoWorld.MariaEmail, DemoWorld.AcmeData);
        cut.Find("#crit-countries").Input("US, Narnia");
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Save criteria").Click();

        cut.WaitForAssertion(() => Assert.Contains("Unknown country code", cut.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        Assert.Equal("US, Narnia", cut.Find("#crit-countries").GetAttribute("value"));
        Assert.Equal(countriesBefore, await CountriesAsync());
        Assert.Empty(Snackbars());
    }

    [Fact]
    public async Task Filters_and_sorting_come_from_the_address()
    {
        var active = MemberNames(await CloudPageAsync(DemoWorld.RajEmail, DemoWorld.AcmeMobile, "?status=active"));
        Assert.Contains("Fiona Park", active);
        Assert.DoesNotContain("Lee Chen", active);
        Assert.Equal(["Lee Chen"], MemberNames(await CloudPageAsync(DemoWorld.RajEmail, DemoWorld.AcmeMobile, "?status=pending")));
        Assert.Equal(["Northwind Studio"], MemberNames(await CloudPageAsync(DemoWorld.RajEmail, DemoWorld.AcmeMobile, "?q=northwind")));

        var byName = await CloudPageAsync(DemoWorld.RajEmail, DemoWorld.AcmeMobile, "?sort=name&desc=1");
        Assert.Equal(MemberNames(byName).OrderDescending(StringComparer.Ordinal), MemberNames(byName));
        Assert.Equal("descending", byName.Find("th[aria-sort=descending]").GetAttribute("aria-sort"));
        // The pager and the sort links keep the filter and the sort.
        Assert.Contains("sort=name", byName.Find("th[aria-sort=descending] a").GetAttribute("href")!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?page=abc&status=%00&sort=7&desc=maybe")]
    [InlineData("?page=99999999999999999999&sort=JOINED")]
    public async Task Malformed_addresses_still_list_the_members(string query)
    {
        var cut = await CloudPageAsync(DemoWorld.RajEmail, DemoWorld.AcmeMobile, query);
        Assert.Contains("Lee Chen", MemberNames(cut));
    }

    [Fact]
    public async Task A_filter_without_matches_shows_the_empty_state()
    {
        var cut = await CloudPageAsync(DemoWorld.RajEmail, DemoWorld.AcmeMobile, "?q=zzznobody");
        Assert.Contains("No members match", cut.Find("[data-testid=empty-state]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_the_approval_leaves_the_member_pending()
    {
        var host = RenderProviders();
        var cut = await CloudPageAsync(DemoWorld.RajEmail, DemoWorld.AcmeMobile);
        cut.Find("button[aria-label='Approve Lee Chen']").Click();
        var dialog = host.WaitForElement("[role=dialog]");
        Assert.Equal("Approve Lee Chen?", dialog.GetAttribute("aria-label"));
        Assert.Contains($"becomes an Active member of {DemoWorld.AcmeMobile}", dialog.TextContent, StringComparison.Ordinal);

        ClickInDialog(host, "Cancel");
        host.WaitForAssertion(() => Assert.Empty(host.FindAll("[role=dialog]")));
        Assert.Equal(MembershipStatus.PendingApproval, (await MembershipAsync(DemoWorld.AcmeMobile, DemoWorld.LeeHandle))!.Status);
        Assert.Empty(Snackbars());
    }

    [Fact]
    public async Task Approving_acts_as_the_hiring_manager_and_the_member_becomes_active()
    {
        var host = RenderProviders();
        var cut = await CloudPageAsync(DemoWorld.RajEmail, DemoWorld.AcmeMobile);
        cut.Find("button[aria-label='Approve Lee Chen']").Click();
        ClickInDialog(host, "Approve member");

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("button[aria-label='Approve Lee Chen']")));
        Assert.Equal(MembershipStatus.Active, (await MembershipAsync(DemoWorld.AcmeMobile, DemoWorld.LeeHandle))!.Status);
        Assert.Contains($"Lee Chen is now an Active member of {DemoWorld.AcmeMobile}.", Snackbars());
        await using var db = Db.CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == "membership.approved");
        Assert.Equal((await ActorAsync(DemoWorld.RajEmail)).UserId, entry.ActorUserId);
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_and_the_member_is_told_it()
    {
        var host = RenderProviders();
        var cut = await CloudPageAsync(DemoWorld.MariaEmail, DemoWorld.AcmeMobile);
        cut.Find("button[aria-label='Reject Lee Chen']").Click();
        ClickInDialog(host, "Reject applicant");
        host.WaitForAssertion(() => Assert.Contains("Give a reason", host.Find("[role=dialog] [role=alert]").TextContent, StringComparison.Ordinal));
        Assert.NotNull(await MembershipAsync(DemoWorld.AcmeMobile, DemoWorld.LeeHandle));

        host.Find("[role=dialog] textarea").Input("We need native iOS experience.");
        ClickInDialog(host, "Reject applicant");
        cut.WaitForAssertion(() => Assert.DoesNotContain("Lee Chen", MemberNames(cut)));
        Assert.Null(await MembershipAsync(DemoWorld.AcmeMobile, DemoWorld.LeeHandle));
        var lee = await ActorAsync(DemoWorld.LeeEmail);
        await using var db = Db.CreateDbContext();
        Assert.True(await db.Notifications.AnyAsync(n => n.UserId == lee.UserId && n.Kind == NotificationKind.MembershipRejected
            && n.Body.Contains("native iOS")));
    }
}
