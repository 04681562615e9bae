using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Memberships;
using TalentCloud.Core.Notifications;
using TalentCloud.Core.Removals;
using TalentCloud.Tests.Support;
using TalentCloud.Web;
using TalentCloud.Web.Components.Shared;

namespace TalentCloud.Tests.Components;

/// <summary>The member's removal panel in its two states, as first rendered (before any click).</summary>
public sealed class RemovalRequestPanelMarkupTests : IAsyncLifetime
{
    private TestDatabase db = null!;
    private ServiceProvider services = null!;

    private sealed class SignedOut : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
            Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity())));
    }

    public async ValueTask InitializeAsync()
    {
        db = await TestDatabase.CreateAsync();
        services = new ServiceCollection()
            .AddSingleton(new RemovalRequestService(db, db.Clock))
            .AddSingleton<AuthenticationStateProvider, SignedOut>()
            .AddSingleton(new ActorLoader(db))
            .AddScoped<CurrentActor>()
            .BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await db.DisposeAsync();
    }

    private Task<(string Html, AngleSharp.Dom.IDocument Document)> RenderAsync(MembershipRemovalState membership) =>
        MarkupRenderer.RenderAsync<RemovalRequestPanel>(
            new Dictionary<string, object?> { [nameof(RemovalRequestPanel.Membership)] = membership }, services);

    [Fact]
    public async Task Without_a_request_it_offers_request_removal_and_no_dialog_yet()
    {
        var (_, doc) = await RenderAsync(new MembershipRemovalState(7, "Fiona Park", "Acme Pro Mobile Developers", "Acme Corp",
            MembershipStatus.Active, NotificationFrequency.Instant, null, null));

        var button = Assert.Single(doc.QuerySelectorAll("button"));
        Assert.Equal("Request removal", button.TextContent.Trim());
        Assert.Null(doc.QuerySelector("[role=dialog]"));
        Assert.DoesNotContain("Removal requested", doc.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_an_open_request_it_shows_the_state_and_offers_cancelling()
    {
        var (_, doc) = await RenderAsync(new MembershipRemovalState(7, "Fiona Park", "Acme Pro Mobile Developers", "Acme Corp",
            MembershipStatus.Active, NotificationFrequency.Instant, 3, new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero)));

        Assert.Equal("Removal requested", doc.QuerySelector(".removal-badge")!.TextContent.Trim());
        Assert.Contains("21 Nov 2026", doc.QuerySelector(".removal-state")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Cancel removal request", Assert.Single(doc.QuerySelectorAll("button")).TextContent.Trim());
    }
}
