using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using TalentCloud.Core;
using TalentCloud.Core.Accounts;
using TalentCloud.Web;
using TalentCloud.Web.Components.Shared.Actions;

namespace TalentCloud.Tests.Support;

/// <summary>
/// The base of every bUnit test: MudBlazor's services, the REAL Core services over a copy of the demo world in a
/// test SQLite file, the web project's own scoped services (current actor, action runner…), and an interactive
/// renderer. Act as anyone in one line with <see cref="SignInAsAsync"/>; a page test is then
/// <c>await SignInAsAsync(DemoWorld.FionaEmail); var page = Render&lt;ProfilePage&gt;(p =&gt; p.Add(x =&gt; x.Handle, "fiona-park"));</c>.
/// Dialogs and snackbars need their providers: render <see cref="RenderProviders"/> first.
/// </summary>
public abstract class ComponentTestBase : BunitContext, IAsyncLifetime
{
    private BunitAuthorizationContext? authorization;

    /// <summary>The test's own database (the demo world, seeded once per run and copied per test).</summary>
    protected TestDatabase Db { get; private set; } = null!;

    public virtual async ValueTask InitializeAsync()
    {
        Db = await TestDatabase.CopyOfDemoWorldAsync();
        Services.AddMudServices();
        Services.AddLogging();
        Services.AddDataProtection();
        Services.AddSingleton<TimeProvider>(Db.Clock);
        Services.AddTalentCloudCore(Db.ConnectionString);
        Services.AddScoped<CurrentActor>();
        Services.AddScoped<ConnectsBalanceState>();
        Services.AddScoped<PageActionRunner>();
        authorization = AddAuthorization();
        authorization.SetNotAuthorized();
        JSInterop.Mode = JSRuntimeMode.Loose;
        // Pages run over the live circuit: buttons that wait for interactivity are enabled.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    /// <summary>Makes the demo account with this e-mail address the signed-in user (or a visitor for <see cref="DemoVisibility.Visitor"/>).</summary>
    protected async Task SignInAsAsync(string email)
    {
        if (email == DemoVisibility.Visitor)
        {
            authorization!.SetNotAuthorized();
            return;
        }

        await using var context = Db.CreateDbContext();
        var userId = await context.Users.Where(u => u.NormalizedEmail == email.ToUpperInvariant()).Select(u => u.Id).SingleAsync();
        authorization!.SetAuthorized(email);
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
    }

    /// <summary>Signs in as <paramref name="email"/>, goes to <paramref name="address"/> (so query values bind) and renders the page there.</summary>
    protected async Task<IRenderedComponent<TPage>> RenderPageAsync<TPage>(string email, string address,
        Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null)
        where TPage : IComponent
    {
        await SignInAsAsync(email);
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        return Render(parameters);
    }

    /// <summary>Clicks the button with this text in the open dialog.</summary>
    protected static void ClickInDialog(IRenderedComponent<MudDialogProvider> host, string buttonText) =>
        host.WaitForElements("[role=dialog] button").Single(b => b.TextContent.Trim() == buttonText).Click();

    /// <summary>The actor for a demo account, loaded as the app loads it.</summary>
    protected Task<Actor> ActorAsync(string email) => Db.ActorAsync(email);

    /// <summary>Renders the popover, dialog and snackbar providers the layout normally holds; returns the dialog host.</summary>
    protected IRenderedComponent<MudDialogProvider> RenderProviders()
    {
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        return Render<MudDialogProvider>();
    }

    /// <summary>The texts of the snackbars shown so far.</summary>
    protected IReadOnlyList<string> Snackbars() =>
        [.. Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message?.ToString() ?? "")];

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        if (Db is not null)
        {
            await Db.DisposeAsync();
        }
    }
}
