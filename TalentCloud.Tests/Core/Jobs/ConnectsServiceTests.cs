using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Connects;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Core.Jobs;

/// <summary>Starting grants, admin grants with reason and audit, and who may read a ledger.</summary>
public sealed class ConnectsServiceTests : IAsyncLifetime
{
    private JobsTestWorld world = null!;

    public async ValueTask InitializeAsync() => world = await JobsTestWorld.CreateAsync();

    public async ValueTask DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public async Task Demo_talent_starts_with_the_welcome_grant_less_what_they_spent()
    {
        Assert.Equal(10, await world.Connects.GetMyBalanceAsync(await world.ActorAsync(DemoWorld.FionaEmail)));
        Assert.Equal(6, await world.Connects.GetMyBalanceAsync(await world.ActorAsync(DemoWorld.OmarEmail)));
        Assert.Equal(6, await world.Connects.GetMyBalanceAsync(await world.ActorAsync(DemoWorld.LeeEmail)));
        Assert.Equal(4, await world.Connects.GetMyBalanceAsync(await world.ActorAsync(DemoWorld.NinaEmail)));
        Assert.Null(await world.Connects.GetMyBalanceAsync(await world.ActorAsync(DemoWorld.CarlEmail)));
        Assert.Null(await world.Connects.GetMyBalanceAsync(Actor.Visitor));
    }

    [Theory]
    [InlineData(AccountKind.Freelancer, 10)]
    [InlineData(AccountKind.Agency, 10)]
    public async Task Registration_grants_the_starting_connects(AccountKind kind, int expected)
    {
        await using var provider = CoreServices.Build(world.Db);
        await OutboxLinks.RegisterAndConfirmAsync(provider, new RegistrationRequest($"new-{kind}@example.test", "a long enough password", kind, $"New {kind}"));

        var actor = await world.Db.ActorAsync($"new-{kind}@example.test");
        Assert.Equal(expected, await world.Connects.GetMyBalanceAsync(actor));
        var account = await world.Connects.GetAccountAsync(actor, actor.ProfileIds[0]);
        Assert.Equal(ConnectsEntryKind.Grant, Assert.Single(account!.Rows).Kind);
    }

    [Fact]
    public async Task Client_registration_gets_no_connects()
    {
        await using var provider = CoreServices.Build(world.Db);
        await OutboxLinks.RegisterAndConfirmAsync(provider, new RegistrationRequest("client@example.test", "a long enough password", AccountKind.Client, "Client Co"));
        Assert.Null(await world.Connects.GetMyBalanceAsync(await world.Db.ActorAsync("client@example.test")));
    }

    [Fact]
    public async Task The_grant_page_lists_the_latest_admin_grants_newest_first_and_only_for_admins()
    {
        var admin = await world.ActorAsync(DemoWorld.AdminEmail);
        Assert.Empty((await world.Connects.GetGrantViewAsync(admin))!.RecentGrants); // welcome grants are not admin grants
        Assert.True((await world.Connects.GrantAsync(admin, DemoWorld.OmarHandle, 5, "First")).Succeeded);
        Assert.True((await world.Connects.GrantAsync(admin, DemoWorld.FionaHandle, 7, "Second")).Succeeded);

        var view = (await world.Connects.GetGrantViewAsync(admin))!;
        Assert.Equal(["Second", "First"], view.RecentGrants.Select(g => g.Reason));
        Assert.Equal(("Fiona Park", DemoWorld.FionaHandle, 7, "Ada Admin"), (view.RecentGrants[0].ProfileName, view.RecentGrants[0].ProfileHandle,
            view.RecentGrants[0].Amount, view.RecentGrants[0].GrantedBy));
        Assert.Equal(ConnectsPricing.MaxAdminGrant, view.MaxAmount);
        foreach (var email in new[] { DemoWorld.MariaEmail, DemoWorld.FionaEmail })
        {
            Assert.Null(await world.Connects.GetGrantViewAsync(await world.ActorAsync(email)));
        }

        Assert.Null(await world.Connects.GetGrantViewAsync(Actor.Visitor));
    }

    [Fact]
    public async Task Admin_grant_adds_a_ledger_row_an_audit_entry_and_a_notification()
    {
        var admin = await world.ActorAsync(DemoWorld.AdminEmail);
        var result = await world.Connects.GrantAsync(admin, DemoWorld.OmarHandle, 25, "Compensation for a cancelled job");

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.Equal(31, await world.Connects.GetMyBalanceAsync(await world.ActorAsync(DemoWorld.OmarEmail)));
        await using var context = world.Db.CreateDbContext();
        var audit = await context.AuditEntries.SingleAsync(a => a.Action == "connects.granted");
        Assert.Equal(admin.UserId, audit.ActorUserId);
        Assert.Contains("Compensation for a cancelled job", audit.Outcome, StringComparison.Ordinal);
        var row = await context.ConnectsEntries.OrderBy(e => e.Id).LastAsync();
        Assert.Equal((ConnectsEntryKind.Grant, 25, admin.UserId), (row.Kind, row.Amount, row.ActorUserId));
    }

    [Theory]
    [InlineData(DemoWorld.MariaEmail)]
    [InlineData(DemoWorld.OmarEmail)]
    [InlineData(DemoWorld.CarlEmail)]
    [InlineData(DemoVisibility.Visitor)]
    public async Task Only_platform_admins_grant(string who)
    {
        var before = await world.CountsAsync();
        var result = await world.Connects.GrantAsync(await world.ActorAsync(who), DemoWorld.OmarHandle, 100, "Please");
        Assert.Equal([ConnectsErrors.OnlyAdminsGrant], result.Errors);
        Assert.Equal(before, await world.CountsAsync());
    }

    [Theory]
    [InlineData("omar-haddad", 0, "Reason", "Grant from 1 to 500")]
    [InlineData("omar-haddad", -5, "Reason", "Grant from 1 to 500")]
    [InlineData("omar-haddad", 501, "Reason", "Grant from 1 to 500")]
    [InlineData("omar-haddad", 5, "  ", "Give a reason")]
    [InlineData("no-such-person", 5, "Reason", "There is no freelancer")]
    [InlineData("<script>", 5, "Reason", "There is no freelancer")]
    public async Task Bad_grants_are_refused_and_change_nothing(string handle, int amount, string reason, string expected)
    {
        var before = await world.CountsAsync();
        var result = await world.Connects.GrantAsync(await world.ActorAsync(DemoWorld.AdminEmail), handle, amount, reason);
        Assert.Contains(result.Errors, e => e.StartsWith(expected, StringComparison.Ordinal));
        Assert.Equal(before, await world.CountsAsync());
    }

    [Fact]
    public async Task A_ledger_is_readable_by_its_owner_and_admins_only()
    {
        var omarProfile = await world.ProfileIdAsync(DemoWorld.OmarHandle);
        Assert.NotNull(await world.Connects.GetAccountAsync(await world.ActorAsync(DemoWorld.OmarEmail), omarProfile));
        Assert.NotNull(await world.Connects.GetAccountAsync(await world.ActorAsync(DemoWorld.AdminEmail), omarProfile));
        Assert.Null(await world.Connects.GetAccountAsync(await world.ActorAsync(DemoWorld.FionaEmail), omarProfile));
        Assert.Null(await world.Connects.GetAccountAsync(await world.ActorAsync(DemoWorld.CarlEmail), omarProfile));
    }

    [Fact]
    public async Task The_application_has_no_way_to_change_a_ledger_row()
    {
        // Append-only by construction: no public setters, no update path on the entity.
        Assert.All(typeof(ConnectsEntry).GetProperties(), p => Assert.False(p.SetMethod?.IsPublic ?? false, p.Name));
        await Task.CompletedTask;
    }
}
