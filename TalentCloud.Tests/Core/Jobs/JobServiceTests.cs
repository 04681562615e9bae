using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Jobs;
using TalentCloud.Core.Organizations;
using TalentCloud.Core.ContactRules;
using TalentCloud.Core.Seeding;

namespace TalentCloud.Tests.Core.Jobs;

/// <summary>Posting and finding jobs: who may post where, the no-contact-details rule, bad input, search, paging, sorting.</summary>
public sealed class JobServiceTests : IAsyncLifetime
{
    private JobsTestWorld world = null!;

    public async ValueTask InitializeAsync() => world = await JobsTestWorld.CreateAsync();

    public async ValueTask DisposeAsync() => await world.DisposeAsync();

    private async Task<JobDraft> DraftAsync(string org, string? cloud = null, string title = "Mobile developer", string description = "Build an app.",
        BudgetType type = BudgetType.Hourly, int budget = 60, string[]? skills = null) =>
        new(await world.OrganizationIdAsync(org), cloud is null ? null : await world.CloudIdAsync(cloud), title, description,
            skills ?? ["Swift"], type, budget, ExperienceLevel.Intermediate);

    [Theory]
    [InlineData(DemoWorld.MariaEmail, DemoWorld.Acme)]
    [InlineData(DemoWorld.RajEmail, DemoWorld.Acme)]
    [InlineData(DemoWorld.HankEmail, DemoWorld.Globex)]
    [InlineData(DemoWorld.CarlEmail, DemoWorld.Initech)]
    public async Task Any_client_organisation_posts_public_jobs(string email, string org)
    {
        var actor = await world.ActorAsync(email);
        var result = await world.Jobs.PostAsync(actor, await DraftAsync(org));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        var job = await world.Jobs.GetAsync(await world.ActorAsync(DemoWorld.OmarEmail), result.Value);
        Assert.Null(job!.CloudId);
        Assert.Equal(JobStatus.Open, job.Status);
    }

    [Fact]
    public async Task Enterprise_organisation_posts_to_its_own_cloud()
    {
        var result = await world.Jobs.PostAsync(await world.ActorAsync(DemoWorld.RajEmail), await DraftAsync(DemoWorld.Acme, DemoWorld.AcmeData));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.Null(await world.Jobs.GetAsync(await world.ActorAsync(DemoWorld.FionaEmail), result.Value));
        Assert.Equal(DemoWorld.AcmeData, (await world.Jobs.GetAsync(await world.ActorAsync(DemoWorld.LeeEmail), result.Value))!.CloudName);
    }

    [Fact]
    public async Task No_one_posts_to_another_organisations_cloud()
    {
        var before = await world.CountsAsync();
        var result = await world.Jobs.PostAsync(await world.ActorAsync(DemoWorld.HankEmail), await DraftAsync(DemoWorld.Globex, DemoWorld.AcmeMobile));
        Assert.Equal([JobErrors.NotYourCloud], result.Errors);
        Assert.Equal(before, await world.CountsAsync());
    }

    [Fact]
    public async Task An_organisation_without_enterprise_cannot_post_to_a_cloud()
    {
        var result = await world.Jobs.PostAsync(await world.ActorAsync(DemoWorld.CarlEmail), await DraftAsync(DemoWorld.Initech, DemoWorld.AcmeMobile));
        Assert.Equal([JobErrors.CloudNeedsEnterprise], result.Errors);
    }

    [Fact]
    public async Task An_organisation_whose_subscription_lapsed_cannot_post_to_its_cloud()
    {
        await using (var context = world.Db.CreateDbContext())
        {
            await context.Organizations.Where(o => o.Name == DemoWorld.Acme).ExecuteUpdateAsync(s => s.SetProperty(o => o.HasEnterpriseSubscription, false));
        }

        var result = await world.Jobs.PostAsync(await world.ActorAsync(DemoWorld.MariaEmail), await DraftAsync(DemoWorld.Acme, DemoWorld.AcmeMobile));
        Assert.StartsWith("Acme Corp's Enterprise subscription is not active", Assert.Single(result.Errors), StringComparison.Ordinal);
        Assert.Contains(SubscriptionErrors.NoCloudJobs, result.Errors[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoWorld.FionaEmail, DemoWorld.Acme)]
    [InlineData(DemoWorld.CarlEmail, DemoWorld.Acme)]
    [InlineData(DemoWorld.AdminEmail, DemoWorld.Initech)]
    public async Task Nobody_posts_for_an_organisation_they_do_not_belong_to(string email, string org)
    {
        var result = await world.Jobs.PostAsync(await world.ActorAsync(email), await DraftAsync(org));
        Assert.Equal([JobErrors.NotYourOrganization], result.Errors);
    }

    [Theory]
    [InlineData(DemoWorld.MariaEmail, DemoWorld.Acme, "Write to jobs@acme-hiring.com for details.", "an e-mail address")]
    [InlineData(DemoWorld.CarlEmail, DemoWorld.Initech, "Write to jobs@acme-hiring.com for details.", "an e-mail address")]
    [InlineData(DemoWorld.MariaEmail, DemoWorld.Acme, "Call +44 20 7946 0958 to talk it through.", "a phone number")]
    [InlineData(DemoWorld.CarlEmail, DemoWorld.Initech, "Call +44 20 7946 0958 to talk it through.", "a phone number")]
    public async Task A_description_with_contact_details_is_rejected_for_every_organisation(string email, string org, string description, string found)
    {
        var before = await world.CountsAsync();
        var result = await world.Jobs.PostAsync(await world.ActorAsync(email), await DraftAsync(org, description: description));

        Assert.False(result.Succeeded);
        var message = Assert.Single(result.Errors);
        Assert.Contains(PublicTextPolicy.RuleName, message, StringComparison.Ordinal);
        Assert.Contains("The job description contains " + found, message, StringComparison.Ordinal);
        Assert.Contains("Enterprise included", message, StringComparison.Ordinal);
        Assert.Equal(before, await world.CountsAsync());
    }

    [Theory]
    [InlineData(DemoWorld.MariaEmail, DemoWorld.Acme, "Portfolio reviews at https://acme-careers.example.com/apply please.")]
    [InlineData(DemoWorld.MariaEmail, DemoWorld.Acme, "Ping me on Telegram: @maria_hires")]
    [InlineData(DemoWorld.CarlEmail, DemoWorld.Initech, "Write to carl at initech dot com")]
    [InlineData(DemoWorld.CarlEmail, DemoWorld.Initech, "Add me on Skype: carl.initech.hiring")]
    public async Task Links_messenger_handles_and_disguised_addresses_are_rejected_too(string email, string org, string description)
    {
        var result = await world.Jobs.PostAsync(await world.ActorAsync(email), await DraftAsync(org, description: description));
        Assert.Contains(PublicTextPolicy.RuleName, Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ordinary_job_texts_with_numbers_and_dotted_names_pass()
    {
        var result = await world.Jobs.PostAsync(await world.ActorAsync(DemoWorld.CarlEmail), await DraftAsync(DemoWorld.Initech,
            title: "ASP.NET Core 10 upgrade", description: "Upgrade from .NET 8 to 10 by 15 Dec 2026; budget $4,500; about 120 hours.",
            skills: ["C#", ".NET", "Node.js"]));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
    }

    [Fact]
    public async Task A_title_with_an_email_address_is_rejected_too()
    {
        var result = await world.Jobs.PostAsync(await world.ActorAsync(DemoWorld.HankEmail),
            await DraftAsync(DemoWorld.Globex, DemoWorld.GlobexDesign, title: "Designer, mail hank@globex-design.com"));
        Assert.Contains(result.Errors, e => e.StartsWith("The job title contains an e-mail address", StringComparison.Ordinal));
    }

    public static TheoryData<string, BudgetType, int, string[], string> BadDrafts() => new()
    {
        { "", BudgetType.Hourly, 50, ["Swift"], JobErrors.TitleRequired },
        { new string('t', Job.TitleMaxLength + 1), BudgetType.Hourly, 50, ["Swift"], JobErrors.TitleTooLong },
        { "Ok", BudgetType.Hourly, 0, ["Swift"], JobErrors.BudgetOutOfRange(BudgetType.Hourly) },
        { "Ok", BudgetType.Hourly, -5, ["Swift"], JobErrors.BudgetOutOfRange(BudgetType.Hourly) },
        { "Ok", BudgetType.Hourly, 5_000, ["Swift"], JobErrors.BudgetOutOfRange(BudgetType.Hourly) },
        { "Ok", BudgetType.Fixed, 2_000_000, ["Swift"], JobErrors.BudgetOutOfRange(BudgetType.Fixed) },
        { "Ok", (BudgetType)9, 50, ["Swift"], JobErrors.ChooseBudgetType },
        { "Ok", BudgetType.Fixed, 500, [.. Enumerable.Range(1, 11).Select(i => $"Skill {i}")], JobErrors.TooManySkills },
        { "Ok", BudgetType.Fixed, 500, [new string('s', 41)], JobErrors.SkillTooLong(40) },
    };

    [Theory]
    [MemberData(nameof(BadDrafts))]
    public async Task Bad_job_input_gets_a_clear_message_and_posts_nothing(string title, BudgetType type, int budget, string[] skills, string expected)
    {
        var before = await world.CountsAsync();
        await using var context = world.Db.CreateDbContext();
        var jobsBefore = await context.Jobs.CountAsync();

        var result = await world.Jobs.PostAsync(await world.ActorAsync(DemoWorld.CarlEmail),
            await DraftAsync(DemoWorld.Initech, title: title, type: type, budget: budget, skills: skills));

        Assert.Contains(expected, result.Errors);
        Assert.Equal(jobsBefore, await context.Jobs.CountAsync());
        Assert.Equal(before, await world.CountsAsync());
    }

    [Fact]
    public async Task Empty_and_over_long_descriptions_are_refused()
    {
        var carl = await world.ActorAsync(DemoWorld.CarlEmail);
        Assert.Contains(JobErrors.DescriptionRequired, (await world.Jobs.PostAsync(carl, await DraftAsync(DemoWorld.Initech, description: "  "))).Errors);
        Assert.Contains(JobErrors.DescriptionTooLong,
            (await world.Jobs.PostAsync(carl, await DraftAsync(DemoWorld.Initech, description: new string('d', Job.DescriptionMaxLength + 1)))).Errors);
    }

    [Fact]
    public async Task Enterprise_badge_follows_the_active_subscription()
    {
        var omar = await world.ActorAsync(DemoWorld.OmarEmail);
        Assert.True((await world.Jobs.GetAsync(omar, await world.JobIdAsync(DemoWorld.AcmeIosJob)))!.ShowsEnterpriseBadge);
        Assert.True((await world.Jobs.GetAsync(omar, await world.JobIdAsync(DemoWorld.GlobexUxJob)))!.ShowsEnterpriseBadge);
        Assert.False((await world.Jobs.GetAsync(omar, await world.JobIdAsync(DemoWorld.InitechApiJob)))!.ShowsEnterpriseBadge);
        var list = await world.Jobs.SearchPublicAsync(omar, new JobQuery(Page: 1));
        Assert.All(list.Items, j => Assert.Equal(j.OrganizationName != DemoWorld.Initech, j.ShowsEnterpriseBadge));

        await using (var context = world.Db.CreateDbContext())
        {
            await context.Organizations.Where(o => o.Name == DemoWorld.Acme).ExecuteUpdateAsync(s => s.SetProperty(o => o.HasEnterpriseSubscription, false));
        }

        Assert.False((await world.Jobs.GetAsync(omar, await world.JobIdAsync(DemoWorld.AcmeIosJob)))!.ShowsEnterpriseBadge);
    }

    [Fact]
    public async Task Search_finds_by_keyword_in_title_description_or_skill_and_by_skill()
    {
        var visitor = await world.ActorAsync(TalentCloud.Tests.Support.DemoVisibility.Visitor);
        var byTitle = await world.Jobs.SearchPublicAsync(visitor, new JobQuery(Keyword: "iOS developer"));
        Assert.Equal([DemoWorld.AcmeIosJob], byTitle.Items.Select(j => j.Title));

        var byDescription = await world.Jobs.SearchPublicAsync(visitor, new JobQuery(Keyword: "turbine"));
        Assert.Equal([DemoWorld.GlobexUxJob], byDescription.Items.Select(j => j.Title));

        var bySkill = await world.Jobs.SearchPublicAsync(visitor, new JobQuery(Skill: "sql"));
        Assert.Equal(3, bySkill.TotalCount);
        Assert.All(bySkill.Items, j => Assert.Contains("SQL", j.Skills));

        var nothing = await world.Jobs.SearchPublicAsync(visitor, new JobQuery(Keyword: "100%_\\"));
        Assert.Equal(0, nothing.TotalCount);
    }

    [Fact]
    public async Task Paging_and_sorting_cover_every_job_once()
    {
        var visitor = TalentCloud.Core.Accounts.Actor.Visitor;
        var first = await world.Jobs.SearchPublicAsync(visitor, new JobQuery(Sort: JobSort.BudgetHighest, Page: 1));
        var second = await world.Jobs.SearchPublicAsync(visitor, new JobQuery(Sort: JobSort.BudgetHighest, Page: 2));
        var beyond = await world.Jobs.SearchPublicAsync(visitor, new JobQuery(Sort: JobSort.BudgetHighest, Page: 99));

        Assert.Equal(14, first.TotalCount);
        Assert.Equal(2, first.PageCount);
        Assert.Equal(10, first.Items.Count);
        Assert.Equal(4, second.Items.Count);
        Assert.Equal(2, beyond.Page);
        var budgets = first.Items.Concat(second.Items).Select(j => j.Budget).ToList();
        Assert.Equal(budgets.OrderDescending(), budgets);
        Assert.Equal(14, first.Items.Concat(second.Items).Select(j => j.Id).Distinct().Count());

        var newest = await world.Jobs.SearchPublicAsync(visitor, new JobQuery(Sort: JobSort.Newest));
        Assert.Equal(newest.Items.Select(j => j.PostedAt).OrderDescending(), newest.Items.Select(j => j.PostedAt));
        var oldest = await world.Jobs.SearchPublicAsync(visitor, new JobQuery(Sort: JobSort.Oldest, Page: -3));
        Assert.Equal(1, oldest.Page);
        Assert.Equal(oldest.Items.Select(j => j.PostedAt).Order(), oldest.Items.Select(j => j.PostedAt));
    }

    [Fact]
    public async Task Closed_jobs_leave_the_public_list_but_keep_their_page()
    {
        var carl = await world.ActorAsync(DemoWorld.CarlEmail);
        var jobId = await world.JobIdAsync(DemoWorld.InitechApiJob);
        Assert.True((await world.Jobs.CloseAsync(carl, jobId)).Succeeded);

        var list = await world.Jobs.SearchPublicAsync(TalentCloud.Core.Accounts.Actor.Visitor, new JobQuery());
        Assert.Equal(13, list.TotalCount);
        Assert.Equal(JobStatus.Closed, (await world.Jobs.GetAsync(TalentCloud.Core.Accounts.Actor.Visitor, jobId))!.Status);
        await using var context = world.Db.CreateDbContext();
        Assert.True(await context.AuditEntries.AnyAsync(a => a.Action == "job.closed"));
    }

    [Fact]
    public async Task Posting_options_offer_clouds_only_to_enterprise_organisations()
    {
        var acme = await world.Jobs.GetPostingOptionsAsync(await world.ActorAsync(DemoWorld.RajEmail));
        Assert.Equal([DemoWorld.AcmeData, DemoWorld.AcmeMobile], acme!.Clouds.Select(c => c.Name));
        var initech = await world.Jobs.GetPostingOptionsAsync(await world.ActorAsync(DemoWorld.CarlEmail));
        Assert.Empty(initech!.Clouds);
        Assert.False(initech.IsEnterprise);
        Assert.Null(await world.Jobs.GetPostingOptionsAsync(await world.ActorAsync(DemoWorld.FionaEmail)));
    }

    [Fact]
    public async Task Organisation_description_follows_the_rule_and_only_owners_edit_it()
    {
        var service = new OrganizationProfileService(world.Db, world.Db.Clock);
        var acmeId = await world.OrganizationIdAsync(DemoWorld.Acme);
        var initechId = await world.OrganizationIdAsync(DemoWorld.Initech);

        var acmeMail = await service.UpdateDescriptionAsync(await world.ActorAsync(DemoWorld.MariaEmail), acmeId, "Reach us at talent@acme-hiring.com");
        Assert.Contains(PublicTextPolicy.RuleName, Assert.Single(acmeMail.Errors), StringComparison.Ordinal);
        var initechPhone = await service.UpdateDescriptionAsync(await world.ActorAsync(DemoWorld.CarlEmail), initechId, "Call +1 415 555 0100");
        Assert.Contains("a phone number", Assert.Single(initechPhone.Errors), StringComparison.Ordinal);
        Assert.Equal([OrganizationProfileService.NotOwner],
            (await service.UpdateDescriptionAsync(await world.ActorAsync(DemoWorld.RajEmail), acmeId, "Fine text")).Errors);
        Assert.Equal([OrganizationProfileService.NotOwner],
            (await service.UpdateDescriptionAsync(await world.ActorAsync(DemoWorld.CarlEmail), acmeId, "Fine text")).Errors);
        Assert.False((await service.UpdateDescriptionAsync(await world.ActorAsync(DemoWorld.MariaEmail), acmeId, new string('x', 2001))).Succeeded);

        Assert.True((await service.UpdateDescriptionAsync(await world.ActorAsync(DemoWorld.MariaEmail), acmeId, "Apps for millions.")).Succeeded);
        Assert.Equal("Apps for millions.", (await service.GetOwnAsync(await world.ActorAsync(DemoWorld.MariaEmail)))!.Description);
    }
}

/// <summary>The demo world's own public texts obey the rule the services enforce.</summary>
public sealed class DemoJobTextsTests
{
    [Fact]
    public async Task Every_seeded_job_and_organisation_text_is_free_of_contact_details()
    {
        await using var db = await TalentCloud.Tests.Support.TestDatabase.CreateWithDemoWorldAsync(generatedProfiles: 0);
        await using var context = db.CreateDbContext();
        var jobs = await context.Jobs.Include(j => j.Skills).ToListAsync();
        Assert.Equal(17, jobs.Count);
        foreach (var job in jobs)
        {
            Assert.True(PublicTextPolicy.Check(job.Title, job.Title).Succeeded);
            Assert.True(PublicTextPolicy.Check(job.Description, job.Title).Succeeded);
            Assert.All(job.Skills, s => Assert.True(PublicTextPolicy.Check(s.Name, job.Title).Succeeded));
        }

        foreach (var org in await context.Organizations.ToListAsync())
        {
            Assert.True(PublicTextPolicy.Check(org.Description, org.Name).Succeeded);
        }
    }
}
