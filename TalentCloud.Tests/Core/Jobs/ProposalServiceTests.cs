using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Connects;
using TalentCloud.Core.Jobs;
using TalentCloud.Core.Proposals;
using TalentCloud.Core.Seeding;

namespace TalentCloud.Tests.Core.Jobs;

/// <summary>Sending proposals and what they cost: tiers, free cloud proposals, bad input, refunds and races.</summary>
public sealed class ProposalServiceTests : IAsyncLifetime
{
    private JobsTestWorld world = null!;

    public async ValueTask InitializeAsync() => world = await JobsTestWorld.CreateAsync();

    public async ValueTask DisposeAsync() => await world.DisposeAsync();

    private async Task<(TalentCloud.Core.Accounts.Actor Actor, int ProfileId)> TalentAsync(string email)
    {
        var actor = await world.ActorAsync(email);
        return (actor, actor.ProfileIds[0]);
    }

    [Fact]
    public async Task A_cloud_job_proposal_costs_nothing()
    {
        var (fiona, profile) = await TalentAsync(DemoWorld.FionaEmail);
        var before = await world.LedgerSumAsync(profile);

        var result = await world.Proposals.SubmitAsync(fiona, new ProposalDraft(await world.JobIdAsync(DemoWorld.AcmeKotlinCloudJob), profile, "Kotlin is my daily language.", 95));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.Equal(before, await world.LedgerSumAsync(profile));
        Assert.Equal(before, await world.Connects.GetMyBalanceAsync(fiona));
        var mine = await world.Proposals.GetMineForJobAsync(fiona, await world.JobIdAsync(DemoWorld.AcmeKotlinCloudJob));
        Assert.Equal(0, mine!.ConnectsSpent);
    }

    [Theory]
    [InlineData(BudgetType.Hourly, 5, 2)]
    [InlineData(BudgetType.Hourly, 29, 2)]
    [InlineData(BudgetType.Hourly, 30, 4)]
    [InlineData(BudgetType.Hourly, 79, 4)]
    [InlineData(BudgetType.Hourly, 80, 6)]
    [InlineData(BudgetType.Fixed, 499, 2)]
    [InlineData(BudgetType.Fixed, 500, 4)]
    [InlineData(BudgetType.Fixed, 4_999, 4)]
    [InlineData(BudgetType.Fixed, 5_000, 6)]
    [InlineData(BudgetType.Fixed, 1_000_000, 6)]
    public async Task A_public_job_proposal_costs_its_budget_tier(BudgetType type, int budget, int expectedCost)
    {
        var jobId = await world.PostPublicJobAsync(DemoWorld.CarlEmail, DemoWorld.Initech, "Tier test", type, budget);
        var (omar, profile) = await TalentAsync(DemoWorld.OmarEmail);
        var before = await world.LedgerSumAsync(profile);

        var result = await world.Proposals.SubmitAsync(omar, new ProposalDraft(jobId, profile, "I can do it.", 20));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.Equal(before - expectedCost, await world.LedgerSumAsync(profile));
        Assert.Equal(expectedCost, (await world.Jobs.GetAsync(omar, jobId))!.ConnectsCost);
    }

    [Fact]
    public async Task Ledger_rows_add_up_to_the_balance_through_grant_spend_and_refund()
    {
        var (fiona, profile) = await TalentAsync(DemoWorld.FionaEmail);
        var admin = await world.ActorAsync(DemoWorld.AdminEmail);
        Assert.Equal(10, await world.Connects.GetMyBalanceAsync(fiona)); // the welcome grant; her demo proposal was free

        Assert.True((await world.Connects.GrantAsync(admin, DemoWorld.FionaHandle, 7, "Support goodwill")).Succeeded);
        var six = await world.PostPublicJobAsync(DemoWorld.CarlEmail, DemoWorld.Initech, "Large job", BudgetType.Fixed, 9_000);
        var four = await world.PostPublicJobAsync(DemoWorld.CarlEmail, DemoWorld.Initech, "Medium job", BudgetType.Hourly, 40);
        Assert.True((await world.Proposals.SubmitAsync(fiona, new ProposalDraft(six, profile, "Hello", 8_000))).Succeeded);
        Assert.True((await world.Proposals.SubmitAsync(fiona, new ProposalDraft(four, profile, "Hello", 40))).Succeeded);
        Assert.Equal(10 + 7 - 6 - 4, await world.Connects.GetMyBalanceAsync(fiona));

        Assert.True((await world.Jobs.CloseAsync(await world.ActorAsync(DemoWorld.CarlEmail), six)).Succeeded);

        var account = await world.Connects.GetAccountAsync(fiona, profile);
        Assert.Equal(10 + 7 - 6 - 4 + 6, account!.Balance);
        Assert.Equal(await world.LedgerSumAsync(profile), account.Balance);
        Assert.Equal([ConnectsEntryKind.Refund, ConnectsEntryKind.Spend, ConnectsEntryKind.Spend, ConnectsEntryKind.Grant, ConnectsEntryKind.Grant],
            account.Rows.Select(r => r.Kind));
        Assert.Equal([13, 7, 11, 17, 10], account.Rows.Select(r => r.Balance));
        Assert.All(account.Rows, r => Assert.False(string.IsNullOrWhiteSpace(r.Reason)));
    }

    [Fact]
    public async Task Too_few_connects_refuses_with_a_message_and_charges_nothing()
    {
        var (omar, profile) = await TalentAsync(DemoWorld.OmarEmail);
        var balance = await world.LedgerSumAsync(profile);
        Assert.Equal(6, balance); // 10 minus the demo proposal to Initech's API job
        var first = await world.PostPublicJobAsync(DemoWorld.CarlEmail, DemoWorld.Initech, "Big one", BudgetType.Fixed, 10_000);
        var second = await world.PostPublicJobAsync(DemoWorld.CarlEmail, DemoWorld.Initech, "Big two", BudgetType.Fixed, 10_000);
        Assert.True((await world.Proposals.SubmitAsync(omar, new ProposalDraft(first, profile, "Yes", 9_000))).Succeeded);
        var before = await world.CountsAsync();

        var refused = await world.Proposals.SubmitAsync(omar, new ProposalDraft(second, profile, "Yes", 9_000));

        Assert.False(refused.Succeeded);
        Assert.Equal([ConnectsErrors.NotEnough(6, 0)], refused.Errors);
        Assert.Contains("Not enough Connects", refused.Errors[0], StringComparison.Ordinal);
        Assert.Equal(0, await world.LedgerSumAsync(profile));
        Assert.Equal(before, await world.CountsAsync());
    }

    public static TheoryData<string?, int, string> BadInput() => new()
    {
        { "", 50, ProposalErrors.CoverLetterRequired },
        { "   \n ", 50, ProposalErrors.CoverLetterRequired },
        { null, 50, ProposalErrors.CoverLetterRequired },
        { new string('x', 5001), 50, ProposalErrors.CoverLetterTooLong },
        { "Fine", 0, ProposalErrors.BidOutOfRange(BudgetType.Hourly) },
        { "Fine", -40, ProposalErrors.BidOutOfRange(BudgetType.Hourly) },
        { "Fine", 1001, ProposalErrors.BidOutOfRange(BudgetType.Hourly) },
        { "Fine", int.MaxValue, ProposalErrors.BidOutOfRange(BudgetType.Hourly) },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_gets_a_clear_message_and_changes_nothing(string? coverLetter, int bid, string expected)
    {
        var (omar, profile) = await TalentAsync(DemoWorld.OmarEmail);
        var jobId = await world.JobIdAsync(DemoWorld.AcmeIosJob);
        var before = await world.CountsAsync();
        var balance = await world.LedgerSumAsync(profile);

        var result = await world.Proposals.SubmitAsync(omar, new ProposalDraft(jobId, profile, coverLetter, bid));

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Errors);
        Assert.Equal(before, await world.CountsAsync());
        Assert.Equal(balance, await world.LedgerSumAsync(profile));
    }

    [Fact]
    public async Task An_absurd_fixed_bid_is_refused()
    {
        var (omar, profile) = await TalentAsync(DemoWorld.OmarEmail);
        var result = await world.Proposals.SubmitAsync(omar, new ProposalDraft(await world.JobIdAsync(DemoWorld.GlobexUxJob), profile, "Hi", 1_000_001));
        Assert.Equal([ProposalErrors.BidOutOfRange(BudgetType.Fixed)], result.Errors);
    }

    [Fact]
    public async Task A_second_proposal_to_the_same_job_is_refused_and_not_charged()
    {
        var (omar, profile) = await TalentAsync(DemoWorld.OmarEmail);
        var jobId = await world.JobIdAsync(DemoWorld.InitechApiJob); // omar applied in the demo world
        var before = await world.CountsAsync();

        var result = await world.Proposals.SubmitAsync(omar, new ProposalDraft(jobId, profile, "Again", 60));

        Assert.Equal([ProposalErrors.Duplicate], result.Errors);
        Assert.Equal(before, await world.CountsAsync());
    }

    [Fact]
    public async Task A_proposal_to_a_closed_job_is_refused()
    {
        var carl = await world.ActorAsync(DemoWorld.CarlEmail);
        var jobId = await world.PostPublicJobAsync(DemoWorld.CarlEmail, DemoWorld.Initech, "Short-lived", BudgetType.Hourly, 50);
        Assert.True((await world.Jobs.CloseAsync(carl, jobId)).Succeeded);
        var (omar, profile) = await TalentAsync(DemoWorld.OmarEmail);
        var before = await world.CountsAsync();

        var result = await world.Proposals.SubmitAsync(omar, new ProposalDraft(jobId, profile, "Hi", 50));

        Assert.Equal([ProposalErrors.JobClosed], result.Errors);
        Assert.Equal(before, await world.CountsAsync());
    }

    [Fact]
    public async Task Unknown_jobs_and_someone_elses_profile_are_refused()
    {
        var (omar, profile) = await TalentAsync(DemoWorld.OmarEmail);
        var fionaProfile = await world.ProfileIdAsync(DemoWorld.FionaHandle);
        var jobId = await world.JobIdAsync(DemoWorld.AcmeIosJob);

        Assert.Equal([JobErrors.NotFound], (await world.Proposals.SubmitAsync(omar, new ProposalDraft(999_999, profile, "Hi", 50))).Errors);
        Assert.Equal([ProposalErrors.NotYourProfile], (await world.Proposals.SubmitAsync(omar, new ProposalDraft(jobId, fionaProfile, "Hi", 50))).Errors);
        Assert.Equal([ProposalErrors.NotYourProfile],
            (await world.Proposals.SubmitAsync(await world.ActorAsync(DemoWorld.CarlEmail), new ProposalDraft(jobId, profile, "Hi", 50))).Errors);
    }

    [Fact]
    public async Task Thirty_concurrent_submits_create_one_proposal_and_one_charge()
    {
        var (fiona, profile) = await TalentAsync(DemoWorld.FionaEmail);
        var jobId = await world.JobIdAsync(DemoWorld.AcmeIosJob); // hourly $90: 6 Connects
        var before = await world.LedgerSumAsync(profile);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ =>
            Task.Run(() => world.Proposals.SubmitAsync(fiona, new ProposalDraft(jobId, profile, "Same click, many times", 90)))));

        Assert.Single(attempts, r => r.Succeeded);
        Assert.All(attempts.Where(r => !r.Succeeded), r => Assert.Equal([ProposalErrors.Duplicate], r.Errors));
        await using var context = world.Db.CreateDbContext();
        Assert.Equal(1, await context.Proposals.CountAsync(p => p.JobId == jobId && p.ProfileId == profile));
        Assert.Equal(1, await context.ConnectsEntries.CountAsync(e => e.ProfileId == profile && e.Kind == ConnectsEntryKind.Spend));
        Assert.Equal(before - 6, await world.LedgerSumAsync(profile));
    }

    [Fact]
    public async Task Concurrent_submits_to_different_jobs_never_take_the_balance_below_zero()
    {
        var (fiona, profile) = await TalentAsync(DemoWorld.FionaEmail); // 10 Connects
        var jobs = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            jobs.Add(await world.PostPublicJobAsync(DemoWorld.CarlEmail, DemoWorld.Initech, $"Race {i}", BudgetType.Hourly, 50)); // 4 each
        }

        var attempts = await Task.WhenAll(jobs.Select(jobId =>
            Task.Run(() => world.Proposals.SubmitAsync(fiona, new ProposalDraft(jobId, profile, "Racing", 50)))));

        Assert.Equal(2, attempts.Count(r => r.Succeeded));
        Assert.All(attempts.Where(r => !r.Succeeded), r => Assert.StartsWith("Not enough Connects", r.Errors[0], StringComparison.Ordinal));
        Assert.Equal(2, await world.LedgerSumAsync(profile));
    }

    [Fact]
    public async Task Withdrawing_does_not_refund_and_closing_later_does_not_either()
    {
        var (omar, profile) = await TalentAsync(DemoWorld.OmarEmail);
        var jobId = await world.PostPublicJobAsync(DemoWorld.CarlEmail, DemoWorld.Initech, "Withdraw me", BudgetType.Hourly, 40);
        var proposalId = (await world.Proposals.SubmitAsync(omar, new ProposalDraft(jobId, profile, "Hi", 40))).Value;
        var afterSpend = await world.LedgerSumAsync(profile);

        Assert.True((await world.Proposals.WithdrawAsync(omar, proposalId)).Succeeded);
        Assert.Equal(afterSpend, await world.LedgerSumAsync(profile));
        Assert.Equal([ProposalErrors.NotSubmitted], (await world.Proposals.WithdrawAsync(omar, proposalId)).Errors);

        Assert.True((await world.Jobs.CloseAsync(await world.ActorAsync(DemoWorld.CarlEmail), jobId)).Succeeded);
        Assert.Equal(afterSpend, await world.LedgerSumAsync(profile));
        Assert.Equal(ProposalStatus.Withdrawn, (await world.Proposals.ListMineAsync(omar)).Single(p => p.Id == proposalId).Status);
    }

    [Fact]
    public async Task Only_the_sender_can_withdraw()
    {
        var (omar, profile) = await TalentAsync(DemoWorld.OmarEmail);
        var jobId = await world.JobIdAsync(DemoWorld.AcmeIosJob);
        var proposalId = (await world.Proposals.SubmitAsync(omar, new ProposalDraft(jobId, profile, "Hi", 80))).Value;

        Assert.Equal([ProposalErrors.NotFound], (await world.Proposals.WithdrawAsync(await world.ActorAsync(DemoWorld.FionaEmail), proposalId)).Errors);
        Assert.Equal([ProposalErrors.NotFound], (await world.Proposals.WithdrawAsync(await world.ActorAsync(DemoWorld.MariaEmail), proposalId)).Errors);
        Assert.Equal(ProposalStatus.Submitted, (await world.Proposals.GetMineForJobAsync(omar, jobId))!.Status);
    }

    [Fact]
    public async Task Closing_without_a_hire_refunds_submitted_and_declined_proposals_once()
    {
        var carl = await world.ActorAsync(DemoWorld.CarlEmail);
        var (omar, omarProfile) = await TalentAsync(DemoWorld.OmarEmail);
        var (lee, leeProfile) = await TalentAsync(DemoWorld.LeeEmail);
        var jobId = await world.PostPublicJobAsync(DemoWorld.CarlEmail, DemoWorld.Initech, "Refund me", BudgetType.Fixed, 6_000);
        var omarBefore = await world.LedgerSumAsync(omarProfile);
        var leeBefore = await world.LedgerSumAsync(leeProfile);
        await world.Proposals.SubmitAsync(omar, new ProposalDraft(jobId, omarProfile, "Hi", 5_000));
        var leeProposal = (await world.Proposals.SubmitAsync(lee, new ProposalDraft(jobId, leeProfile, "Hi", 5_500))).Value;
        Assert.True((await world.Proposals.DeclineAsync(carl, leeProposal)).Succeeded);

        Assert.True((await world.Jobs.CloseAsync(carl, jobId)).Succeeded);

        Assert.Equal(omarBefore, await world.LedgerSumAsync(omarProfile));
        Assert.Equal(leeBefore, await world.LedgerSumAsync(leeProfile));
        Assert.Equal([JobErrors.AlreadyClosed], (await world.Jobs.CloseAsync(carl, jobId)).Errors);
        Assert.Equal(omarBefore, await world.LedgerSumAsync(omarProfile));
        await using var context = world.Db.CreateDbContext();
        Assert.Equal(2, await context.ConnectsEntries.CountAsync(e => e.Kind == ConnectsEntryKind.Refund));
        Assert.True(await context.AuditEntries.AnyAsync(a => a.Action == "job.closed" && a.Outcome.Contains("12 Connects refunded")));
    }

    [Fact]
    public async Task Closing_after_a_hire_refunds_nothing()
    {
        var carl = await world.ActorAsync(DemoWorld.CarlEmail);
        var (omar, omarProfile) = await TalentAsync(DemoWorld.OmarEmail);
        var (lee, leeProfile) = await TalentAsync(DemoWorld.LeeEmail);
        var jobId = await world.PostPublicJobAsync(DemoWorld.CarlEmail, DemoWorld.Initech, "Hire someone", BudgetType.Hourly, 60);
        var omarProposal = (await world.Proposals.SubmitAsync(omar, new ProposalDraft(jobId, omarProfile, "Hi", 55))).Value;
        await world.Proposals.SubmitAsync(lee, new ProposalDraft(jobId, leeProfile, "Hi", 58));
        var omarBefore = await world.LedgerSumAsync(omarProfile);
        var leeBefore = await world.LedgerSumAsync(leeProfile);

        Assert.True((await world.Proposals.HireAsync(carl, omarProposal)).Succeeded);
        Assert.True((await world.Jobs.CloseAsync(carl, jobId)).Succeeded);

        Assert.Equal(omarBefore, await world.LedgerSumAsync(omarProfile));
        Assert.Equal(leeBefore, await world.LedgerSumAsync(leeProfile));
        await using var context = world.Db.CreateDbContext();
        Assert.True(await context.Contracts.AnyAsync(c => c.ProfileId == omarProfile));
    }

    [Fact]
    public async Task Only_the_posting_organisation_decides_and_sees_proposals()
    {
        var omar = await world.ActorAsync(DemoWorld.OmarEmail);
        var jobId = await world.JobIdAsync(DemoWorld.InitechApiJob);
        var proposalId = (await world.Proposals.GetMineForJobAsync(omar, jobId))!.Id;

        foreach (var outsider in new[] { DemoWorld.MariaEmail, DemoWorld.HankEmail, DemoWorld.OmarEmail, DemoWorld.FionaEmail })
        {
            var actor = await world.ActorAsync(outsider);
            Assert.Equal([ProposalErrors.NotFound], (await world.Proposals.DeclineAsync(actor, proposalId)).Errors);
            Assert.Equal([ProposalErrors.NotFound], (await world.Proposals.HireAsync(actor, proposalId)).Errors);
            Assert.Null(await world.Proposals.ListForJobAsync(actor, jobId));
            Assert.Equal([JobErrors.OnlyPosterCloses], (await world.Jobs.CloseAsync(actor, jobId)).Errors);
        }

        var carlView = await world.Proposals.ListForJobAsync(await world.ActorAsync(DemoWorld.CarlEmail), jobId);
        Assert.Equal(["Omar Haddad"], carlView!.Proposals.Select(p => p.DisplayName));
    }

    [Fact]
    public async Task Applicants_memberships_show_only_the_organisations_own_clouds()
    {
        // Fiona (Acme Pro Mobile Developers, Globex Design Collective) applies to a public Acme job and a public Initech job.
        var (fiona, profile) = await TalentAsync(DemoWorld.FionaEmail);
        var acmeJob = await world.JobIdAsync(DemoWorld.AcmeIosJob);
        var initechJob = await world.JobIdAsync(DemoWorld.InitechApiJob);
        Assert.True((await world.Proposals.SubmitAsync(fiona, new ProposalDraft(acmeJob, profile, "Hi", 90))).Succeeded);
        Assert.True((await world.Proposals.SubmitAsync(fiona, new ProposalDraft(initechJob, profile, "Hi", 60))).Succeeded);

        var acme = await world.Proposals.ListForJobAsync(await world.ActorAsync(DemoWorld.RajEmail), acmeJob);
        var fionaAtAcme = acme!.Proposals.Single(p => p.Handle == DemoWorld.FionaHandle);
        Assert.Equal([DemoWorld.AcmeMobile], fionaAtAcme.Memberships.CloudNames);
        Assert.False(fionaAtAcme.Memberships.ShowsMaskedLabel);

        var initech = await world.Proposals.ListForJobAsync(await world.ActorAsync(DemoWorld.CarlEmail), initechJob);
        var fionaAtInitech = initech!.Proposals.Single(p => p.Handle == DemoWorld.FionaHandle);
        Assert.False(fionaAtInitech.Memberships.IsVisible);
    }

    [Fact]
    public async Task Cloud_job_posting_notifies_active_members_in_the_same_unit_of_work()
    {
        var maria = await world.ActorAsync(DemoWorld.MariaEmail);
        var cloudId = await world.CloudIdAsync(DemoWorld.AcmeMobile);
        var result = await world.Jobs.PostAsync(maria, new JobDraft(await world.OrganizationIdAsync(DemoWorld.Acme), cloudId, "Swift UI polish",
            "Polish the SwiftUI screens.", ["Swift"], BudgetType.Hourly, 90, ExperienceLevel.Expert));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));

        await using var context = world.Db.CreateDbContext();
        var told = await (from n in context.Notifications
                          join u in context.Users on n.UserId equals u.Id
                          where n.Link == $"/jobs/{result.Value}"
                          select u.Email).ToListAsync();
        Assert.Contains(DemoWorld.FionaEmail, told);
        Assert.Contains(DemoWorld.NinaEmail, told);
        Assert.DoesNotContain(DemoWorld.LeeEmail, told); // pending
        Assert.DoesNotContain(DemoWorld.OmarEmail, told);
    }
}
