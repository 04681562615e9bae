using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Jobs;
using TalentCloud.Core.Removals;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Core.Jobs;
using static TalentCloud.Tests.Core.RemovalTestData;

namespace TalentCloud.Tests.Core;

/// <summary>Complete removal as the other features see it: cloud jobs, notifications and rejoining.</summary>
public sealed class CompleteRemovalAcrossFeaturesTests : IAsyncLifetime
{
    private JobsTestWorld world = null!;

    public async ValueTask InitializeAsync() => world = await JobsTestWorld.CreateAsync();

    public async ValueTask DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public async Task After_removal_the_clouds_jobs_are_gone_for_the_member_and_new_ones_do_not_notify_them()
    {
        var nina = await world.ActorAsync(DemoWorld.NinaEmail);
        var maria = await world.ActorAsync(DemoWorld.MariaEmail);
        var cloudJob = await world.JobIdAsync(DemoWorld.AcmeKotlinCloudJob);
        Assert.NotNull(await world.Jobs.GetAsync(nina, cloudJob));

        var requests = new RemovalRequestService(world.Db, world.Db.Clock);
        var queue = new RemovalQueueService(world.Db, world.Db.Clock);
        Assert.True((await queue.ApproveAsync(await world.ActorAsync(DemoWorld.AdminEmail), await NinasRequestIdAsync(world.Db))).Succeeded);

        Assert.Null(await world.Jobs.GetAsync(nina, cloudJob));
        var posted = await world.Jobs.PostAsync(maria, new JobDraft(await world.OrganizationIdAsync(DemoWorld.Acme),
            await world.CloudIdAsync(DemoWorld.AcmeMobile), "Android accessibility review", "Review our Android app for accessibility.",
            ["Android"], BudgetType.Hourly, 70, ExperienceLevel.Intermediate));
        Assert.True(posted.Succeeded, string.Join(" ", posted.Errors));
        Assert.Null(await world.Jobs.GetAsync(nina, posted.Value));

        await using var context = world.Db.CreateDbContext();
        var told = await (from n in context.Notifications
                          join u in context.Users on n.UserId equals u.Id
                          where n.Link == $"/jobs/{posted.Value}"
                          select u.Email).ToListAsync();
        Assert.Contains(DemoWorld.FionaEmail, told);
        Assert.DoesNotContain(DemoWorld.NinaEmail, told);
    }
}
