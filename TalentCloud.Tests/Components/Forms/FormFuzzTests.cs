using AngleSharp.Dom;
using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using TalentCloud.Core.Removals;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;
using TalentCloud.Web.Components.Pages.Connects;
using TalentCloud.Web.Components.Pages.Jobs;
using TalentCloud.Web.Components.Pages.Messages;
using TalentCloud.Web.Components.Pages.Org;
using TalentCloud.Web.Components.Pages.Org.Team;
using TalentCloud.Web.Components.Pages.Organizations;
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
        var fingerprint = new DatabaseFingerprint(Db);
        var navigation = Services.GetRequiredService<NavigationManager>();
        var problems = new List<string>();
        foreach (var value in HostileValues.All)
        {
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
            || cut.FindAll(".mud-input-error").Any(e => e.TextContent.Trim().Length > 0))
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
