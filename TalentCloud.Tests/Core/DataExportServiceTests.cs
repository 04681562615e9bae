using System.Text;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.DataExport;
using TalentCloud.Core.Removals;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;
using static TalentCloud.Tests.Core.RemovalTestData;

namespace TalentCloud.Tests.Core;

public sealed class DataExportServiceTests : IAsyncLifetime
{
    private TestDatabase db = null!;
    private DataExportService exports = null!;

    public async ValueTask InitializeAsync()
    {
        db = await TestDatabase.CreateWithDemoWorldAsync();
        exports = new DataExportService(db, db.Clock);
    }

    public async ValueTask DisposeAsync() => await db.DisposeAsync();

    private async Task<string> JsonOfAsync(string email)
    {
        var export = await exports.ExportAsync(await db.ActorAsync(email));
        Assert.NotNull(export);
        return Encoding.UTF8.GetString(DataExportService.ToJson(export));
    }

    [Theory]
    // Lee also sees the cloud of Globex's offer to him; omar the cloud of his pending invitation.
    [InlineData(DemoWorld.LeeEmail, new[] { DemoWorld.AcmeData, DemoWorld.AcmeMobile, DemoWorld.GlobexDesign })]
    [InlineData(DemoWorld.FionaEmail, new[] { DemoWorld.AcmeMobile, DemoWorld.GlobexDesign })]
    [InlineData(DemoWorld.NinaEmail, new[] { DemoWorld.AcmeMobile })]
    [InlineData(DemoWorld.OmarEmail, new[] { DemoWorld.AcmeData })]
    [InlineData(DemoWorld.CarlEmail, new string[0])]
    [InlineData(DemoWorld.HankEmail, new string[0])]
    public async Task The_export_names_only_the_members_own_clouds(string email, string[] own)
    {
        var json = await JsonOfAsync(email);

        foreach (var name in own)
        {
            Assert.Contains(name, json, StringComparison.Ordinal);
        }

        foreach (var name in DemoWorld.AllCloudNames.Except(own))
        {
            Assert.DoesNotContain(name, json, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task The_export_holds_profile_memberships_requests_and_notifications()
    {
        var nina = await db.ActorAsync(DemoWorld.NinaEmail);
        var export = await exports.ExportAsync(nina);

        Assert.NotNull(export);
        Assert.Equal(DemoWorld.NinaEmail, export.Account.Email);
        Assert.Equal(DemoWorld.NorthwindHandle, Assert.Single(export.Profiles).Handle);
        var membership = Assert.Single(export.Memberships);
        Assert.Equal((DemoWorld.AcmeMobile, DemoWorld.Acme, "Active"), (membership.Cloud, membership.Organization, membership.Status));
        Assert.Equal("Pending", Assert.Single(export.RemovalRequests).Status);

        await new RemovalQueueService(db, db.Clock).ApproveAsync(await db.ActorAsync(DemoWorld.AdminEmail), await NinasRequestIdAsync(db));
        var after = await exports.ExportAsync(nina);
        Assert.Empty(after!.Memberships);
        Assert.Equal("Approved", Assert.Single(after.RemovalRequests).Status);
        Assert.Single(after.Notifications, n => n.Kind == nameof(TalentCloud.Core.Notifications.NotificationKind.RemovalProcessed));
        var json = Encoding.UTF8.GetString(DataExportService.ToJson(after));
        Assert.DoesNotContain(DemoWorld.AcmeData, json, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoWorld.GlobexDesign, json, StringComparison.Ordinal);
        Assert.DoesNotContain("PasswordHash", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_visitor_has_no_export() => Assert.Null(await exports.ExportAsync(Actor.Visitor));

    [Fact]
    public async Task The_export_holds_invitations_offers_proposals_and_messages()
    {
        var omar = (await exports.ExportAsync(await db.ActorAsync(DemoWorld.OmarEmail)))!;
        var invitation = Assert.Single(omar.Invitations);
        Assert.Equal((DemoWorld.AcmeData, DemoWorld.Acme, "Pending"), (invitation.Cloud, invitation.Organization, invitation.Status));
        Assert.Contains(omar.Messages, m => m.Organization == DemoWorld.Initech);

        var lee = (await exports.ExportAsync(await db.ActorAsync(DemoWorld.LeeEmail)))!;
        var offer = Assert.Single(lee.Offers);
        Assert.Equal((DemoWorld.Globex, DemoWorld.GlobexDesign), (offer.Organization, offer.Cloud));

        var fiona = (await exports.ExportAsync(await db.ActorAsync(DemoWorld.FionaEmail)))!;
        Assert.Contains(fiona.Messages, m => m.Organization == DemoWorld.Acme);
        Assert.All(fiona.Messages, m => Assert.NotEqual(DemoWorld.Initech, m.Organization));

        var everyone = new[] { omar, lee, fiona };
        Assert.NotEmpty(everyone.SelectMany(e => e.Proposals));
        Assert.All(everyone.SelectMany(e => e.Proposals), p => Assert.False(string.IsNullOrWhiteSpace(p.Job)));
    }
}
