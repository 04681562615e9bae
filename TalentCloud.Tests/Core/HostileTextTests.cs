using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Admin;
using TalentCloud.Core.Clouds;
using TalentCloud.Core.Common;
using TalentCloud.Core.Connects;
using TalentCloud.Core.Help;
using TalentCloud.Core.Invitations;
using TalentCloud.Core.Jobs;
using TalentCloud.Core.Messaging;
using TalentCloud.Core.Notifications;
using TalentCloud.Core.Offers;
using TalentCloud.Core.Organizations;
using TalentCloud.Core.Profiles;
using TalentCloud.Core.Proposals;
using TalentCloud.Core.Removals;
using TalentCloud.Core.Search;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Core;

/// <summary>
/// Every Core method that takes text a person typed, called with each hostile value in one argument (ordinary values in
/// the others): the answer is a normal result or a failure with a message, never an exception; a failure stores
/// nothing; and no name or title that others see keeps a control or direction character.
/// </summary>
public sealed class HostileTextTests
{
    private const string Ordinary = "Ordinary words";

    public static TheoryData<string> Values() => HostileValues.Theory();

    private sealed record Outcome(string Call, bool MustSucceedWithOrdinaryText, Result? Result, string? Problem);

    [Theory]
    [MemberData(nameof(Values))]
    public async Task Every_text_input_answers_clearly_and_a_refusal_stores_nothing(string value)
    {
        await using var db = await TestDatabase.CopyOfDemoWorldAsync();
        var outcomes = await CallEverythingAsync(db, value);

        var problems = outcomes.Where(o => o.Problem is not null).Select(o => $"{o.Call}: {o.Problem}").ToList();
        problems.AddRange(await HiddenCharactersInNamesAsync(db));
        Assert.True(problems.Count == 0, $"With \"{HostileValues.Show(value)}\":{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    /// <summary>The control run: with ordinary text the same calls get past validation, so the hostile runs test the text, not a wrong set-up.</summary>
    [Fact]
    public async Task The_same_calls_with_ordinary_text_succeed()
    {
        await using var db = await TestDatabase.CopyOfDemoWorldAsync();
        var outcomes = await CallEverythingAsync(db, Ordinary);

        Assert.All(outcomes, o => Assert.Null(o.Problem));
        var refused = outcomes.Where(o => o.MustSucceedWithOrdinaryText && o.Result is { Succeeded: false })
            .Select(o => $"{o.Call}: {string.Join(" ", o.Result!.Errors)}").ToList();
        Assert.True(refused.Count == 0, string.Join(Environment.NewLine, refused));
    }

    [Fact]
    public async Task A_display_name_with_a_right_to_left_override_is_saved_without_it()
    {
        await using var db = await TestDatabase.CopyOfDemoWorldAsync();
        await using var services = CoreServices.Build(db);
        var settings = services.GetRequiredService<ProfileSettingsService>();
        var fiona = await db.ActorAsync(DemoWorld.FionaEmail);
        var view = (await settings.ListOwnAsync(fiona))[0];

        var saved = await settings.UpdateAsync(fiona, view.ProfileId, view.Settings with { DisplayName = "Fiona \u202Ekrap\u202C Park\u2066" });

        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors));
        Assert.Equal("Fiona krap Park", (await settings.GetAsync(fiona, view.ProfileId))!.Settings.DisplayName);
        var onlyOverrides = await settings.UpdateAsync(fiona, view.ProfileId, view.Settings with { DisplayName = "\u202E\u200F\u2067" });
        Assert.False(onlyOverrides.Succeeded);
        Assert.Contains("Display name is required.", onlyOverrides.Errors);
    }

    private static async Task<List<Outcome>> CallEverythingAsync(TestDatabase db, string v)
    {
        await using var services = CoreServices.Build(db);
        T Get<T>() where T : notnull => services.GetRequiredService<T>();
        var fingerprint = new DatabaseFingerprint(db);
        var outcomes = new List<Outcome>();
        var n = 0;

        async Task Call(string name, Func<Task<Result>> call, bool mustSucceed = true)
        {
            var before = await fingerprint.TakeAsync();
            try
            {
                var result = await call();
                string? problem = null;
                if (!result.Succeeded && (result.Errors.Count == 0 || result.Errors.Any(string.IsNullOrWhiteSpace)))
                {
                    problem = "refused without a message";
                }
                else if (!result.Succeeded && await fingerprint.TakeAsync() != before)
                {
                    problem = "refused, yet something was stored";
                }

                outcomes.Add(new(name, mustSucceed, result, problem));
            }
            catch (Exception e)
            {
                outcomes.Add(new(name, mustSucceed, null, $"threw {e.GetType().Name}: {e.Message}"));
            }
        }

        Task CallT<T>(string name, Func<Task<Result<T>>> call, bool mustSucceed = true) =>
            Call(name, async () => await call() is var r && r.Succeeded ? Result.Success : Result.Failure([.. r.Errors]), mustSucceed);

        Task Read(string name, Func<Task> read) => Call(name, async () =>
        {
            await read();
            return Result.Success;
        });

        // Each call that must create something unique gets its own ordinary text; some fields need their own ordinary form.
        string Unique() => $"{Ordinary} {++n}";
        string Or(string ordinary) => v == Ordinary ? ordinary : v;

        var maria = await db.ActorAsync(DemoWorld.MariaEmail);
        var fiona = await db.ActorAsync(DemoWorld.FionaEmail);
        var admin = await db.ActorAsync(DemoWorld.AdminEmail);
        var fionaProfile = fiona.ProfileIds[0];
        var acme = maria.Organizations.Keys.Single();
        var ids = await DemoIdsAsync(db);

        // Accounts.
        await CallT("register: name", async () => await ScopedAsync(services, (RegistrationService r) =>
            r.RegisterAsync(new RegistrationRequest($"new{++n}@example.test", "a long enough password", AccountKind.Freelancer, v))));
        await CallT("register: e-mail", async () => await ScopedAsync(services, (RegistrationService r) =>
            r.RegisterAsync(new RegistrationRequest(Or("ordinary@example.test"), "a long enough password", AccountKind.Client, Unique()))));
        await Call("confirm e-mail", () => ScopedAsync(services, (RegistrationService r) => r.ConfirmAsync(v, v)), mustSucceed: false);
        await Call("reset password", () => ScopedAsync(services, (AccountService a) => a.ResetPasswordAsync(v, v, v)), mustSucceed: false);
        await Read("check password", () => ScopedAsync(services, (AccountService a) => a.CheckPasswordAsync(v, v)));

        // Profile settings, one field at a time.
        var profiles = Get<ProfileSettingsService>();
        Task Profile(string field, Func<ProfileSettings, ProfileSettings> change) => Call($"profile: {field}", async () =>
            await profiles.UpdateAsync(fiona, fionaProfile, change((await profiles.GetAsync(fiona, fionaProfile))!.Settings)));
        await Profile("display name", s => s with { DisplayName = v });
        await Profile("title", s => s with { Title = v });
        await Profile("bio", s => s with { Bio = v });
        await Profile("skill", s => s with { Skills = [.. s.Skills, v] });
        await Profile("country", s => s with { Country = Or("DE") });
        await Profile("time zone", s => s with { TimeZone = Or("Europe/Berlin") });
        await Profile("business name", s => s with { BusinessEntityType = BusinessEntityType.LimitedCompany, BusinessName = v });
        await Profile("registration number", s => s with { RegistrationNumber = v });
        await Profile("licence number", s => s with { LicenceNumber = v });

        // Clouds.
        var clouds = Get<CloudService>();
        await CallT("cloud: new name", () => clouds.CreateAsync(maria, Or(Unique()), Ordinary));
        await CallT("cloud: new description", () => clouds.CreateAsync(maria, Unique(), v));
        await Call("cloud: rename", () => clouds.UpdateAsync(maria, ids.AcmeData, Or(Unique()), Ordinary));
        await Call("cloud: describe", () => clouds.UpdateAsync(maria, ids.AcmeData, Unique(), v));
        await Call("cloud: required skill", () => clouds.SetCriteriaAsync(maria, ids.AcmeData, CloudCriteria.None with { RequiredSkills = [v] }));
        await Call("cloud: allowed country", () => clouds.SetCriteriaAsync(maria, ids.AcmeData, CloudCriteria.None with { AllowedCountries = [Or("DE")] }));
        await Read("cloud: member search", () => clouds.ListMembersAsync(maria, ids.AcmeMobile, new MemberQuery(Search: v)));
        await Call("cloud: rejection reason", () => clouds.RejectAsync(maria, ids.LeePendingInAcmeMobile, v));
        await CallT("invitation note", () => Get<InvitationService>().InviteAsync(maria, ids.AcmeMobile, ids.Omar, v));

        // Jobs and proposals.
        var jobs = Get<JobService>();
        JobDraft Job(string title, string description, string skill) => new(acme, null, title, description, [skill], BudgetType.Hourly, 50, ExperienceLevel.Expert);
        await CallT("job: title", () => jobs.PostAsync(maria, Job(v, Ordinary, "Swift")));
        await CallT("job: description", () => jobs.PostAsync(maria, Job(Ordinary, v, "Swift")));
        await CallT("job: skill", () => jobs.PostAsync(maria, Job(Ordinary, Ordinary, v)));
        await Read("job search", () => jobs.SearchPublicAsync(Actor.Visitor, new JobQuery(v, v)));
        await CallT("proposal: cover letter", () => Get<ProposalService>().SubmitAsync(fiona, new ProposalDraft(ids.InitechJob, fionaProfile, v, 40)));

        // Offers: every text of the offer at once (a second offer to the same person would be refused for another reason).
        await CallT("offer: title, description and task texts", () => Get<OfferService>().CreateAsync(maria, new OfferInput(ids.AcmeMobile, ids.Omar, v, v,
            PayKind.Hourly, 60, [new OnboardingTaskInput(OnboardingTaskKind.Agreement, v, v), new OnboardingTaskInput(OnboardingTaskKind.DocumentAcknowledgement, Ordinary, v)])));

        // Messages and interviews.
        var interviews = Get<InterviewService>();
        var start = db.Clock.GetUtcNow().UtcDateTime.AddDays(3);
        await CallT("message", () => Get<MessageService>().SendAsync(fiona, ids.AcmeFionaConversation, v));
        await CallT("interview: time zone", () => interviews.ProposeAsync(maria, ids.AcmeFionaConversation, start, Or("Europe/Madrid"), "https://meet.example.com/x"));
        await CallT("interview: meeting link", () => interviews.ProposeAsync(maria, ids.AcmeFionaConversation, start, "Europe/Madrid", Or("https://meet.example.com/y")));

        // Removals and Connects.
        var removals = Get<RemovalQueueService>();
        await CallT("removal request: reason", () => Get<RemovalRequestService>().RequestAsync(fiona, ids.FionaInAcmeMobile, v));
        await Call("removal: rejection reason", () => removals.RejectAsync(admin, ids.NinasRequest, v));
        await Call("removal: approval note", () => removals.ApproveAsync(admin, ids.NinasRequest, v), mustSucceed: false);
        await Read("removal queue: member filter", () => removals.GetQueueAsync(admin, new RemovalQueueQuery(Member: v)));
        var connects = Get<ConnectsService>();
        await Call("connects grant: handle", () => connects.GrantAsync(admin, Or(DemoWorld.FionaHandle), 10, Ordinary));
        await Call("connects grant: reason", () => connects.GrantAsync(admin, DemoWorld.FionaHandle, 10, v));

        // Teams: an invitation by address, and joining through its link.
        var team = Get<TeamService>();
        var invited = $"joiner{++n}@example.test";
        await CallT("team invitation: address", () => team.InviteAsync(maria, Or(invited), OrganizationRole.Recruiter));
        if (v != Ordinary)
        {
            Assert.True((await team.InviteAsync(maria, invited, OrganizationRole.Recruiter)).Succeeded);
        }

        var token = await TeamTokenAsync(db, invited);
        await CallT("team join: name", () => ScopedAsync(services, (TeamJoinService j) => j.RegisterAsync(token, v, "a long enough password")));
        await CallT("team join: token", () => ScopedAsync(services, (TeamJoinService j) => j.RegisterAsync(Or(token), Ordinary, "a long enough password")), mustSucceed: false);
        await CallT("team join: accept with token", () => ScopedAsync(services, (TeamJoinService j) => j.AcceptAsync(fiona, v)), mustSucceed: false);
        await Read("admin organisations: name filter", () => Get<AdminService>().ListOrganizationsAsync(admin, v, 1));

        // Organisation, notifications, help, profiles, search, admin lists.
        await Call("organisation description", () => Get<OrganizationProfileService>().UpdateDescriptionAsync(maria, acme, v));
        await Call("notification time zone", () => Get<NotificationSettingsService>().SetTimeZoneAsync(fiona, Or("Europe/Berlin")));
        await Call("help vote", () => Get<HelpService>().VoteAsync(fiona, Or(HelpService.Articles[0].Slug), helpful: true));
        await Read("help article", () => Get<HelpService>().GetArticleAsync(fiona, v));
        await Read("freelancer profile", () => Get<ProfileService>().GetPublicProfileAsync(Actor.Visitor, ProfileKind.Freelancer, v));
        await Read("agency profile", () => Get<ProfileService>().GetPublicProfileAsync(maria, ProfileKind.Agency, v));
        await Read("talent search", () => Get<TalentSearchService>().SearchAsync(maria, new SearchQuery { Text = v, Skills = [v], Country = v }));
        await Read("audit search", () => Get<AuditBrowser>().SearchAsync(admin, new AuditQuery(v, v, Text: v)));
        await Read("outbox search", () => Get<AdminService>().GetOutboxAsync(admin, unsentOnly: false, page: 1, search: v));
        return outcomes;
    }

    /// <summary>The join-link token of the latest team invitation mailed to <paramref name="address"/>.</summary>
    private static async Task<string> TeamTokenAsync(TestDatabase db, string address)
    {
        await using var context = db.CreateDbContext();
        var html = await context.OutboxEmails.Where(e => e.ToAddress == address).OrderByDescending(e => e.Id).Select(e => e.HtmlBody).FirstAsync();
        var start = html.IndexOf("token=", StringComparison.Ordinal) + "token=".Length;
        return Uri.UnescapeDataString(html[start..html.IndexOf('"', start)]);
    }

    private static async Task<TResult> ScopedAsync<TService, TResult>(IServiceProvider services, Func<TService, Task<TResult>> use)
        where TService : notnull
    {
        await using var scope = services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private sealed record DemoIds(int AcmeMobile, int AcmeData, int Omar, int LeePendingInAcmeMobile, int FionaInAcmeMobile, int NinasRequest,
        int InitechJob, int AcmeFionaConversation);

    private static async Task<DemoIds> DemoIdsAsync(TestDatabase db)
    {
        await using var context = db.CreateDbContext();
        async Task<int> Cloud(string name) => await context.Clouds.Where(c => c.Name == name).Select(c => c.Id).SingleAsync();
        var conversation = await (from c in context.Conversations
                                  join o in context.Organizations on c.OrganizationId equals o.Id
                                  join p in context.Profiles on c.ProfileId equals p.Id
                                  where o.Name == DemoWorld.Acme && p.Handle == DemoWorld.FionaHandle
                                  select c.Id).SingleAsync();
        return new(await Cloud(DemoWorld.AcmeMobile), await Cloud(DemoWorld.AcmeData),
            await context.Profiles.Where(p => p.Handle == DemoWorld.OmarHandle).Select(p => p.Id).SingleAsync(),
            await RemovalTestData.MembershipIdAsync(db, DemoWorld.LeeHandle, DemoWorld.AcmeMobile),
            await RemovalTestData.MembershipIdAsync(db, DemoWorld.FionaHandle, DemoWorld.AcmeMobile),
            await RemovalTestData.NinasRequestIdAsync(db),
            await context.Jobs.Where(j => j.Title == DemoWorld.InitechApiJob).Select(j => j.Id).SingleAsync(),
            conversation);
    }

    /// <summary>Names and titles other people see, that still hold a control or direction character.</summary>
    private static async Task<List<string>> HiddenCharactersInNamesAsync(TestDatabase db)
    {
        await using var context = db.CreateDbContext();
        var shown = new List<(string What, string Text)>();
        shown.AddRange((await context.Profiles.Select(p => new { p.DisplayName, p.Title, p.BusinessName }).ToListAsync())
            .SelectMany(p => new[] { ("profile name", p.DisplayName), ("profile title", p.Title), ("business name", p.BusinessName) }));
        shown.AddRange((await context.Users.Select(u => u.DisplayName).ToListAsync()).Select(t => ("account name", t)));
        shown.AddRange((await context.Organizations.Select(o => o.Name).ToListAsync()).Select(t => ("organisation name", t)));
        shown.AddRange((await context.Clouds.Select(c => c.Name).ToListAsync()).Select(t => ("cloud name", t)));
        shown.AddRange((await context.Jobs.Select(j => j.Title).ToListAsync()).Select(t => ("job title", t)));
        shown.AddRange((await context.Offers.Select(o => o.Title).ToListAsync()).Select(t => ("offer title", t)));
        shown.AddRange((await context.OnboardingTasks.Select(o => o.Title).ToListAsync()).Select(t => ("task title", t)));
        shown.AddRange((await context.ProfileSkills.Select(s => s.Name).ToListAsync()).Select(t => ("skill", t)));
        return [.. shown.Where(s => UserText.HasHiddenCharacters(s.Text)).Select(s => $"{s.What} \"{HostileValues.Show(s.Text)}\" keeps a hidden character")];
    }
}
