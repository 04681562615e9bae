using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.ContactRules;
using TalentCloud.Core.Organizations;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Core.Messaging;

public sealed class OrganizationProfileServiceTests : IAsyncLifetime
{
    private TestDatabase db = null!;
    private OrganizationProfileService service = null!;

    public async ValueTask InitializeAsync()
    {
        db = await TestDatabase.CreateWithDemoWorldAsync();
        service = new OrganizationProfileService(db, db.Clock);
    }

    public async ValueTask DisposeAsync() => await db.DisposeAsync();

    [Fact]
    public async Task Maria_cannot_put_an_email_address_in_Acmes_description()
    {
        var maria = await db.ActorAsync(DemoWorld.MariaEmail);
        var acme = await service.GetOwnAsync(maria);

        var result = await service.UpdateDescriptionAsync(maria, acme!.Id, "Acme builds apps. Questions? hiring@acme.test");

        Assert.False(result.Succeeded);
        Assert.Contains("an e-mail address", result.Errors[0], StringComparison.Ordinal);
        Assert.Contains(PublicTextPolicy.RuleText, result.Errors[0], StringComparison.Ordinal);
        Assert.Equal(acme.Description, (await service.GetOwnAsync(maria))!.Description);
    }

    [Fact]
    public async Task The_owner_saves_a_description_without_contact_details()
    {
        var maria = await db.ActorAsync(DemoWorld.MariaEmail);
        var acme = await service.GetOwnAsync(maria);

        var result = await service.UpdateDescriptionAsync(maria, acme!.Id, "  Acme builds consumer and logistics apps for 40 million people.  ");

        Assert.True(result.Succeeded);
        Assert.Equal("Acme builds consumer and logistics apps for 40 million people.", (await service.GetOwnAsync(maria))!.Description);
        await using var context = db.CreateDbContext();
        Assert.True(await context.AuditEntries.AnyAsync(a => a.Action == "organization.description.updated"));
    }

    [Fact]
    public async Task Hiring_managers_and_other_organisations_cannot_edit_it()
    {
        var acmeId = (await service.GetOwnAsync(await db.ActorAsync(DemoWorld.MariaEmail)))!.Id;

        var byRaj = await service.UpdateDescriptionAsync(await db.ActorAsync(DemoWorld.RajEmail), acmeId, "Changed");
        var byCarl = await service.UpdateDescriptionAsync(await db.ActorAsync(DemoWorld.CarlEmail), acmeId, "Changed");

        Assert.Equal(OrganizationProfileService.NotOwner, Assert.Single(byRaj.Errors));
        Assert.Equal(OrganizationProfileService.NotOwner, Assert.Single(byCarl.Errors));
        Assert.Null(await service.GetOwnAsync(await db.ActorAsync(DemoWorld.RajEmail)));
    }

    [Fact]
    public async Task Over_long_description_is_refused_with_the_limit()
    {
        var maria = await db.ActorAsync(DemoWorld.MariaEmail);
        var acme = await service.GetOwnAsync(maria);

        var result = await service.UpdateDescriptionAsync(maria, acme!.Id, new string('a', Organization.DescriptionMaxLength + 1));

        Assert.Contains("at most 2,000 characters", result.Errors[0], StringComparison.Ordinal);
    }
}
