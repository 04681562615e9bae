using TalentCloud.Core.Clouds;
using TalentCloud.Core.Memberships;
using TalentCloud.Core.Notifications;
using TalentCloud.Core.Profiles;
using TalentCloud.Core.Seeding;

namespace TalentCloud.Tests.Core.Joining;

public sealed class CloudServiceTests : JoiningWorld
{
    [Fact]
    public async Task The_owner_creates_renames_and_sets_criteria()
    {
        var maria = await Maria;
        var created = await Clouds.CreateAsync(maria, "  Acme Security Bench ", "Pen testers");
        Assert.True(created.Succeeded);

        Assert.True((await Clouds.UpdateAsync(maria, created.Value, "Acme Security Guild", "Pen testers and auditors")).Succeeded);
        Assert.True((await Clouds.SetCriteriaAsync(maria, created.Value, new CloudCriteria(["OWASP", "owasp"], ["us", "DE"], EngagementTypes.Hourly, true, 2, true))).Succeeded);

        var detail = await Clouds.GetAsync(maria, created.Value);
        Assert.Equal("Acme Security Guild", detail!.Name);
        Assert.Equal(["OWASP"], detail.Criteria.RequiredSkills);
        Assert.Equal(["US", "DE"], detail.Criteria.AllowedCountries);
        Assert.True(detail.Criteria.RequiresManualApproval);
        Assert.Equal(3, await CountAsync(c => c.AuditEntries.Where(e => e.Action.StartsWith("cloud."))));
    }

    [Fact]
    public async Task Hiring_managers_cannot_create_or_change_clouds()
    {
        var raj = await Raj;
        var cloud = await CloudIdAsync(DemoWorld.AcmeData);

        Assert.False((await Clouds.CreateAsync(raj, "Raj's cloud", "")).Succeeded);
        Assert.Contains("owner", (await Clouds.UpdateAsync(raj, cloud, "Renamed", "")).Errors[0], StringComparison.Ordinal);
        Assert.Contains("owner", (await Clouds.SetCriteriaAsync(raj, cloud, CloudCriteria.None)).Errors[0], StringComparison.Ordinal);
        Assert.Equal(3, await CountAsync(c => c.Clouds));
    }

    [Fact]
    public async Task Ordinary_clients_and_other_organisations_find_no_cloud()
    {
        var cloud = await CloudIdAsync(DemoWorld.AcmeData);

        Assert.Null(await Clouds.ListAsync(await Carl));
        Assert.False((await Clouds.CreateAsync(await Carl, "Initech cloud", "")).Succeeded);
        Assert.Null(await Clouds.GetAsync(await Hank, cloud));
        Assert.Null(await Clouds.ListMembersAsync(await Hank, cloud, new MemberQuery()));
        Assert.Null(await Clouds.GetAsync(await Lee, cloud));
        Assert.Equal(CloudAccessMessage, (await Clouds.UpdateAsync(await Hank, cloud, "Taken", "")).Errors[0]);
    }

    private const string CloudAccessMessage = "That Talent Cloud does not exist or is not one you manage.";

    [Fact]
    public async Task Names_and_criteria_are_validated_with_their_limits()
    {
        var maria = await Maria;
        var cloud = await CloudIdAsync(DemoWorld.AcmeData);

        Assert.Contains("at most 100 characters", (await Clouds.CreateAsync(maria, new string('n', 101), "")).Errors[0], StringComparison.Ordinal);
        Assert.Contains("already has a cloud", (await Clouds.UpdateAsync(maria, cloud, DemoWorld.AcmeMobile, "")).Errors[0], StringComparison.Ordinal);
        var criteria = await Clouds.SetCriteriaAsync(maria, cloud, CloudCriteria.None with { AllowedCountries = ["XX", "Germany"], ContractorProofMinimumClients = 0 });
        Assert.Equal(2, criteria.Errors.Count);
        Assert.Equal(["SQL"], (await Clouds.GetAsync(maria, cloud))!.Criteria.RequiredSkills);
    }

    [Fact]
    public async Task Members_are_listed_with_filter_and_paging()
    {
        var raj = await Raj;
        var cloud = await CloudIdAsync(DemoWorld.AcmeMobile);

        var all = await Clouds.ListMembersAsync(raj, cloud, new MemberQuery(PageSize: 2));
        var pending = await Clouds.ListMembersAsync(raj, cloud, new MemberQuery(Status: MembershipStatus.PendingApproval, PageSize: 50));
        var search = await Clouds.ListMembersAsync(raj, cloud, new MemberQuery(Search: "northwind"));

        Assert.Equal(2, all!.Rows.Count);
        Assert.True(all.Total > 2);
        Assert.Equal(MembershipStatus.PendingApproval, all.Rows[0].Status); // pending first: they wait for a decision
        Assert.All(pending!.Rows, r => Assert.Equal(MembershipStatus.PendingApproval, r.Status));
        Assert.Contains(pending.Rows, r => r.DisplayName == "Lee Chen");
        Assert.Equal("Northwind Studio", Assert.Single(search!.Rows).DisplayName);
    }

    [Fact]
    public async Task Members_sort_by_name_or_join_date_either_way_and_only_pending_ones_can_be_decided()
    {
        var raj = await Raj;
        var cloud = await CloudIdAsync(DemoWorld.AcmeMobile);

        var byName = (await Clouds.ListMembersAsync(raj, cloud, new MemberQuery(Sort: MemberSort.Name, PageSize: 100)))!.Rows.Select(r => r.DisplayName).ToList();
        var byNameDesc = (await Clouds.ListMembersAsync(raj, cloud, new MemberQuery(Sort: MemberSort.Name, Descending: true, PageSize: 100)))!.Rows;
        var byJoined = (await Clouds.ListMembersAsync(raj, cloud, new MemberQuery(Sort: MemberSort.Joined, PageSize: 100)))!.Rows;
        var pendingLast = (await Clouds.ListMembersAsync(raj, cloud, new MemberQuery(Descending: true, PageSize: 100)))!.Rows;

        Assert.True(byName.Count > 3);
        Assert.Equal(byName.Order(StringComparer.Ordinal), byName);
        Assert.Equal(Enumerable.Reverse(byName), byNameDesc.Select(r => r.DisplayName));
        Assert.Equal(byJoined.Select(r => r.JoinedAt).Order(), byJoined.Select(r => r.JoinedAt));
        Assert.Equal(MembershipStatus.PendingApproval, pendingLast[^1].Status);
        Assert.All(byNameDesc, r => Assert.Equal(r.Status == MembershipStatus.PendingApproval, r.CanDecide));
        Assert.Contains(byNameDesc, r => r.CanDecide);
    }

    [Fact]
    public async Task The_member_search_matches_wildcards_literally()
    {
        var raj = await Raj;
        var cloud = await CloudIdAsync(DemoWorld.AcmeMobile);

        Assert.Empty((await Clouds.ListMembersAsync(raj, cloud, new MemberQuery(Search: "%")))!.Rows);
        Assert.Empty((await Clouds.ListMembersAsync(raj, cloud, new MemberQuery(Search: "_")))!.Rows);
        Assert.Single((await Clouds.ListMembersAsync(raj, cloud, new MemberQuery(Search: "Lee C")))!.Rows);
    }

    [Fact]
    public async Task Raj_approves_omar_after_he_accepted_and_omar_is_told()
    {
        await Invitations.AcceptAsync(await Omar, await OmarsSeededInvitationAsync());
        var membership = await MembershipAsync(DemoWorld.AcmeData, DemoWorld.OmarHandle);

        var result = await Clouds.ApproveAsync(await Raj, membership!.Id);

        Assert.True(result.Succeeded);
        Assert.Equal(MembershipStatus.Active, (await MembershipAsync(DemoWorld.AcmeData, DemoWorld.OmarHandle))!.Status);
        var omar = await Omar;
        Assert.Equal(1, await CountAsync(c => c.Notifications.Where(n => n.UserId == omar.UserId && n.Kind == NotificationKind.MembershipApproved)));
        Assert.Contains("already active", (await Clouds.ApproveAsync(await Raj, membership.Id)).Errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejection_needs_a_reason_removes_the_pending_membership_and_tells_the_member()
    {
        var membership = await MembershipAsync(DemoWorld.AcmeMobile, DemoWorld.LeeHandle);
        var maria = await Maria;

        Assert.False((await Clouds.RejectAsync(maria, membership!.Id, "  ")).Succeeded);
        Assert.Contains("at most 1,000", (await Clouds.RejectAsync(maria, membership.Id, new string('r', 1001))).Errors[0], StringComparison.Ordinal);
        Assert.True((await Clouds.RejectAsync(maria, membership.Id, "We need native iOS experience.")).Succeeded);

        Assert.Null(await MembershipAsync(DemoWorld.AcmeMobile, DemoWorld.LeeHandle));
        var lee = await Lee;
        Assert.Equal(1, await CountAsync(c => c.Notifications.Where(n => n.UserId == lee.UserId && n.Kind == NotificationKind.MembershipRejected
            && n.Body.Contains("native iOS"))));
    }

    [Fact]
    public async Task Members_of_another_organisations_cloud_cannot_be_decided()
    {
        var membership = await MembershipAsync(DemoWorld.AcmeMobile, DemoWorld.LeeHandle);

        var result = await Clouds.ApproveAsync(await Hank, membership!.Id);

        Assert.False(result.Succeeded);
        Assert.Equal(MembershipStatus.PendingApproval, (await MembershipAsync(DemoWorld.AcmeMobile, DemoWorld.LeeHandle))!.Status);
        Assert.Equal(0, await CountAsync(c => c.AuditEntries.Where(e => e.Action.StartsWith("membership."))));
    }
}
