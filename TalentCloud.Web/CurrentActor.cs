using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using TalentCloud.Core.Accounts;

namespace TalentCloud.Web;

/// <summary>
/// The signed-in user as a Core <see cref="Actor"/>, read from the authentication state (never from HttpContext in
/// interactive components) and loaded from the database by <see cref="ActorLoader"/>.
/// </summary>
public sealed class CurrentActor(AuthenticationStateProvider authentication, ActorLoader loader)
{
    public async Task<Actor> GetAsync(CancellationToken ct = default)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        var userId = state.User.FindFirstValue(ClaimTypes.NameIdentifier);
        // Loaded for every use so a change (a new membership, a revoked subscription) applies at once.
        return await loader.LoadAsync(userId, ct);
    }
}
