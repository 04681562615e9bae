using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Jobs;
using TalentCloud.Core.Proposals;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Core.Jobs;

/// <summary>
/// Exclusive cloud jobs for every kind of viewer: seen by the cloud's Active members, the owning organisation's
/// people and platform admins; for everyone else absent from the page, every list, count and search.
/// </summary>
public sealed class CloudJobVisibilityTests : IAsyncLifetime
{
    private JobsTestWorld world = null!;

    public async ValueTask InitializeAsync() => world = await JobsTestWorld.CreateAsync();

    public async ValueTask DisposeAsync() => await world.DisposeAsync();

    /// <summary>Written out by hand from the product rule. Lee is only pending in Acme Pro Mobile Developers.</summary>
    public static TheoryData<string, string, bool> Cases()
    {
        var data = new TheoryData<string, string, bool>();
        void Add(string viewer, bool acmeMobile, bool globexDesign)
        {
            data.Add(viewer, DemoWorld.AcmeKotlinCloudJob, acmeMobile);
            data.Add(viewer, DemoWorld.AcmeFlutterCloudJob, acmeMobile);
            data.Add(viewer, DemoWorld.GlobexDesignCloudJob, globexDesign);
        }

        Add(DemoWorld.FionaEmail, true, true);          // Active in both
        Add(DemoWorld.NinaEmail, true, false);          // agency, Active in Acme Pro Mobile Developers
        Add(DemoWorld.LeeEmail, false, false);          // pending there; Active only in Acme Data Guild
        Add(DemoWorld.OmarEmail, false, false);         // no memberships
        Add(DemoWorld.MariaEmail, true, false);         // Acme owner
        Add(DemoWorld.RajEmail, true, false);           // Acme hiring manager
        Add(DemoWorld.HankEmail, false, true);          // Globex owner: another Enterprise client for Acme's jobs
        Add(DemoWorld.CarlEmail, false, false);         // ordinary client
        Add(DemoWorld.AdminEmail, true, true);          // platform admin
        Add(DemoVisibility.Visitor, false, false);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Job_page_exists_only_for_its_audience(string viewer, string title, bool visible)
    {
        var job = await world.Jobs.GetAsync(await world.ActorAsync(viewer), await world.JobIdAsync(title));
        Assert.Equal(visible, job is not null);
        if (job is not null)
        {
            Assert.NotNull(job.CloudName);
            Assert.Equal(0, job.ConnectsCost);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Public_list_search_and_count_never_include_cloud_jobs(string viewer, string title, bool visible)
    {
        _ = visible;
        var actor = await world.ActorAsync(viewer);
        var everything = await world.Jobs.SearchPublicAsync(actor, new JobQuery());
        var searched = await world.Jobs.SearchPublicAsync(actor, new JobQuery(Keyword: title));
        var bySkill = await world.Jobs.SearchPublicAsync(actor, new JobQuery(Skill: "Kotlin"));

        // Thirteen public jobs and the cloud-first job that has opened to everyone.
        Assert.Equal(14, everything.TotalCount);
        Assert.Equal(0, searched.TotalCount);
        Assert.Empty(searched.Items);
        Assert.Equal(0, bySkill.TotalCount);
        Assert.DoesNotContain(everything.Items, j => DemoWorld.CloudJobTitles.Contains(j.Title));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Talent_cloud_jobs_list_shows_only_the_members_clouds(string viewer, string title, bool visible)
    {
        var actor = await world.ActorAsync(viewer);
        var list = await world.Jobs.ListMyCloudJobsAsync(actor, new JobQuery());
        var isMember = visible && actor.IsTalent;
        Assert.Equal(isMember, list.Items.Any(j => j.Title == title));
        Assert.Equal(list.Items.Count, list.TotalCount);
        Assert.All(list.Items, j => Assert.NotNull(j.CloudName));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Applying_and_closing_an_invisible_job_answer_not_found(string viewer, string title, bool visible)
    {
        if (visible)
        {
            return;
        }

        var actor = await world.ActorAsync(viewer);
        var jobId = await world.JobIdAsync(title);
        var before = await world.CountsAsync();
        if (actor.ProfileIds.Count > 0)
        {
            var submit = await world.Proposals.SubmitAsync(actor, new ProposalDraft(jobId, actor.ProfileIds[0], "Let me in", 50));
            Assert.Equal([JobErrors.NotFound], submit.Errors);
        }

        var close = await world.Jobs.CloseAsync(actor, jobId);
        Assert.Equal([JobErrors.NotFound], close.Errors);
        Assert.Null(await world.Proposals.ListForJobAsync(actor, jobId));
        Assert.Equal(before, await world.CountsAsync());
    }

    [Fact]
    public async Task Members_see_their_clouds_jobs_labelled_with_the_full_cloud_name()
    {
        var fiona = await world.Jobs.ListMyCloudJobsAsync(await world.ActorAsync(DemoWorld.FionaEmail), new JobQuery());
        Assert.Equal(4, fiona.TotalCount);
        Assert.Equal(DemoWorld.AcmeMobile, fiona.Items.Single(j => j.Title == DemoWorld.AcmeKotlinCloudJob).CloudName);
        Assert.Equal(DemoWorld.AcmeMobile, fiona.Items.Single(j => j.Title == DemoWorld.AcmeOpenedCloudFirstJob).CloudName);
        Assert.Equal(DemoWorld.GlobexDesign, fiona.Items.Single(j => j.Title == DemoWorld.GlobexDesignCloudJob).CloudName);

        var lee = await world.Jobs.ListMyCloudJobsAsync(await world.ActorAsync(DemoWorld.LeeEmail), new JobQuery());
        Assert.Equal(0, lee.TotalCount);
    }

    [Fact]
    public async Task A_removed_member_loses_the_clouds_jobs_at_once()
    {
        var fionaId = await world.ProfileIdAsync(DemoWorld.FionaHandle);
        var cloudId = await world.CloudIdAsync(DemoWorld.AcmeMobile);
        var jobId = await world.JobIdAsync(DemoWorld.AcmeKotlinCloudJob);
        Assert.NotNull(await world.Jobs.GetAsync(await world.ActorAsync(DemoWorld.FionaEmail), jobId));

        await using (var context = world.Db.CreateDbContext())
        {
            await context.CloudMemberships.Where(m => m.ProfileId == fionaId && m.CloudId == cloudId).ExecuteDeleteAsync();
        }

        var fiona = await world.ActorAsync(DemoWorld.FionaEmail);
        Assert.Null(await world.Jobs.GetAsync(fiona, jobId));
        var list = await world.Jobs.ListMyCloudJobsAsync(fiona, new JobQuery());
        Assert.Equal([DemoWorld.GlobexDesignCloudJob], list.Items.Select(j => j.Title));
    }

    [Fact]
    public async Task An_organisation_lists_its_own_cloud_jobs_and_no_one_elses()
    {
        var acme = await world.Jobs.ListOrganizationJobsAsync(await world.ActorAsync(DemoWorld.RajEmail), new JobQuery());
        Assert.Contains(acme.Items, j => j.Title == DemoWorld.AcmeKotlinCloudJob);
        Assert.DoesNotContain(acme.Items, j => j.Title == DemoWorld.GlobexDesignCloudJob);

        var initech = await world.Jobs.ListOrganizationJobsAsync(await world.ActorAsync(DemoWorld.CarlEmail), new JobQuery());
        Assert.DoesNotContain(initech.Items, j => DemoWorld.CloudJobTitles.Contains(j.Title));
        Assert.Equal(6, initech.TotalCount);

        var omar = await world.Jobs.ListOrganizationJobsAsync(await world.ActorAsync(DemoWorld.OmarEmail), new JobQuery());
        Assert.Equal(0, omar.TotalCount);
    }

    [Fact]
    public async Task Only_open_jobs_of_the_organisations_own_list_can_be_closed()
    {
        var carl = await world.ActorAsync(DemoWorld.CarlEmail);
        var api = (await world.Jobs.ListOrganizationJobsAsync(carl, new JobQuery())).Items.Single(j => j.Title == DemoWorld.InitechApiJob);
        Assert.True(api.CanClose);
        Assert.True((await world.Jobs.CloseAsync(carl, api.Id)).Succeeded);
        Assert.False((await world.Jobs.ListOrganizationJobsAsync(carl, new JobQuery())).Items.Single(j => j.Id == api.Id).CanClose);
        // The same job in the public list is never closable, not even for its own organisation.
        var publicList = await world.Jobs.SearchPublicAsync(await world.ActorAsync(DemoWorld.CarlEmail), new JobQuery(Keyword: "banking"));
        Assert.All(publicList.Items, j => Assert.False(j.CanClose));
    }

    [Fact]
    public async Task A_proposal_to_a_cloud_job_disappears_from_my_proposals_after_removal()
    {
        // Northwind applied to the Acme Kotlin cloud job in the demo world.
        var nina = await world.ActorAsync(DemoWorld.NinaEmail);
        Assert.Contains(await world.Proposals.ListMineAsync(nina), p => p.JobTitle == DemoWorld.AcmeKotlinCloudJob && p.CloudName == DemoWorld.AcmeMobile);

        await using (var context = world.Db.CreateDbContext())
        {
            await context.CloudMemberships.Where(m => m.ProfileId == nina.ProfileIds[0]).ExecuteDeleteAsync();
        }

        var after = await world.Proposals.ListMineAsync(nina);
        Assert.DoesNotContain(after, p => p.JobTitle == DemoWorld.AcmeKotlinCloudJob);
        Assert.DoesNotContain(after, p => p.CloudName != null);
    }
}
