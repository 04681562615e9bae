using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;
using TalentCloud.Web.Components.Account;

namespace TalentCloud.Tests.Web;

/// <summary>A live circuit (and the sign-in cookie) is checked every minute: a changed password or a lost role ends it.</summary>
public sealed class RevalidationTests : IAsyncLifetime
{
    private readonly TalentCloudAppFactory factory = new() { GeneratedProfiles = 0 };

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task A_password_change_or_a_lost_role_ends_access_at_the_next_check_within_a_minute()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var principals = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>();
        var identity = scope.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>().Value;
        var admin = (await users.FindByEmailAsync(DemoWorld.AdminEmail))!;
        var lee = (await users.FindByEmailAsync(DemoWorld.LeeEmail))!;

        var adminSession = await principals.CreateAsync(admin);
        var leeSession = await principals.CreateAsync(lee);
        Assert.True(await IdentityRevalidatingAuthenticationStateProvider.IsStillValidAsync(users, identity, adminSession));
        Assert.True(await IdentityRevalidatingAuthenticationStateProvider.IsStillValidAsync(users, identity, leeSession));

        Assert.True((await users.RemoveFromRoleAsync(admin, Roles.PlatformAdmin)).Succeeded);
        Assert.True((await users.ChangePasswordAsync(lee, DemoWorld.Password, "a completely new password")).Succeeded);

        Assert.False(await IdentityRevalidatingAuthenticationStateProvider.IsStillValidAsync(users, identity, adminSession));
        Assert.False(await IdentityRevalidatingAuthenticationStateProvider.IsStillValidAsync(users, identity, leeSession));
        Assert.Equal(TimeSpan.FromMinutes(1), IdentityRevalidatingAuthenticationStateProvider.Interval);
        Assert.Equal(TimeSpan.FromMinutes(1), factory.Services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value.ValidationInterval);
    }
}
