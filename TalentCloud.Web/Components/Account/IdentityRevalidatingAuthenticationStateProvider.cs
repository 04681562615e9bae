using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TalentCloud.Core.Accounts;

namespace TalentCloud.Web.Components.Account;

/// <summary>
/// Checks a live circuit's user every minute and signs the circuit out when the account is gone, its security stamp
/// changed (password changed or reset, sign-out everywhere) or its roles differ from the ones signed in with. Core loads
/// organisation roles afresh for every action; this covers what the circuit's principal itself carries.
/// </summary>
public sealed class IdentityRevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override TimeSpan RevalidationInterval => Interval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.GetUserAsync(authenticationState.User);
        if (user is null)
        {
            return false;
        }

        var claimed = authenticationState.User.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        if (users.SupportsUserSecurityStamp && claimed != await users.GetSecurityStampAsync(user))
        {
            return false;
        }

        var roleClaim = options.Value.ClaimsIdentity.RoleClaimType;
        var signedInRoles = authenticationState.User.FindAll(roleClaim).Select(c => c.Value).Order(StringComparer.Ordinal);
        var currentRoles = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal);
        return signedInRoles.SequenceEqual(currentRoles, StringComparer.Ordinal);
    }
}
