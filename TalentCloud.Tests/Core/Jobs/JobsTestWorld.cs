using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Connects;
using TalentCloud.Core.Jobs;
using TalentCloud.Core.Proposals;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Core.Jobs;

/// <summary>The demo world plus the jobs, proposals and Connects services over it, for one test.</summary>
public sealed class JobsTestWorld : IAsyncDisposable
{
    private JobsTestWorld(TestDatabase db)
    {
        Db = db;
        Jobs = new JobService(db, db.Clock);
        Proposals = new ProposalService(db, db.Clock);
        Connects = new ConnectsService(db, db.Clock);
    }

    public TestDatabase Db { get; }
    public JobService Jobs { get; }
    public ProposalService Proposals { get; }
    public ConnectsService Connects { get; }

    public static async Task<JobsTestWorld> CreateAsync() => new(await TestDatabase.CreateWithDemoWorldAsync());

    public async Task<Actor> ActorAsync(string who) => who == DemoVisibility.Visitor ? Actor.Visitor : await Db.ActorAsync(who);

    public async Task<int> JobIdAsync(string title)
    {
        await using var context = Db.CreateDbContext();
        return await context.Jobs.Where(j => j.Title == title).Select(j => j.Id).SingleAsync();
    }

    public async Task<int> CloudIdAsync(string name)
    {
        await using var context = Db.CreateDbContext();
        return await context.Clouds.Where(c => c.Name == name).Select(c => c.Id).SingleAsync();
    }

    public async Task<int> OrganizationIdAsync(string name)
    {
        await using var context = Db.CreateDbContext();
        return await context.Organizations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    public async Task<int> ProfileIdAsync(string handle)
    {
        await using var context = Db.CreateDbContext();
        return await context.Profiles.Where(p => p.Handle == handle).Select(p => p.Id).SingleAsync();
    }

    /// <summary>The balance straight from the ledger rows, independent of the service under test.</summary>
    public async Task<int> LedgerSumAsync(int profileId)
    {
        await using var context = Db.CreateDbContext();
        var amounts = await context.ConnectsEntries.Where(e => e.ProfileId == profileId).Select(e => e.Amount).ToListAsync();
        return amounts.Sum();
    }

    public async Task<(int Proposals, int LedgerRows, int AuditRows)> CountsAsync()
    {
        await using var context = Db.CreateDbContext();
        return (await context.Proposals.CountAsync(), await context.ConnectsEntries.CountAsync(), await context.AuditEntries.CountAsync());
    }

    public async Task<int> PostPublicJobAsync(string clientEmail, string orgName, string title, BudgetType type, int budget, params string[] skills)
    {
        var result = await Jobs.PostAsync(await Db.ActorAsync(clientEmail), new JobDraft(await OrganizationIdAsync(orgName), null, title,
            "A job posted by a test.", skills, type, budget, ExperienceLevel.Intermediate));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        return result.Value;
    }

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
