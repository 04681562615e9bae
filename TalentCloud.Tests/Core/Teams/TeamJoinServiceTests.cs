using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Audit;
using TalentCloud.Core.Organizations;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Core.Teams;

/// <summary>Joining through an invitation link: a new person registers into the organisation; an existing account accepts.</summary>
public sealed class TeamJoinServiceTests : TeamWorld
{
    private const string Password = "a long enough password";

    [Fact]
    public async Task A_new_person_registers_through_the_link_into_that_organisation_with_the_role()
    {
        var organizations = await CountAsync(c => c.Organizations);
        Assert.True((await Team.InviteAsync(await Maria, "dana@acme.test", OrganizationRole.Recruiter)).Succeeded);
        var token = await TokenFromOutboxAsync("dana@acme.test");

        var preview = await WithJoinService(s => s.GetAsync(token));
        var joined = await WithJoinService(s => s.RegisterAsync(token, "Dana Reed", Password));

        Assert.Equal(("Acme Corp", OrganizationRole.Recruiter, "Maria Lopez", "dana@acme.test", TeamJoinState.Open),
            (preview!.OrganizationName, preview.Role, preview.InvitedBy, preview.Email, preview.State));
        Assert.True(joined.Succeeded, string.Join(" ", joined.Errors));
        Assert.True(joined.Value!.EmailConfirmed); // the link reached the address
        var dana = await ActorAsync("dana@acme.test");
        Assert.Equal(OrganizationRole.Recruiter, dana.RoleIn(await OrganizationIdAsync(DemoWorld.Acme)));
        Assert.Equal(organizations, await CountAsync(c => c.Organizations)); // no new organisation
        Assert.Empty(dana.ProfileIds);
        Assert.Equal(TeamJoinState.Accepted, (await WithJoinService(s => s.GetAsync(token)))!.State);
        Assert.Equal(1, await AuditCountAsync(AuditActions.TeamInvitationAccepted));
        Assert.Equal(1, await NotificationCountAsync(DemoWorld.MariaEmail, "Dana Reed joined Acme Corp"));
    }

    [Fact]
    public async Task The_new_account_signs_in_with_its_password()
    {
        var dana = await JoinAcmeAsync("dana@acme.test", "Dana Reed", OrganizationRole.Recruiter);

        await using var services = CoreServices.Build(Db);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(dana.UserId!);
        Assert.True(await users.CheckPasswordAsync(user!, Password));
    }

    [Fact]
    public async Task Registering_checks_the_name_and_password_and_changes_nothing_when_refused()
    {
        Assert.True((await Team.InviteAsync(await Maria, "dana@acme.test", OrganizationRole.Recruiter)).Succeeded);
        var token = await TokenFromOutboxAsync("dana@acme.test");
        var users = await CountAsync(c => c.Users);

        var noName = await WithJoinService(s => s.RegisterAsync(token, "  ", Password));
        var longName = await WithJoinService(s => s.RegisterAsync(token, new string('n', 101), Password));
        var contact = await WithJoinService(s => s.RegisterAsync(token, "Dana dana@example.com", Password));
        var shortPassword = await WithJoinService(s => s.RegisterAsync(token, "Dana Reed", "short"));

        Assert.Equal(["Enter your name."], noName.Errors);
        Assert.Equal(["Your name can be at most 100 characters."], longName.Errors);
        Assert.Contains("e-mail address", Assert.Single(contact.Errors), StringComparison.Ordinal);
        Assert.Contains(shortPassword.Errors, e => e.Contains("12", StringComparison.Ordinal));
        Assert.Equal(users, await CountAsync(c => c.Users));
        Assert.Equal(TeamJoinState.Open, (await WithJoinService(s => s.GetAsync(token)))!.State);
    }

    [Fact]
    public async Task A_person_with_an_account_accepts_while_signed_in_with_the_invited_address()
    {
        // Dana was removed once; her account stays and she is invited again.
        var dana = await JoinAcmeAsync("dana@acme.test", "Dana Reed", OrganizationRole.Recruiter);
        Assert.True((await Team.RemoveAsync(await Maria, dana.UserId)).Succeeded);
        Assert.True((await Team.InviteAsync(await Maria, "DANA@acme.test", OrganizationRole.HiringManager)).Succeeded);
        var token = await TokenFromOutboxAsync("DANA@acme.test");

        var omar = await Omar;
        var wrong = await WithJoinService(s => s.AcceptAsync(omar, token));
        var registerAgain = await WithJoinService(s => s.RegisterAsync(token, "Dana Again", Password));
        var danaNow = await ActorAsync("dana@acme.test");
        var accepted = await WithJoinService(s => s.AcceptAsync(danaNow, token));

        Assert.Equal([TeamErrors.WrongAccount("DANA@acme.test")], wrong.Errors);
        Assert.Contains("already exists", Assert.Single(registerAgain.Errors), StringComparison.Ordinal);
        Assert.True(accepted.Succeeded, string.Join(" ", accepted.Errors));
        Assert.Equal(DemoWorld.Acme, accepted.Value);
        Assert.Equal(OrganizationRole.HiringManager, await RoleOfAsync("dana@acme.test", DemoWorld.Acme));
    }

    [Fact]
    public async Task An_account_that_already_belongs_to_an_organisation_cannot_join_a_second()
    {
        // Globex invites an address that has no account yet; Acme's owner then registers it first through Acme's link.
        Assert.True((await Team.InviteAsync(await Hank, "dana@acme.test", OrganizationRole.Recruiter)).Succeeded);
        var globexToken = await TokenFromOutboxAsync("dana@acme.test");
        var dana = await JoinAcmeAsync("dana@acme.test", "Dana Reed", OrganizationRole.Recruiter);

        var second = await WithJoinService(s => s.AcceptAsync(dana, globexToken));

        Assert.Equal([TeamErrors.AlreadyInAnOrganization], second.Errors);
        Assert.Null(await RoleOfAsync("dana@acme.test", DemoWorld.Globex));
        Assert.Equal(OrganizationRole.Recruiter, await RoleOfAsync("dana@acme.test", DemoWorld.Acme));
    }

    [Fact]
    public async Task Expired_withdrawn_used_and_unknown_links_are_refused_with_what_to_do()
    {
        var maria = await Maria;
        Assert.True((await Team.InviteAsync(maria, "dana@acme.test", OrganizationRole.Recruiter)).Succeeded);
        var danaToken = await TokenFromOutboxAsync("dana@acme.test");
        var withdrawn = (await Team.InviteAsync(maria, "eve@acme.test", OrganizationRole.Recruiter)).Value;
        var eveToken = await TokenFromOutboxAsync("eve@acme.test");
        Assert.True((await Team.WithdrawAsync(maria, withdrawn)).Succeeded);
        Db.Clock.Advance(TeamInvitation.Lifetime);

        var expired = await WithJoinService(s => s.RegisterAsync(danaToken, "Dana Reed", Password));
        var gone = await WithJoinService(s => s.RegisterAsync(eveToken, "Eve Stone", Password));
        var unknown = await WithJoinService(s => s.RegisterAsync("not-a-token", "Eve Stone", Password));
        var hostile = await WithJoinService(s => s.GetAsync("'; DROP TABLE TeamInvitations; --"));

        Assert.Contains("expired on", Assert.Single(expired.Errors), StringComparison.Ordinal);
        Assert.Equal([TeamErrors.NoLongerOpen(TeamJoinState.Withdrawn)], gone.Errors);
        Assert.Equal([TeamErrors.InvitationNotFound], unknown.Errors);
        Assert.Null(hostile);
        Assert.Equal(TeamJoinState.Expired, (await WithJoinService(s => s.GetAsync(danaToken)))!.State);
        Assert.Equal(0, await CountAsync(c => c.Users.Where(u => u.Email == "dana@acme.test" || u.Email == "eve@acme.test")));
    }

    [Fact]
    public async Task Two_acceptances_of_one_link_at_once_join_once()
    {
        Assert.True((await Team.InviteAsync(await Maria, DemoWorld.OmarEmail, OrganizationRole.Recruiter)).Succeeded);
        var token = await TokenFromOutboxAsync(DemoWorld.OmarEmail);
        var omar = await Omar;

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => WithJoinService(s => s.AcceptAsync(omar, token)))));

        Assert.Equal(1, results.Count(r => r.Succeeded));
        Assert.Equal(1, await CountAsync(c => c.OrganizationMembers.Where(m => m.UserId == omar.UserId)));
    }

    private async Task<T> WithJoinService<T>(Func<TeamJoinService, Task<T>> use)
    {
        await using var services = CoreServices.Build(Db);
        await using var scope = services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TeamJoinService>());
    }
}
