using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Profiles;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Core;

public sealed class ProfileServiceTests : IAsyncLifetime
{
    private TestDatabase db = null!;

    public async ValueTask InitializeAsync() => db = await TestDatabase.CreateWithDemoWorldAsync();

    public async ValueTask DisposeAsync() => await db.DisposeAsync();

    [Theory]
    [MemberData(nameof(DemoVisibility.Cases), MemberType = typeof(DemoVisibility))]
    public async Task Memberships_panel_matches_the_visibility_table(string viewer, string path)
    {
        var expected = DemoVisibility.For(viewer, path);
        var actor = viewer == DemoVisibility.Visitor ? Actor.Visitor : await db.ActorAsync(viewer);
        var kind = path.StartsWith("/agencies/", StringComparison.Ordinal) ? ProfileKind.Agency : ProfileKind.Freelancer;

        var profile = await new ProfileService(db).GetPublicProfileAsync(actor, kind, path[(path.LastIndexOf('/') + 1)..]);

        Assert.NotNull(profile);
        Assert.Equal(expected.Names.Order(), profile.Memberships.CloudNames.Order());
        Assert.Equal(expected.Masked, profile.Memberships.ShowsMaskedLabel);
        Assert.Equal(expected.PanelShown, profile.Memberships.IsVisible);
    }

    [Theory]
    [InlineData("nobody-here")]
    [InlineData("Fiona-Park")]
    [InlineData("fiona park")]
    [InlineData("-fiona")]
    [InlineData("")]
    [InlineData("fiona-park/../admin")]
    public async Task Unknown_or_malformed_handles_find_nothing(string handle)
    {
        Assert.Null(await new ProfileService(db).GetPublicProfileAsync(Actor.Visitor, ProfileKind.Freelancer, handle));
    }

    [Fact]
    public async Task Over_long_handle_finds_nothing()
    {
        Assert.Null(await new ProfileService(db).GetPublicProfileAsync(Actor.Visitor, ProfileKind.Freelancer, new string('a', 10_000)));
    }

    [Fact]
    public async Task A_handle_is_found_only_under_its_own_kind()
    {
        var service = new ProfileService(db);
        Assert.Null(await service.GetPublicProfileAsync(Actor.Visitor, ProfileKind.Agency, DemoWorld.FionaHandle));
        Assert.Null(await service.GetPublicProfileAsync(Actor.Visitor, ProfileKind.Freelancer, DemoWorld.NorthwindHandle));
        Assert.NotNull(await service.GetPublicProfileAsync(Actor.Visitor, ProfileKind.Agency, DemoWorld.NorthwindHandle));
    }

    [Fact]
    public async Task The_owner_is_told_it_is_their_own_profile()
    {
        var service = new ProfileService(db);
        var own = await service.GetPublicProfileAsync(await db.ActorAsync(DemoWorld.FionaEmail), ProfileKind.Freelancer, DemoWorld.FionaHandle);
        var other = await service.GetPublicProfileAsync(await db.ActorAsync(DemoWorld.OmarEmail), ProfileKind.Freelancer, DemoWorld.FionaHandle);
        Assert.True(own!.IsOwnProfile);
        Assert.False(other!.IsOwnProfile);
    }

    [Fact]
    public async Task The_profile_shows_time_zone_and_engagement_types_when_set()
    {
        await using (var context = db.CreateDbContext())
        {
            var omar = context.Profiles.Include(p => p.Skills).Single(p => p.Handle == DemoWorld.OmarHandle);
            omar.Update(ProfileSettings.Of(omar) with { TimeZone = "Asia/Amman", EngagementTypes = EngagementTypes.FixedPrice });
            await context.SaveChangesAsync();
        }

        var view = await new ProfileService(db).GetPublicProfileAsync(Actor.Visitor, ProfileKind.Freelancer, DemoWorld.OmarHandle);
        Assert.Equal("Asia/Amman", view!.TimeZone);
        Assert.Equal("Fixed price", view.EngagementText);
    }
}
