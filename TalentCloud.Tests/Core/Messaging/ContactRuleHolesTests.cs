using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.ContactRules;
using TalentCloud.Core.Help;
using TalentCloud.Core.Profiles;
using TalentCloud.Core.Proposals;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Core.Jobs;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Core.Messaging;

/// <summary>
/// The contact rule where it used to leak: cover letters, requests for contact details, names chosen at registration and
/// profile skills — each refused with the reason, and allowed where the rule allows it.
/// </summary>
public sealed class ContactRuleHolesTests : IAsyncLifetime
{
    private const string LetterWithPhone = "I can start Monday. Call me on +1 415 555 0100 to talk it through.";

    private JobsTestWorld world = null!;

    public async ValueTask InitializeAsync() => world = await JobsTestWorld.CreateAsync();

    public async ValueTask DisposeAsync() => await world.DisposeAsync();

    private static void AssertSaysWhy(string refusal)
    {
        Assert.Contains("scams and fraud", refusal, StringComparison.Ordinal);
        Assert.Contains("verified business with a support relationship", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cover_letter_with_a_phone_number_is_refused_for_initech_and_accepted_for_acme()
    {
        var lee = await world.ActorAsync(DemoWorld.LeeEmail);
        var initechJob = await world.JobIdAsync("Fix a flaky PostgreSQL report");
        var acmeJob = await world.JobIdAsync(DemoWorld.AcmeIosJob);
        var balance = await world.LedgerSumAsync(lee.ProfileIds[0]);
        var before = await world.CountsAsync();

        var refused = await world.Proposals.SubmitAsync(lee, new ProposalDraft(initechJob, lee.ProfileIds[0], LetterWithPhone, 250));

        var refusal = Assert.Single(refused.Errors);
        Assert.StartsWith("Not sent: your cover letter contains a phone number.", refusal, StringComparison.Ordinal);
        Assert.Contains("Initech and Lee Chen", refusal, StringComparison.Ordinal);
        AssertSaysWhy(refusal);
        Assert.Equal(before, await world.CountsAsync());
        Assert.Equal(balance, await world.LedgerSumAsync(lee.ProfileIds[0]));

        var accepted = await world.Proposals.SubmitAsync(lee, new ProposalDraft(acmeJob, lee.ProfileIds[0], LetterWithPhone, 90));
        Assert.True(accepted.Succeeded, string.Join(" ", accepted.Errors));
    }

    [Fact]
    public async Task A_cover_letter_asking_for_contact_details_is_refused_before_a_contract()
    {
        var lee = await world.ActorAsync(DemoWorld.LeeEmail);
        var initechJob = await world.JobIdAsync("Fix a flaky PostgreSQL report");

        var refused = await world.Proposals.SubmitAsync(lee,
            new ProposalDraft(initechJob, lee.ProfileIds[0], "Happy to look at the report. What's your WhatsApp so we can talk faster?", 250));

        Assert.StartsWith("Not sent: your cover letter contains a request to exchange contact details.", Assert.Single(refused.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Carl_asking_omar_for_his_whatsapp_is_refused_while_maria_may_ask_fiona()
    {
        var sender = MessagingTestWorld.Messages(world.Db);
        var initechOmar = await MessagingTestWorld.InitechOmarAsync(world.Db);
        var acmeFiona = await MessagingTestWorld.AcmeFionaAsync(world.Db);
        var messages = await MessagingTestWorld.MessageCountAsync(world.Db, initechOmar);

        var carl = await sender.SendAsync(await world.ActorAsync(DemoWorld.CarlEmail), initechOmar, "what's your WhatsApp?");
        var maria = await sender.SendAsync(await world.ActorAsync(DemoWorld.MariaEmail), acmeFiona, "what's your WhatsApp?");

        var refusal = Assert.Single(carl.Errors);
        Assert.StartsWith("Not sent: your message contains a request to exchange contact details.", refusal, StringComparison.Ordinal);
        AssertSaysWhy(refusal);
        Assert.Equal(messages, await MessagingTestWorld.MessageCountAsync(world.Db, initechOmar));
        Assert.True(maria.Succeeded);
    }

    [Theory]
    [InlineData(AccountKind.Freelancer, "Jo jo@x.io")]
    [InlineData(AccountKind.Agency, "Studio Nine, call 555 0100")]
    [InlineData(AccountKind.Client, "Initech hr@initech.example")]
    public async Task A_name_with_contact_details_is_refused_at_registration_and_nothing_is_created(AccountKind kind, string name)
    {
        await using var services = CoreServices.Build(world.Db);
        await using var scope = services.CreateAsyncScope();
        await using var before = world.Db.CreateDbContext();
        var users = await before.Users.CountAsync();

        var result = await scope.ServiceProvider.GetRequiredService<RegistrationService>()
            .RegisterAsync(new RegistrationRequest("new.person@example.test", "correct horse battery", kind, name));

        Assert.False(result.Succeeded);
        Assert.Contains(PublicTextPolicy.RuleName, Assert.Single(result.Errors), StringComparison.Ordinal);
        Assert.Contains("scams and fraud", result.Errors[0], StringComparison.Ordinal);
        await using var after = world.Db.CreateDbContext();
        Assert.Equal(users, await after.Users.CountAsync());
    }

    [Fact]
    public async Task A_skill_with_a_phone_number_is_refused_and_the_profile_keeps_its_skills()
    {
        var settings = new ProfileSettingsService(world.Db, world.Db.Clock);
        var omar = await world.ActorAsync(DemoWorld.OmarEmail);
        var current = (await settings.GetAsync(omar, omar.ProfileIds[0]))!.Settings;

        var result = await settings.UpdateAsync(omar, omar.ProfileIds[0], current with { Skills = [.. current.Skills, "call 555 0100"] });

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("The skill \"call 555 0100\" contains", error, StringComparison.Ordinal);
        Assert.Equal(current.Skills, (await settings.GetAsync(omar, omar.ProfileIds[0]))!.Settings.Skills);
    }

    [Theory]
    [InlineData(DemoWorld.MariaEmail, DemoWorld.Acme)]
    [InlineData(DemoWorld.CarlEmail, DemoWorld.Initech)]
    public async Task A_job_post_asking_for_contact_details_is_refused_for_every_organisation(string who, string org)
    {
        var result = await world.Jobs.PostAsync(await world.ActorAsync(who), new TalentCloud.Core.Jobs.JobDraft(await world.OrganizationIdAsync(org), null,
            "Mobile tester", "Send me your WhatsApp number to apply, we move fast.", ["Testing"], TalentCloud.Core.Jobs.BudgetType.Hourly, 30,
            TalentCloud.Core.Jobs.ExperienceLevel.Entry));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("The job description contains a request to exchange contact details", error, StringComparison.Ordinal);
        Assert.Contains(PublicTextPolicy.RuleName, error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_help_article_says_why_the_rule_exists_and_why_enterprise_is_the_exception()
    {
        var article = HelpArticles.Find(HelpArticles.EnterpriseCommunication)!;
        var text = string.Join(" ", article.Paragraphs);

        AssertSaysWhy(text);
        Assert.Contains("asking", text, StringComparison.Ordinal);
        Assert.Contains("cover letters", text, StringComparison.Ordinal);
    }
}
