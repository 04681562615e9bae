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
        return await IsStillValidAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), options.Value, authenticationState.User);
    }

    /// <summary>Whether <paramref name="principal"/> still describes its account: it exists, same security stamp, same roles.</summary>
    public static async Task<bool> IsStillValidAsync(UserManager<AppUser> users, IdentityOptions identity, ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(identity);
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return false;
        }

        var claimed = principal.FindFirstValue(identity.ClaimsIdentity.SecurityStampClaimType);
        if (users.SupportsUserSecurityStamp && claimed != await users.GetSecurityStampAsync(user))
        {
            return false;
        }

        var signedInRoles = principal.FindAll(identity.ClaimsIdentity.RoleClaimType).Select(c => c.Value).Order(StringComparer.Ordinal);
        var currentRoles = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal);
        return signedInRoles.SequenceEqual(currentRoles, StringComparer.Ordinal);
    }
}
