using TalentCloud.Core.Accounts;
using TalentCloud.Core.Memberships;
using TalentCloud.Core.Organizations;
using TalentCloud.Core.Visibility;

namespace TalentCloud.Tests.Core;

/// <summary>The visibility rule for every viewer kind and every membership state.</summary>
public sealed class MembershipVisibilityTests
{
    private const int MemberProfile = 10;
    private const int OtherProfile = 11;
    private const int OwningOrg = 1;
    private const int OtherEnterpriseOrg = 2;
    private const int OrdinaryOrg = 3;

    private static readonly Dictionary<string, Actor> Viewers = new()
    {
        ["member"] = Talent("member", MemberProfile),
        ["other freelancer"] = Talent("other", OtherProfile),
        ["owning org owner"] = Client("owner", OwningOrg, OrganizationRole.Owner),
        ["owning org hiring manager"] = Client("hm", OwningOrg, OrganizationRole.HiringManager),
        ["other enterprise owner"] = Client("other-ent", OtherEnterpriseOrg, OrganizationRole.Owner),
        ["ordinary client"] = Client("ordinary", OrdinaryOrg, OrganizationRole.Owner),
        ["visitor"] = Actor.Visitor,
        ["admin"] = new Actor("admin", "Admin", true, [], new Dictionary<int, OrganizationRole>()),
        ["signed-in user with nothing"] = new Actor("plain", "Plain", false, [], new Dictionary<int, OrganizationRole>()),
    };

    public static TheoryData<string, MembershipStatus, MembershipView> Matrix()
    {
        var expectedForActive = new Dictionary<string, MembershipView>
        {
            ["member"] = MembershipView.Full,
            ["other freelancer"] = MembershipView.Masked,
            ["owning org owner"] = MembershipView.Full,
            ["owning org hiring manager"] = MembershipView.Full,
            ["other enterprise owner"] = MembershipView.Hidden,
            ["ordinary client"] = MembershipView.Hidden,
            ["visitor"] = MembershipView.Hidden,
            ["admin"] = MembershipView.Full,
            ["signed-in user with nothing"] = MembershipView.Hidden,
        };
        var data = new TheoryData<string, MembershipStatus, MembershipView>();
        foreach (var (viewer, view) in expectedForActive)
        {
            data.Add(viewer, MembershipStatus.Active, view);
            // A pending membership grants nothing and is shown to nobody on a profile.
            data.Add(viewer, MembershipStatus.PendingApproval, MembershipView.Hidden);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Decide_follows_the_rule_for_each_viewer_and_state(string viewer, MembershipStatus status, MembershipView expected)
    {
        var actual = MembershipVisibility.Decide(Viewers[viewer], new MembershipFacts(MemberProfile, OwningOrg, status));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Compose_shows_one_masked_label_however_many_clouds_and_never_a_count()
    {
        var panel = MembershipVisibility.Compose(Viewers["other freelancer"],
        [
            (new MembershipFacts(MemberProfile, OwningOrg, MembershipStatus.Active), "Cloud A"),
            (new MembershipFacts(MemberProfile, OwningOrg, MembershipStatus.Active), "Cloud B"),
            (new MembershipFacts(MemberProfile, OtherEnterpriseOrg, MembershipStatus.Active), "Cloud C"),
        ]);
        Assert.True(panel.ShowsMaskedLabel);
        Assert.Empty(panel.CloudNames);
        Assert.True(panel.IsVisible);
    }

    [Fact]
    public void Compose_gives_an_organisation_only_its_own_clouds()
    {
        var panel = MembershipVisibility.Compose(Viewers["owning org hiring manager"],
        [
            (new MembershipFacts(MemberProfile, OwningOrg, MembershipStatus.Active), "Ours"),
            (new MembershipFacts(MemberProfile, OwningOrg, MembershipStatus.PendingApproval), "Ours pending"),
            (new MembershipFacts(MemberProfile, OtherEnterpriseOrg, MembershipStatus.Active), "Theirs"),
        ]);
        Assert.Equal(["Ours"], panel.CloudNames);
        Assert.False(panel.ShowsMaskedLabel);
    }

    [Fact]
    public void Compose_gives_the_member_and_admin_every_active_cloud()
    {
        var memberships = new[]
        {
            (new MembershipFacts(MemberProfile, OwningOrg, MembershipStatus.Active), "B cloud"),
            (new MembershipFacts(MemberProfile, OtherEnterpriseOrg, MembershipStatus.Active), "A cloud"),
            (new MembershipFacts(MemberProfile, OtherEnterpriseOrg, MembershipStatus.PendingApproval), "Pending cloud"),
        };
        Assert.Equal(["A cloud", "B cloud"], MembershipVisibility.Compose(Viewers["member"], memberships).CloudNames);
        Assert.Equal(["A cloud", "B cloud"], MembershipVisibility.Compose(Viewers["admin"], memberships).CloudNames);
    }

    [Theory]
    [InlineData("visitor")]
    [InlineData("ordinary client")]
    [InlineData("other enterprise owner")]
    public void Compose_is_invisible_for_viewers_who_learn_nothing(string viewer)
    {
        var panel = MembershipVisibility.Compose(Viewers[viewer],
            [(new MembershipFacts(MemberProfile, OwningOrg, MembershipStatus.Active), "Secret cloud")]);
        Assert.False(panel.IsVisible);
        Assert.Empty(panel.CloudNames);
    }

    private static Actor Talent(string id, int profileId) =>
        new(id, id, false, [profileId], new Dictionary<int, OrganizationRole>());

    private static Actor Client(string id, int orgId, OrganizationRole role) =>
        new(id, id, false, [], new Dictionary<int, OrganizationRole> { [orgId] = role });
}
