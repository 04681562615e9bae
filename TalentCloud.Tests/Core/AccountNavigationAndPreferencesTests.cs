using TalentCloud.Core.Accounts;
using TalentCloud.Core.Profiles;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Core;

/// <summary>What the navigation may offer each role (the overview's Can… flags), the profile's message flag, and the theme preference.</summary>
public sealed class AccountNavigationAndPreferencesTests : IAsyncLifetime
{
    private TestDatabase db = null!;

    public async ValueTask InitializeAsync() => db = await TestDatabase.CopyOfDemoWorldAsync();

    public async ValueTask DisposeAsync() => await db.DisposeAsync();

    // talent, hire, search, clouds, company profile, message, administer
    [Theory]
    [InlineData(DemoVisibility.Visitor, false, false, false, false, false, false, false)]
    [InlineData(DemoWorld.FionaEmail, true, false, false, false, false, true, false)]
    [InlineData(DemoWorld.NinaEmail, true, false, false, false, false, true, false)]
    [InlineData(DemoWorld.MariaEmail, false, true, true, true, true, true, false)]
    [InlineData(DemoWorld.RajEmail, false, true, true, true, false, true, false)]
    [InlineData(DemoWorld.RitaEmail, false, true, true, true, false, true, false)]
    [InlineData(DemoWorld.CarlEmail, false, true, true, false, true, true, false)]
    [InlineData(DemoWorld.AdminEmail, false, false, true, false, false, false, true)]
    public async Task Each_role_gets_its_own_areas(string email, bool talent, bool hire, bool search, bool clouds, bool company, bool message, bool admin)
    {
        var actor = email == DemoVisibility.Visitor ? Actor.Visitor : await db.ActorAsync(email);
        var overview = await new AccountOverviewService(db).GetAsync(actor);
        Assert.Equal((talent, hire, search, clouds, company, message, admin),
            (overview.CanWorkAsTalent, overview.CanHire, overview.CanSearchTalent, overview.CanManageClouds, overview.CanEditCompanyProfile,
             overview.CanMessage, overview.CanAdminister));
        Assert.Equal(email != DemoVisibility.Visitor, overview.IsSignedIn);
    }

    // team, post jobs
    [Theory]
    [InlineData(DemoWorld.MariaEmail, true, true)]
    [InlineData(DemoWorld.RajEmail, false, true)]
    [InlineData(DemoWorld.RitaEmail, false, false)]
    [InlineData(DemoWorld.CarlEmail, true, true)]
    [InlineData(DemoWorld.FionaEmail, false, false)]
    public async Task Only_owners_get_the_team_page_and_recruiters_no_job_posting(string email, bool team, bool postJobs)
    {
        var overview = await new AccountOverviewService(db).GetAsync(await db.ActorAsync(email));
        Assert.Equal((team, postJobs), (overview.CanManageTeam, overview.CanPostJobs));
    }

    [Theory]
    [InlineData(DemoWorld.MariaEmail, DemoWorld.OmarHandle, true)]
    [InlineData(DemoWorld.CarlEmail, DemoWorld.FionaHandle, true)]
    [InlineData(DemoWorld.FionaEmail, DemoWorld.OmarHandle, false)]
    [InlineData(DemoWorld.FionaEmail, DemoWorld.FionaHandle, false)]
    [InlineData(DemoWorld.AdminEmail, DemoWorld.OmarHandle, false)]
    public async Task Only_client_users_may_message_someone_elses_profile(string email, string handle, bool expected)
    {
        var view = await new ProfileService(db).GetPublicProfileAsync(await db.ActorAsync(email), ProfileKind.Freelancer, handle);
        Assert.Equal(expected, view!.CanMessage);
    }

    [Fact]
    public async Task The_theme_choice_is_kept_with_the_user_and_nobody_else()
    {
        var preferences = new UserPreferencesService(db);
        var fiona = await db.ActorAsync(DemoWorld.FionaEmail);
        var omar = await db.ActorAsync(DemoWorld.OmarEmail);
        Assert.Null(await preferences.GetDarkThemeAsync(fiona.UserId));

        Assert.True(await preferences.SetDarkThemeAsync(fiona.UserId, true));
        Assert.True(await preferences.GetDarkThemeAsync(fiona.UserId));
        Assert.Null(await preferences.GetDarkThemeAsync(omar.UserId));

        Assert.True(await preferences.SetDarkThemeAsync(fiona.UserId, false));
        Assert.False(await preferences.GetDarkThemeAsync(fiona.UserId));
    }

    [Fact]
    public async Task A_visitor_or_unknown_id_stores_nothing()
    {
        var preferences = new UserPreferencesService(db);
        Assert.False(await preferences.SetDarkThemeAsync(null, true));
        Assert.False(await preferences.SetDarkThemeAsync("no-such-user", true));
        Assert.Null(await preferences.GetDarkThemeAsync("no-such-user"));
    }
}
