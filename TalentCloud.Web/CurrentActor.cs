using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using TalentCloud.Core.Accounts;

namespace TalentCloud.Web;

/// <summary>
/// The signed-in user as a Core <see cref="Actor"/>, read from the authentication state (never from HttpContext in
/// interactive components) and loaded from the database by <see cref="ActorLoader"/>.
/// </summary>
/// <remarks>
/// An HTTP request (a static page or a prerender) loads the actor once and every component of that request shares it:
/// the request is one moment. A live circuit lasts for hours, so there each use loads it afresh and a change (a new
/// membership, a revoked subscription) applies at once; only components asking at the same moment (a page and the
/// layout while the circuit starts) share the load in flight.
/// </remarks>
public sealed class CurrentActor(AuthenticationStateProvider authentication, ActorLoader loader)
{
    private string? loadedFor;
    private Task<Actor>? load;
    private bool oneRequest;

    /// <summary>Called by the root component while it renders an HTTP request: this scope is that one request.</summary>
    public void ScopeToRequest() => oneRequest = true;

    public async Task<Actor> GetAsync(CancellationToken ct = default)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        var userId = state.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (string.IsNullOrEmpty(userId))
        {
            return Actor.Visitor;
        }

        var reusable = load is { IsFaulted: false, IsCanceled: false } && loadedFor == userId && (oneRequest || !load.IsCompleted);
        if (!reusable)
        {
            loadedFor = userId;
            load = loader.LoadAsync(userId, ct);
        }

        return await load!;
    }
}
