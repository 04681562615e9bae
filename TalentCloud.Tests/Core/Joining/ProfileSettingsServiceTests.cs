using TalentCloud.Core.Offers;
using TalentCloud.Core.Profiles;
using TalentCloud.Core.Seeding;

namespace TalentCloud.Tests.Core.Joining;

public sealed class ProfileSettingsServiceTests : JoiningWorld
{
    private ProfileSettingsService Settings => new(Db, Db.Clock);

    [Fact]
    public async Task Own_profile_saves_every_field()
    {
        var omar = await Omar;
        var view = (await Settings.ListOwnAsync(omar)).Single();
        var changed = view.Settings with
        {
            Skills = ["C#", "SQL"],
            Country = "de",
            TimeZone = "Europe/Berlin",
            EngagementTypes = EngagementTypes.FixedPrice,
            BusinessEntityType = BusinessEntityType.SoleProprietorship,
            BusinessName = "Haddad Software",
            LicenceNumber = "L-1",
        };

        var result = await Settings.UpdateAsync(omar, view.ProfileId, changed);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        var saved = (await Settings.GetAsync(omar, view.ProfileId))!.Settings;
        Assert.Equal(["C#", "SQL"], saved.Skills);
        Assert.Equal("DE", saved.Country);
        Assert.Equal("Europe/Berlin", saved.TimeZone);
        Assert.Equal("Haddad Software", saved.BusinessName);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_limits_and_nothing_changes()
    {
        var omar = await Omar;
        var view = (await Settings.ListOwnAsync(omar)).Single();

        var result = await Settings.UpdateAsync(omar, view.ProfileId, view.Settings with
        {
            DisplayName = new string('n', 101),
            Country = "ZZ",
            TimeZone = "Mars/Olympus",
            HourlyRate = 5000,
            BusinessEntityType = BusinessEntityType.LimitedCompany,
            BusinessName = "",
        });

        Assert.Equal(5, result.Errors.Count);
        Assert.Contains(result.Errors, e => e.Contains("at most 100 characters", StringComparison.Ordinal));
        Assert.Equal("Omar Haddad", (await Settings.GetAsync(omar, view.ProfileId))!.Settings.DisplayName);
    }

    [Theory]
    [InlineData("Bio", "Write to omar.haddad@example.com for quick answers.")]
    [InlineData("Title", "Backend engineer, call +962 6 555 0100")]
    public async Task Contact_details_on_the_public_profile_are_refused_with_the_rule(string field, string text)
    {
        var omar = await Omar;
        var view = (await Settings.ListOwnAsync(omar)).Single();
        var changed = field == "Bio" ? view.Settings with { Bio = text } : view.Settings with { Title = text };

        var result = await Settings.UpdateAsync(omar, view.ProfileId, changed);

        Assert.Contains(result.Errors, e => e.Contains(TalentCloud.Core.ContactRules.PublicTextPolicy.RuleName, StringComparison.Ordinal));
        var saved = (await Settings.GetAsync(omar, view.ProfileId))!.Settings;
        Assert.Equal((view.Settings.Title, view.Settings.Bio), (saved.Title, saved.Bio));
    }

    [Fact]
    public async Task Nobody_edits_someone_elses_profile()
    {
        var omarId = await ProfileIdAsync(DemoWorld.OmarHandle);
        var lee = await Lee;

        Assert.Null(await Settings.GetAsync(lee, omarId));
        Assert.False((await Settings.UpdateAsync(lee, omarId, new ProfileSettings("Hijacked", "", "", [], 0, "", "", EngagementTypes.None,
            BusinessEntityType.None, "", "", ""))).Succeeded);
        Assert.Empty(await Settings.ListOwnAsync(await Maria));
    }

    [Fact]
    public async Task Distinct_clients_are_counted_from_contracts()
    {
        var omar = await Omar;
        var omarId = await ProfileIdAsync(DemoWorld.OmarHandle);
        Assert.Equal(0, (await Settings.GetAsync(omar, omarId))!.DistinctClients);

        foreach (var title in new[] { "One", "Two" })
        {
            var offer = await Offers.CreateAsync(await Hank, new OfferInput(await CloudIdAsync(DemoWorld.GlobexDesign), omarId, title, "", PayKind.Hourly, 60, []));
            await Offers.AcceptAsync(omar, offer.Value);
        }

        Assert.Equal(1, (await Settings.GetAsync(omar, omarId))!.DistinctClients);
    }
}
