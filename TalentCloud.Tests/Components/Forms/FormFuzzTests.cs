using AngleSharp.Dom;
using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using TalentCloud.Core.Help;
using TalentCloud.Core.Memberships;
using TalentCloud.Core.Offers;
using TalentCloud.Core.Removals;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;
using TalentCloud.Web.Components.Pages.Admin;
using TalentCloud.Web.Components.Pages.Connects;
using TalentCloud.Web.Components.Pages.Jobs;
using TalentCloud.Web.Components.Pages.Messages;
using TalentCloud.Web.Components.Pages.Org;
using TalentCloud.Web.Components.Pages.Org.Dashboard;
using TalentCloud.Web.Components.Pages.Org.Team;
using TalentCloud.Web.Components.Pages.Organizations;
using TalentCloud.Web.Components.Pages.Profiles;
using TalentCloud.Web.Components.Pages.Removals;
using TalentCloud.Web.Components.Pages.Settings;
using TalentCloud.Web.Components.Shared.Actions;

namespace TalentCloud.Tests.Components.Forms;

/// <summary>
/// Every interactive form, with each hostile value typed into all of its fields and submitted over the live circuit:
/// the form answers with a message beside it or saves (a snackbar, the next page, a changed database), never with the
/// "something went wrong" of an unexpected exception, and the event handler never throws.
/// </summary>
public sealed class FormFuzzTests : ComponentTestBase
{
    /// <summary>A form: who uses it, how to render it, its fields (a label or a #id), its submit button, and what to undo after a save so the next value meets the form again.</summary>
    private sealed record Form(string Email, Func<FormFuzzTests, Task<Rendered>> Render, string[] Fields, string Submit,
        Func<FormFuzzTests, Task>? Reset = null, bool ResetAlways = false);

    private static readonly Dictionary<string, Form> Forms = new()
    {
        ["post job"] = new(DemoWorld.MariaEmail, t => t.PageAsync<PostJobPage>(DemoWorld.MariaEmail, "/org/jobs/new"),
            ["Title", "Description", "Required skills", "Most you pay per hour (USD)"], "Post job"),
        ["profile settings"] = new(DemoWorld.FionaEmail, t => t.PageAsync<ProfileSettingsPage>(DemoWorld.FionaEmail, "/settings/profile"),
            ["Display name", "Title", "Bio", "Skills", "Country", "Time zone", "Registration number", "Licence number"], "Save profile"),
        ["new offer"] = new(DemoWorld.MariaEmail, t => t.PageAsync<NewOfferPage>(DemoWorld.MariaEmail, $"/org/offers/new?profile={DemoWorld.OmarHandle}"),
            ["#o-title", "#o-description", "#o-amount"], "Send offer"),
        ["message composer"] = new(DemoWorld.FionaEmail, t => t.ComposerAsync(), ["Your message"], "Send"),
        ["new cloud"] = new(DemoWorld.MariaEmail, t => t.PageAsync<OrgCloudsPage>(DemoWorld.MariaEmail, "/org/clouds"), ["Name", "Description"], "Create cloud"),
        ["cloud name and description"] = new(DemoWorld.MariaEmail, t => t.CloudPageAsync(), ["#cloud-name", "#cloud-description"], "Save name and description"),
        ["cloud criteria"] = new(DemoWorld.MariaEmail, t => t.CloudPageAsync(), ["Required skills", "Allowed countries"], "Save criteria"),
        ["team invitation"] = new(DemoWorld.MariaEmail, t => t.PageAsync<OrgTeamPage>(DemoWorld.MariaEmail, "/org/team"), ["E-mail address"], "Send invitation"),
        ["offer approval thresholds"] = new(DemoWorld.MariaEmail, t => t.PageAsync<OrgTeamPage>(DemoWorld.MariaEmail, "/org/team"),
            ["Hourly rate above (US dollars per hour)", "Fixed price above (US dollars)"], "Save thresholds"),
        ["organisation description"] = new(DemoWorld.MariaEmail, t => t.PageAsync<OrganizationProfilePage>(DemoWorld.MariaEmail, "/org/profile"),
            ["Description"], "Save description"),
        ["connects grant"] = new(DemoWorld.AdminEmail, t => t.PageAsync<ConnectsGrantPage>(DemoWorld.AdminEmail, "/admin/connects"),
            ["Profile handle", "#grant-amount", "Reason"], "Grant Connects"),
        ["proposal"] = new(DemoWorld.FionaEmail, t => t.JobPageAsync(), ["Cover letter", "Your hourly rate (USD)"], "Send proposal", t => t.ForgetProposalsAsync()),
        ["removal request"] = new(DemoWorld.FionaEmail, t => t.RemovalDialogAsync(), ["Reason (optional)"], "Send removal request", t => t.CancelRemovalAsync(), ResetAlways: true),

        // Dialogs that take text, each opened from its page.
        ["invite to cloud"] = new(DemoWorld.MariaEmail, t => t.DialogAsync<ProfilePage>(DemoWorld.MariaEmail, DemoVisibility.Omar, "Invite to cloud",
            p => p.Add(x => x.Handle, DemoWorld.OmarHandle)), ["Note (optional)"], "Send invitation", t => t.ForgetNewRowsAsync()),
        ["interview proposal"] = new(DemoWorld.MariaEmail, t => t.InterviewDialogAsync(), ["Time zone", "Meeting link"], "Propose interview"),
        ["interview time"] = new(DemoWorld.MariaEmail, t => t.InterviewDialogAsync(), ["Date and time"], "Propose interview"),
        ["hire through an offer"] = new(DemoWorld.RajEmail, t => t.HireDialogAsync(), ["Title", "Hourly rate ($/hr)", "Description (optional)"], "Send offer",
            t => t.ForgetNewRowsAsync()),
        ["reject a removal request"] = new(DemoWorld.AdminEmail, t => t.DialogAsync<AdminRemovalsPage>(DemoWorld.AdminEmail, "/admin/removals",
            "button[aria-label^='Reject removal']"), ["Reason for the member"], "Reject request", t => t.ReopenAsync()),
        ["reply to support"] = new(DemoWorld.AdminEmail, t => t.DialogAsync<AdminSupportPage>(DemoWorld.AdminEmail, "/admin/support",
            "button[aria-label^='Reply to']"), ["Your reply"], "Send reply", t => t.ReopenAsync()),
        ["reject an applicant"] = new(DemoWorld.MariaEmail, t => t.RejectApplicantDialogAsync(), ["Reason for the applicant"], "Reject applicant",
            t => t.ReopenAsync()),
        ["reject an offer awaiting approval"] = new(DemoWorld.MariaEmail, t => t.DialogAsync<OrgDashboardPage>(DemoWorld.MariaEmail, "/org",
            "[data-testid=approval-queue] button[aria-label^='Reject']"), ["Reason for the author"], "Reject offer", t => t.ReopenAsync()),
        ["subscription end date"] = new(DemoWorld.AdminEmail, t => t.DialogAsync<AdminOrganizationsPage>(DemoWorld.AdminEmail, "/admin/organizations",
            "button[aria-label='Extend the Enterprise subscription of Acme Corp']"), ["#subscription-end-date"], "Extend subscription"),
    };

    /// <summary>What the test reads of a rendered form, whatever the component's type.</summary>
    private sealed record Rendered(Func<string, IReadOnlyList<IElement>> FindAll, Func<string> Markup);

    private static Rendered Of<TComponent>(IRenderedComponent<TComponent> cut)
        where TComponent : IComponent => new(cut.FindAll, () => cut.Markup);

    public static TheoryData<string> FormNames() => [.. Forms.Keys];

    private IRenderedComponent<MudDialogProvider>? dialogs;

    [Theory]
    [MemberData(nameof(FormNames))]
    public async Task Every_hostile_value_in_every_field_gets_a_message_or_is_saved(string name)
    {
        var form = Forms[name];
        dialogs = RenderProviders();
        await RememberDemoWorldAsync();
        var fingerprint = new DatabaseFingerprint(Db);
        var navigation = Services.GetRequiredService<NavigationManager>();
        var problems = new List<string>();
        foreach (var value in HostileValues.All)
        {
            // A dialog a refusal left open is closed: the next value meets the form afresh.
            await dialogs.InvokeAsync(dialogs.Instance.DismissAll);
            var cut = await form.Render(this);
            foreach (var field in form.Fields)
            {
                Type(await FieldAsync(cut, field), value);
            }

            var before = (Data: await fingerprint.TakeAsync(), Snackbars: Snackbars().Count, Address: navigation.Uri);
            try
            {
                await ClickAsync(cut, form.Submit);
            }
            catch (Exception e)
            {
                problems.Add($"\"{HostileValues.Show(value)}\": the handler threw {e.GetType().Name}: {e.Message}");
                continue;
            }

            string? outcome = null;
            for (var wait = 0; wait < 100 && outcome is null; wait++)
            {
                outcome = Outcome(cut, before.Snackbars, before.Address != navigation.Uri) ?? (await fingerprint.TakeAsync() != before.Data ? "saved" : null);
                if (outcome is null)
                {
                    await Task.Delay(50, Xunit.TestContext.Current.CancellationToken);
                }
            }

            if (outcome is null or "unexpected")
            {
                problems.Add($"\"{HostileValues.Show(value)}\": {(outcome is null ? "no message and nothing saved" : "an unexpected error was shown")}");
            }
            if ((outcome != "refused" || form.ResetAlways) && form.Reset is { } reset)
            {
                await reset(this);
            }
        }

        Assert.True(problems.Count == 0, $"{name}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    /// <summary>"refused" (a message beside the form), "saved" (a snackbar or the next page), "unexpected" (the friendly error of an exception), or null (nothing yet).</summary>
    private string? Outcome(Rendered cut, int snackbarsBefore, bool navigated)
    {
        var markup = cut.Markup() + dialogs!.Markup;
        if (markup.Contains(PageActionRunner.UnexpectedError, StringComparison.Ordinal) || Snackbars().Contains(PageActionRunner.UnexpectedError))
        {
            return "unexpected";
        }

        if (cut.FindAll("[role=alert]").Concat(dialogs.FindAll("[role=alert]")).Any(a => a.TextContent.Trim().Length > 0)
            || cut.FindAll(".mud-input-error").Concat(dialogs.FindAll(".mud-input-error")).Any(e => e.TextContent.Trim().Length > 0))
        {
            return "refused";
        }

        return Snackbars().Count > snackbarsBefore || navigated ? "saved" : null;
    }

    private static void Type(IElement field, string value)
    {
        var typed = false;
        foreach (var fire in new Action[] { () => field.Input(value), () => field.Change(value) })
        {
            try
            {
                fire();
                typed = true;
            }
            catch (Bunit.MissingEventHandlerException)
            {
                // This field listens to the other event.
            }
        }

        Assert.True(typed, $"No input or change handler on {field.OuterHtml}");
    }

    /// <summary>The field, once the form has loaded (a page loads its data after the first render).</summary>
    private async Task<IElement> FieldAsync(Rendered cut, string field)
    {
        for (var wait = 0; ; wait++)
        {
            var found = Fields(cut, field);
            if (found.Count == 1 || wait == 100)
            {
                return Assert.Single(found);
            }

            await Task.Delay(50, Xunit.TestContext.Current.CancellationToken);
        }
    }

    private List<IElement> Fields(Rendered cut, string field)
    {
        IEnumerable<IElement> Find(Func<string, IReadOnlyList<IElement>> findAll) => field.StartsWith('#')
            ? findAll(field)
            : findAll(".mud-input-control").Where(c => c.QuerySelector("label")?.TextContent.Trim().TrimEnd('*').Trim() == field)
                .Select(c => c.QuerySelector("input, textarea")!);
        return [.. Find(cut.FindAll).Concat(Find(dialogs!.FindAll))];
    }

    /// <summary>Clicks the submit button, finding it afresh when a render replaced it between finding and clicking.</summary>
    private async Task ClickAsync(Rendered cut, string text)
    {
        for (var attempt = 1; ; attempt++)
        {
            var button = cut.FindAll("button").Concat(dialogs!.FindAll("button")).Single(b => b.TextContent.Trim().StartsWith(text, StringComparison.Ordinal));
            try
            {
                await button.ClickAsync(new MouseEventArgs());
                return;
            }
            catch (UnknownEventHandlerIdException) when (attempt < 5)
            {
                // The form re-rendered (a field's value arrived) after the button was found.
            }
        }
    }

    private async Task<Rendered> PageAsync<TPage>(string email, string address, Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null)
        where TPage : IComponent =>
        Of(await RenderPageAsync(email, address, parameters));

    private async Task<int> IdAsync(Func<TalentCloud.Core.Data.AppDbContext, IQueryable<int>> query)
    {
        await using var db = Db.CreateDbContext();
        return await query(db).SingleAsync();
    }

    /// <summary>The cloud the cloud forms edit, looked up once (a saved rename changes its name).</summary>
    private int? cloudId;

    private async Task<Rendered> CloudPageAsync()
    {
        var id = cloudId ??= await IdAsync(db => db.Clouds.Where(c => c.Name == DemoWorld.AcmeData).Select(c => c.Id));
        return await PageAsync<OrgCloudPage>(DemoWorld.MariaEmail, $"/org/clouds/{id}", p => p.Add(x => x.Id, id));
    }

    private async Task<Rendered> JobPageAsync()
    {
        var id = await IdAsync(db => db.Jobs.Where(j => j.Title == DemoWorld.InitechApiJob).Select(j => j.Id));
        return await PageAsync<JobPage>(DemoWorld.FionaEmail, $"/jobs/{id}", p => p.Add(x => x.Id, id));
    }

    private async Task<Rendered> ComposerAsync()
    {
        await SignInAsAsync(DemoWorld.FionaEmail);
        var id = await IdAsync(db => from c in db.Conversations
                                     join o in db.Organizations on c.OrganizationId equals o.Id
                                     join p in db.Profiles on c.ProfileId equals p.Id
                                     where o.Name == DemoWorld.Acme && p.Handle == DemoWorld.FionaHandle
                                     select c.Id);
        return Of(Render<MessageComposer>(p => p.Add(x => x.ConversationId, id).Add(x => x.Live, true)));
    }

    private async Task<Rendered> RemovalDialogAsync()
    {
        var page = await PageAsync<LeaveTalentCloudPage>(DemoWorld.FionaEmail, "/my/talent-clouds/leave");
        page.FindAll("li.membership-item").Single(i => i.TextContent.Contains(DemoWorld.GlobexDesign, StringComparison.Ordinal))
            .QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Request removal").Click();
        dialogs!.WaitForElement("[role=dialog]");
        return page;
    }

    /// <summary>Renders the page at the address and clicks the button (a CSS selector, or its text) that opens the dialog.</summary>
    private async Task<Rendered> DialogAsync<TPage>(string email, string address, string opener, Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null)
        where TPage : IComponent
    {
        var page = await RenderPageAsync(email, address, parameters);
        var button = opener.Contains('[', StringComparison.Ordinal)
            ? page.WaitForElement(opener)
            : page.WaitForElements("button").Single(b => b.TextContent.Trim() == opener);
        // Not awaited: the click's handler waits for the dialog to close.
        button.Click();
        dialogs!.WaitForElement("[role=dialog]");
        return Of(page);
    }

    private async Task<Rendered> InterviewDialogAsync()
    {
        var id = await MessagingAppData.ConversationIdAsync(Services, DemoWorld.Acme, DemoWorld.FionaHandle);
        await SignInAsAsync(DemoWorld.MariaEmail);
        var page = Render<ConversationPage>(p => p.Add(x => x.ConversationId, id));
        page.WaitForAssertion(() => Assert.Equal("true", page.Find("section.conversation").GetAttribute("data-live")));
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Propose an interview outside TalentCloud").Click();
        dialogs!.WaitForElement("[role=dialog]");
        return Of(page);
    }

    private async Task<Rendered> HireDialogAsync()
    {
        var id = await IdAsync(db => db.Jobs.Where(j => j.Title == DemoWorld.AcmeKotlinCloudJob).Select(j => j.Id));
        return await DialogAsync<JobProposalsPage>(DemoWorld.RajEmail, $"/org/jobs/{id}/proposals", "button[aria-label='Hire Northwind Studio']",
            p => p.Add(x => x.Id, id));
    }

    private async Task<Rendered> RejectApplicantDialogAsync()
    {
        var id = await IdAsync(db => db.Clouds.Where(c => c.Name == DemoWorld.AcmeMobile).Select(c => c.Id));
        return await DialogAsync<OrgCloudPage>(DemoWorld.MariaEmail, $"/org/clouds/{id}", "button[aria-label='Reject Lee Chen']", p => p.Add(x => x.Id, id));
    }

    private async Task RememberDemoWorldAsync()
    {
        await using var db = Db.CreateDbContext();
        seeded = (await db.Invitations.MaxAsync(i => i.Id), await db.Offers.MaxAsync(o => o.Id));
        var acmeMobile = await db.Clouds.Where(c => c.Name == DemoWorld.AcmeMobile).Select(c => c.Id).SingleAsync();
        undecided = (await db.RemovalRequests.AsNoTracking().SingleAsync(r => r.Status == RemovalStatus.Pending),
            await db.SupportRequests.AsNoTracking().SingleAsync(r => r.Status == SupportStatus.AwaitingReply),
            await db.CloudMemberships.AsNoTracking().SingleAsync(m => m.CloudId == acmeMobile && m.Status == MembershipStatus.PendingApproval),
            await db.Offers.AsNoTracking().SingleAsync(o => o.Title == DemoWorldSeeder.RitaOfferTitle));
    }

    /// <summary>The highest invitation and offer ids of the demo world, so that what a save added can be taken back.</summary>
    private (int Invitation, int Offer)? seeded;

    /// <summary>Takes back the invitations and offers the dialogs added, so the next value meets the same choice again.</summary>
    private async Task ForgetNewRowsAsync()
    {
        await using var db = Db.CreateDbContext();
        var (invitation, offer) = seeded!.Value;
        await db.Invitations.Where(i => i.Id > invitation).ExecuteDeleteAsync();
        await db.Offers.Where(o => o.Id > offer).ExecuteDeleteAsync();
    }

    /// <summary>The demo world's undecided items, as a decision found them before it changed them.</summary>
    private (RemovalRequest Removal, SupportRequest Support, CloudMembership Applicant, Offer Awaiting)? undecided;

    /// <summary>Puts back what a decision (a rejection, a reply) changed, so the next value meets the same undecided item.</summary>
    private async Task ReopenAsync()
    {
        var (removal, support, applicant, awaiting) = undecided!.Value;
        await using var db = Db.CreateDbContext();
        await db.RemovalRequests.Where(r => r.Id == removal.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, removal.Status)
            .SetProperty(r => r.DecisionReason, removal.DecisionReason).SetProperty(r => r.DecidedByUserId, removal.DecidedByUserId)
            .SetProperty(r => r.DecidedAt, removal.DecidedAt));
        await db.SupportRequests.Where(r => r.Id == support.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, support.Status));
        await db.Offers.Where(o => o.Id == awaiting.Id).ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, awaiting.Status)
            .SetProperty(o => o.RejectionReason, awaiting.RejectionReason).SetProperty(o => o.DecidedByUserId, awaiting.DecidedByUserId));
        if (!await db.CloudMemberships.AnyAsync(m => m.Id == applicant.Id))
        {
            db.CloudMemberships.Add(applicant);
            await db.SaveChangesAsync();
        }
    }

    /// <summary>Closes the dialog if a refusal kept it open, and takes back a request that was sent.</summary>
    private async Task CancelRemovalAsync()
    {
        var host = dialogs!;
        if (host.FindAll("[role=dialog] button").SingleOrDefault(b => b.TextContent.Trim() == "Keep my membership") is { } keep)
        {
            await keep.ClickAsync(new MouseEventArgs());
        }

        var fiona = await ActorAsync(DemoWorld.FionaEmail);
        await using (var db = Db.CreateDbContext())
        {
            foreach (var id in await db.RemovalRequests.Where(r => r.Status == RemovalStatus.Pending && fiona.ProfileIds.Contains(r.ProfileId)).Select(r => r.Id).ToListAsync())
            {
                Assert.True((await new RemovalRequestService(Db, Db.Clock).CancelAsync(fiona, id)).Succeeded);
            }
        }

        host.WaitForAssertion(() => Assert.Empty(host.FindAll("[role=dialog]")));
    }

    /// <summary>Takes back the proposal just sent (and its Connects), so the next value meets the proposal form again.</summary>
    private async Task ForgetProposalsAsync()
    {
        await using var db = Db.CreateDbContext();
        await db.ConnectsEntries.Where(e => e.ProposalId != null).ExecuteDeleteAsync();
        var jobId = await db.Jobs.Where(j => j.Title == DemoWorld.InitechApiJob).Select(j => j.Id).SingleAsync();
        await db.Proposals.Where(p => p.JobId == jobId).ExecuteDeleteAsync();
    }
}
