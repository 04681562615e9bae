using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Common;
using TalentCloud.Core.Connects;
using TalentCloud.Core.Jobs;
using TalentCloud.Core.Proposals;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Core.Jobs;

/// <summary>"My Talent Cloud first, then public after N days": exclusive until the injected clock passes the opening time.</summary>
public sealed class CloudFirstJobTests : IAsyncLifetime
{
    private const string Title = "Push notification audit for Acme Go";

    private JobsTestWorld world = null!;

    public async ValueTask InitializeAsync() => world = await JobsTestWorld.CreateAsync();

    public async ValueTask DisposeAsync() => await world.DisposeAsync();

    private async Task<Result<int>> PostAsync(string? cloud, int? days, string who = DemoWorld.MariaEmail, string org = DemoWorld.Acme)
    {
        return await world.Jobs.PostAsync(await world.ActorAsync(who), new JobDraft(await world.OrganizationIdAsync(org),
            cloud is null ? null : await world.CloudIdAsync(cloud), Title, "Check how the Acme Go app asks for and uses push permission.",
            ["Mobile"], BudgetType.Hourly, 25, ExperienceLevel.Intermediate, days));
    }

    [Fact]
    public async Task Omar_gets_nothing_before_three_days_then_finds_it_and_pays_the_normal_tier_while_fiona_pays_nothing()
    {
        var posted = await PostAsync(DemoWorld.AcmeMobile, 3);
        Assert.True(posted.Succeeded, string.Join(" ", posted.Errors));
        var jobId = posted.Value;
        var omar = await world.ActorAsync(DemoWorld.OmarEmail);
        var fiona = await world.ActorAsync(DemoWorld.FionaEmail);
        var tier = ConnectsPricing.PublicJobCost(BudgetType.Hourly, 25);

        Assert.Null(await world.Jobs.GetAsync(omar, jobId));
        Assert.DoesNotContain((await world.Jobs.SearchPublicAsync(omar, new JobQuery(Keyword: "push permission"))).Items, j => j.Id == jobId);
        Assert.Equal([JobErrors.NotFound], (await world.Proposals.SubmitAsync(omar, new ProposalDraft(jobId, omar.ProfileIds[0], "Keen to help.", 40))).Errors);
        var early = await world.Jobs.GetAsync(fiona, jobId);
        Assert.Equal((JobAudience.CloudFirst, 0, true, DemoWorld.AcmeMobile), (early!.Audience, early.ConnectsCost, early.PostedToYourCloudFirst, early.CloudName));

        world.Db.Clock.Advance(TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1));
        Assert.Null(await world.Jobs.GetAsync(omar, jobId));
        world.Db.Clock.Advance(TimeSpan.FromMinutes(1));

        var opened = await world.Jobs.GetAsync(omar, jobId);
        Assert.NotNull(opened);
        Assert.Equal((JobAudience.Public, tier, false, null, null), (opened.Audience, opened.ConnectsCost, opened.PostedToYourCloudFirst, opened.CloudName, opened.CloudId));
        var listed = Assert.Single((await world.Jobs.SearchPublicAsync(omar, new JobQuery(Keyword: "push permission"))).Items);
        Assert.Equal((jobId, (string?)null, tier), (listed.Id, listed.CloudName, listed.ConnectsCost));
        Assert.Contains((await world.Jobs.SearchPublicAsync(Actor.Visitor, new JobQuery(Skill: "Mobile"))).Items, j => j.Id == jobId);

        var omarBefore = await world.LedgerSumAsync(omar.ProfileIds[0]);
        var fionaBefore = await world.LedgerSumAsync(fiona.ProfileIds[0]);
        Assert.True((await world.Proposals.SubmitAsync(omar, new ProposalDraft(jobId, omar.ProfileIds[0], "Keen to help.", 40))).Succeeded);
        Assert.True((await world.Proposals.SubmitAsync(fiona, new ProposalDraft(jobId, fiona.ProfileIds[0], "I built Acme Go's push flow.", 80))).Succeeded);
        Assert.Equal(omarBefore - tier, await world.LedgerSumAsync(omar.ProfileIds[0]));
        Assert.Equal(fionaBefore, await world.LedgerSumAsync(fiona.ProfileIds[0]));

        var forFiona = await world.Jobs.GetAsync(fiona, jobId);
        Assert.Equal((JobAudience.CloudFirstOpened, 0, true), (forFiona!.Audience, forFiona.ConnectsCost, forFiona.PostedToYourCloudFirst));
        Assert.Null((await world.Proposals.ListMineAsync(omar)).Single(p => p.JobId == jobId).CloudName);
        Assert.Equal(DemoWorld.AcmeMobile, (await world.Proposals.ListMineAsync(fiona)).Single(p => p.JobId == jobId).CloudName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(-2)]
    public async Task Days_outside_one_to_thirty_are_refused_with_the_range(int days)
    {
        var (proposalsBefore, _, auditBefore) = await world.CountsAsync();

        var result = await PostAsync(DemoWorld.AcmeMobile, days);

        Assert.Equal([JobErrors.CloudFirstDaysOutOfRange], result.Errors);
        Assert.Contains("between 1 and 30 days", result.Errors[0], StringComparison.Ordinal);
        await using var context = world.Db.CreateDbContext();
        Assert.False(await context.Jobs.AnyAsync(j => j.Title == Title));
        Assert.Equal(auditBefore, (await world.CountsAsync()).AuditRows);
        Assert.Equal(proposalsBefore, (await world.CountsAsync()).Proposals);
    }

    [Fact]
    public async Task A_public_job_cannot_be_cloud_first()
    {
        var result = await PostAsync(null, 3);

        Assert.Equal([JobErrors.CloudFirstNeedsCloud], result.Errors);
    }

    [Fact]
    public async Task The_audience_only_widens_never_back_to_the_cloud()
    {
        var maria = await world.ActorAsync(DemoWorld.MariaEmail);
        var omar = await world.ActorAsync(DemoWorld.OmarEmail);
        var jobId = (await PostAsync(DemoWorld.AcmeMobile, null)).Value;
        Assert.Equal(JobAudience.CloudOnly, (await world.Jobs.GetAsync(maria, jobId))!.Audience);
        Assert.True((await world.Jobs.GetAsync(maria, jobId))!.CanOpenToPublic);

        Assert.True((await world.Jobs.OpenToPublicAsync(maria, jobId, afterDays: 10)).Succeeded);
        var later = await world.Jobs.OpenToPublicAsync(maria, jobId, afterDays: 20);
        Assert.Single(later.Errors);
        Assert.Contains("never goes back to the cloud", later.Errors[0], StringComparison.Ordinal);
        Assert.Equal(JobAudience.CloudFirst, (await world.Jobs.GetAsync(maria, jobId))!.Audience);
        Assert.Null(await world.Jobs.GetAsync(omar, jobId));

        Assert.True((await world.Jobs.OpenToPublicAsync(await world.ActorAsync(DemoWorld.RajEmail), jobId)).Succeeded);
        Assert.NotNull(await world.Jobs.GetAsync(omar, jobId));
        Assert.Equal([JobErrors.AlreadyPublic], (await world.Jobs.OpenToPublicAsync(maria, jobId, afterDays: 5)).Errors);
        Assert.False((await world.Jobs.GetAsync(maria, jobId))!.CanOpenToPublic);
        await using var context = world.Db.CreateDbContext();
        Assert.Equal(2, await context.AuditEntries.CountAsync(a => a.Action == "job.audience_widened"));
    }

    [Fact]
    public async Task Only_the_posting_organisation_widens_a_cloud_jobs_audience()
    {
        var kotlin = await world.JobIdAsync(DemoWorld.AcmeKotlinCloudJob);
        var iosJob = await world.JobIdAsync(DemoWorld.AcmeIosJob);

        Assert.Equal([JobErrors.NotFound], (await world.Jobs.OpenToPublicAsync(await world.ActorAsync(DemoWorld.HankEmail), kotlin)).Errors);
        Assert.Equal([JobErrors.NotFound], (await world.Jobs.OpenToPublicAsync(await world.ActorAsync(DemoWorld.OmarEmail), kotlin)).Errors);
        Assert.Equal([JobErrors.OnlyPosterChangesAudience],
            (await world.Jobs.OpenToPublicAsync(await world.ActorAsync(DemoWorld.FionaEmail), kotlin)).Errors);
        Assert.Equal([JobErrors.AlreadyPublic], (await world.Jobs.OpenToPublicAsync(await world.ActorAsync(DemoWorld.MariaEmail), iosJob)).Errors);
        Assert.Equal([JobErrors.CloudFirstDaysOutOfRange],
            (await world.Jobs.OpenToPublicAsync(await world.ActorAsync(DemoWorld.MariaEmail), kotlin, afterDays: 31)).Errors);
        Assert.Null(await world.Jobs.GetAsync(await world.ActorAsync(DemoWorld.OmarEmail), kotlin));
    }

    [Fact]
    public async Task The_demo_worlds_opened_job_is_public_with_no_cloud_for_outsiders_and_free_for_members()
    {
        var jobId = await world.JobIdAsync(DemoWorld.AcmeOpenedCloudFirstJob);

        var forOmar = await world.Jobs.GetAsync(await world.ActorAsync(DemoWorld.OmarEmail), jobId);
        var forFiona = await world.Jobs.GetAsync(await world.ActorAsync(DemoWorld.FionaEmail), jobId);
        var forCarl = (await world.Jobs.SearchPublicAsync(await world.ActorAsync(DemoWorld.CarlEmail), new JobQuery(Keyword: "offline sync"))).Items.Single();

        Assert.Equal((JobAudience.Public, (string?)null, 2), (forOmar!.Audience, forOmar.CloudName, forOmar.ConnectsCost));
        Assert.Equal((JobAudience.CloudFirstOpened, DemoWorld.AcmeMobile, 0, true),
            (forFiona!.Audience, forFiona.CloudName, forFiona.ConnectsCost, forFiona.PostedToYourCloudFirst));
        Assert.Equal((JobAudience.Public, (string?)null, (DateTimeOffset?)null), (forCarl.Audience, forCarl.CloudName, forCarl.PublicFrom));
    }
}
