using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Jobs;
using TalentCloud.Core.Messaging;
using TalentCloud.Core.Offers;
using TalentCloud.Core.Organizations;
using TalentCloud.Core.Proposals;
using TalentCloud.Core.Search;
using TalentCloud.Core.Seeding;

namespace TalentCloud.Tests.Core.Teams;

/// <summary>
/// Roles × actions, through the real services: maria (owner), raj (hiring manager) and rita (recruiter) of Acme each try
/// every action an organisation's person can take. What a role may not do is refused with a message naming who may, and
/// changes nothing.
/// </summary>
public sealed class RoleActionTests : TeamWorld
{
    private const string Owner = DemoWorld.MariaEmail;
    private const string HiringManager = DemoWorld.RajEmail;
    private const string Recruiter = DemoWorld.RitaEmail;

    [Theory]
    [InlineData(Owner, true)]
    [InlineData(HiringManager, false)]
    [InlineData(Recruiter, false)]
    public async Task Manage_the_team(string who, bool allowed)
    {
        var result = await Team.InviteAsync(await ActorAsync(who), "new.colleague@acme.test", OrganizationRole.Recruiter);

        Assert.Equal(allowed, result.Succeeded);
        Assert.Equal(allowed ? 1 : 0, await CountAsync(c => c.TeamInvitations.Where(i => i.Email == "new.colleague@acme.test")));
    }

    [Theory]
    [InlineData(Owner, true)]
    [InlineData(HiringManager, false)]
    [InlineData(Recruiter, false)]
    public async Task Change_the_organisation_settings(string who, bool allowed)
    {
        var actor = await ActorAsync(who);
        var description = await new OrganizationProfileService(Db, Db.Clock).UpdateDescriptionAsync(actor, await OrganizationIdAsync(DemoWorld.Acme), "New words.");
        var rules = await Team.SetOfferApprovalRulesAsync(actor, 100, null);

        Assert.Equal((allowed, allowed), (description.Succeeded, rules.Succeeded));
        Assert.Equal(allowed ? 100 : null, (await OrganizationAsync(DemoWorld.Acme)).OfferApprovalHourlyAbove);
    }

    [Theory]
    [InlineData(Owner, null)]
    [InlineData(HiringManager, "Hiring managers cannot create or change Talent Clouds; only owners can.")]
    [InlineData(Recruiter, "Recruiters cannot create or change Talent Clouds; only owners can.")]
    public async Task Create_and_change_clouds(string who, string? refusal)
    {
        var actor = await ActorAsync(who);
        var created = await Clouds.CreateAsync(actor, "Acme QA Guild", "Testers.");
        var renamed = await Clouds.UpdateAsync(actor, await CloudIdAsync(DemoWorld.AcmeData), "Acme Data People", "");

        Assert.Equal(refusal is null, created.Succeeded);
        Assert.Equal(refusal is null ? [] : [refusal], renamed.Errors);
        Assert.Equal(refusal is null ? 2 : 0, await CountAsync(c => c.Clouds.Where(x => x.Name == "Acme QA Guild" || x.Name == "Acme Data People")));
    }

    [Theory]
    [InlineData(Owner)]
    [InlineData(HiringManager)]
    [InlineData(Recruiter)]
    public async Task Everyone_searches_with_the_own_cloud_boost(string who)
    {
        var answer = await new TalentSearchService(Db).SearchAsync(await ActorAsync(who), new SearchQuery { Text = "mobile" });

        Assert.Equal(SearchStatus.Ok, answer.Status);
        Assert.True(answer.Results.IsEnterprise);
        Assert.StartsWith("In your cloud", answer.Results.Tiles[0].RankingExplanation, StringComparison.Ordinal);
        Assert.Contains(DemoWorld.AcmeMobile, answer.Results.Tiles[0].CloudNames);
    }

    [Theory]
    [InlineData(Owner)]
    [InlineData(HiringManager)]
    [InlineData(Recruiter)]
    public async Task Everyone_invites_to_a_cloud(string who)
    {
        var result = await Invitations.InviteAsync(await ActorAsync(who), await CloudIdAsync(DemoWorld.AcmeMobile), await ProfileIdAsync(DemoWorld.OmarHandle), null);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
    }

    [Theory]
    [InlineData(Owner, true)]
    [InlineData(HiringManager, true)]
    [InlineData(Recruiter, false)]
    public async Task Approve_or_reject_members(string who, bool allowed)
    {
        var pending = (await MembershipAsync(DemoWorld.AcmeMobile, DemoWorld.LeeHandle))!.Id;
        var actor = await ActorAsync(who);

        var reject = await Clouds.RejectAsync(actor, pending, "Not now");
        var cloud = await Clouds.GetAsync(actor, await CloudIdAsync(DemoWorld.AcmeMobile));

        Assert.Equal(allowed, reject.Succeeded);
        Assert.Equal((allowed, allowed), (cloud!.CanApproveMembers, cloud.CanRejectMembers));
        Assert.Equal(allowed, await MembershipAsync(DemoWorld.AcmeMobile, DemoWorld.LeeHandle) is null);
        if (!allowed)
        {
            Assert.Equal("Recruiters cannot approve or reject members; only owners and hiring managers can.", Assert.Single(reject.Errors));
            Assert.Equal(reject.Errors[0], cloud.MembersNotice);
        }
    }

    [Theory]
    [InlineData(Owner, true)]
    [InlineData(HiringManager, true)]
    [InlineData(Recruiter, false)]
    public async Task Post_cloud_jobs_and_close_jobs(string who, bool allowed)
    {
        var actor = await ActorAsync(who);
        var acme = await OrganizationIdAsync(DemoWorld.Acme);
        var posted = await Jobs.PostAsync(actor, new JobDraft(acme, await CloudIdAsync(DemoWorld.AcmeMobile), "Wear OS companion app",
            "A small companion app for watches.", ["Kotlin"], BudgetType.Hourly, 80, ExperienceLevel.Expert));
        var closed = await Jobs.CloseAsync(actor, await JobIdAsync(DemoWorld.AcmeIosJob));
        var options = await Jobs.GetPostingOptionsAsync(actor);

        Assert.Equal((allowed, allowed, allowed), (posted.Succeeded, closed.Succeeded, options!.CanPost));
        Assert.Equal(allowed ? 2 : 0, options.Clouds.Count);
        if (!allowed)
        {
            Assert.Equal("Recruiters cannot post or close jobs; only owners and hiring managers can.", Assert.Single(posted.Errors));
            Assert.Equal(posted.Errors[0], options.Notice);
        }
    }

    [Theory]
    [InlineData(Owner, OfferStatus.Open)]
    [InlineData(HiringManager, OfferStatus.Open)]
    [InlineData(Recruiter, OfferStatus.AwaitingApproval)]
    public async Task Everyone_drafts_offers_but_only_a_recruiters_wait_for_approval(string who, OfferStatus expected)
    {
        var id = await DraftOfferAsync(await ActorAsync(who), "Payments screens");

        var offer = await OfferAsync("Payments screens");
        Assert.Equal(expected, offer.Status);
        Assert.Equal(expected == OfferStatus.Open, await Offers.GetAsync(await Omar, id) is not null);
    }

    [Theory]
    [InlineData(Owner, true)]
    [InlineData(HiringManager, true)]
    [InlineData(Recruiter, false)]
    public async Task Approve_offers(string who, bool allowed)
    {
        var offer = await RitasOfferAsync();

        var result = await Approvals.ApproveAsync(await ActorAsync(who), offer.Id);

        Assert.Equal(allowed, result.Succeeded);
        Assert.Equal(allowed ? OfferStatus.Open : OfferStatus.AwaitingApproval, (await RitasOfferAsync()).Status);
    }

    [Theory]
    [InlineData(Owner, true)]
    [InlineData(HiringManager, true)]
    [InlineData(Recruiter, false)]
    public async Task Hire_and_decline_proposals(string who, bool allowed)
    {
        var actor = await ActorAsync(who);
        var proposal = await ProposalIdAsync("Data pipeline clean-up in Airflow", DemoWorld.LeeHandle);

        // Acme is an Enterprise client: hiring from a proposal sends an offer (placing the hire in no cloud here).
        var hire = await Offers.CreateFromProposalAsync(actor, new ProposalOfferInput(proposal, null, "Data pipeline clean-up", "", 2500));
        var listed = await Proposals.ListForJobAsync(actor, await JobIdAsync("Data pipeline clean-up in Airflow"));

        Assert.Equal(allowed, hire.Succeeded);
        Assert.Equal(allowed, listed!.CanDecide);
        Assert.Equal(allowed, listed.Proposals.Single(p => p.Id == proposal).OfferSent);
        Assert.Equal(allowed ? 1 : 0, await CountAsync(c => c.Offers.Where(o => o.ProposalId == proposal)));
        if (!allowed)
        {
            Assert.Equal("Recruiters cannot hire, decline proposals or record background checks; only owners and hiring managers can.", Assert.Single(hire.Errors));
        }
    }

    [Theory]
    [InlineData(Owner, true)]
    [InlineData(HiringManager, true)]
    [InlineData(Recruiter, false)]
    public async Task Record_a_background_check(string who, bool allowed)
    {
        var acmeOffer = await Offers.CreateAsync(await Maria, new OfferInput(await CloudIdAsync(DemoWorld.AcmeData), await ProfileIdAsync(DemoWorld.LeeHandle),
            "Warehouse audit", "", PayKind.FixedPrice, 2000, [new OnboardingTaskInput(OnboardingTaskKind.BackgroundCheck, "Background check", "")]));
        var acmeCheck = (await OfferAsync("Warehouse audit")).Tasks.Single().Id;
        Assert.True((await Offers.GiveConsentAsync(await Lee, acmeCheck)).Succeeded);

        var recorded = await Offers.RecordCheckResultAsync(await ActorAsync(who), acmeCheck, passed: true);
        var view = await Offers.GetAsync(await ActorAsync(who), acmeOffer.Value);

        Assert.Equal(allowed, recorded.Succeeded);
        Assert.False(view!.Tasks.Single().CanRecordResult); // recorded, or never allowed
        Assert.Equal(allowed ? BackgroundCheckResult.Passed : BackgroundCheckResult.None, (await OfferAsync("Warehouse audit")).Tasks.Single().CheckResult);
    }

    [Theory]
    [InlineData(Owner)]
    [InlineData(HiringManager)]
    [InlineData(Recruiter)]
    public async Task Everyone_messages(string who)
    {
        var actor = await ActorAsync(who);
        var started = await Conversations.StartAsync(actor, await ProfileIdAsync(DemoWorld.OmarHandle), ConversationOrigin.Profile);
        var sent = await Messages.SendAsync(actor, started.Value, "Hello Omar, are you free next month?");

        Assert.True(sent.Succeeded, string.Join(" ", sent.Errors));
    }

    private async Task<int> JobIdAsync(string title)
    {
        await using var context = Db.CreateDbContext();
        return await context.Jobs.Where(j => j.Title == title).Select(j => j.Id).SingleAsync();
    }

    private async Task<int> ProposalIdAsync(string jobTitle, string handle)
    {
        var job = await JobIdAsync(jobTitle);
        var profile = await ProfileIdAsync(handle);
        await using var context = Db.CreateDbContext();
        return await context.Proposals.Where(p => p.JobId == job && p.ProfileId == profile).Select(p => p.Id).SingleAsync();
    }
}
