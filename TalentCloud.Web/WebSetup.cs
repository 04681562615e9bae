using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.AspNetCore.Antiforgery;
using MudBlazor.Services;
using TalentCloud.Core;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Data;
using TalentCloud.Core.Seeding;
using TalentCloud.Web.Background;
using TalentCloud.Web.Components.Account;

namespace TalentCloud.Web;

/// <summary>Composition of the web app: everything Program.cs wires, in one place.</summary>
public static class WebSetup
{
    public static WebApplicationBuilder AddTalentCloudWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Long search addresses (/search?q=...) get a page with a trimmed query rather than "414 URI too long".
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestLineSize = 64 * 1024);
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddScoped<ThemePreference>();
        services.AddScoped<TalentCloud.Web.Components.Shared.Actions.PageActionRunner>();

        services.AddTalentCloudCore(DatabaseSettingsFrom(builder.Configuration, builder.Environment.ContentRootPath));

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddScoped<CurrentActor>();
        services.AddScoped<ConnectsBalanceState>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddAuthorization();

        services.AddTalentCloudIdentity()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.AddScoped<IEmailSender<AppUser>, OutboxEmailSender>();

        services.AddHostedService<DigestBackgroundService>();
        services.Configure<SmtpOptions>(builder.Configuration.GetSection("Smtp"));
        if (!string.IsNullOrWhiteSpace(builder.Configuration["Smtp:Host"]))
        {
            services.AddSingleton<SmtpEmailTransport>();
            services.AddHostedService<SmtpOutboxService>();
        }

        return builder;
    }

    /// <summary>
    /// The database from configuration: <c>Database:Provider</c> (Sqlite or PostgreSQL) and <c>ConnectionStrings:TalentCloud</c>.
    /// PostgreSQL has no default address: naming the provider without a connection string is a start-up error.
    /// </summary>
    public static DatabaseSettings DatabaseSettingsFrom(IConfiguration configuration, string contentRoot)
    {
        var provider = DatabaseSettings.ParseProvider(configuration["Database:Provider"]);
        if (provider == DatabaseProvider.PostgreSql)
        {
            var connectionString = configuration.GetConnectionString("TalentCloud");
            if (string.IsNullOrWhiteSpace(connectionString) || connectionString.Contains("Data Source=", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(
                    "Database:Provider is PostgreSQL: set ConnectionStrings:TalentCloud to a PostgreSQL connection string, e.g. "
                    + "\"Host=127.0.0.1;Port=5432;Database=talentcloud;Username=postgres;Password=...\".");
            }

            return DatabaseSettings.PostgreSql(connectionString);
        }

        return DatabaseSettings.Sqlite(ResolveConnectionString(configuration, contentRoot),
            configuration.GetValue("Database:CacheSizeMiB", SqliteCacheInterceptor.DefaultCacheSizeMiB));
    }

    /// <summary>Makes a relative SQLite file path relative to the content root, so the app finds its database wherever it starts.</summary>
    public static string ResolveConnectionString(IConfiguration configuration, string contentRoot)
    {
        var raw = configuration.GetConnectionString("TalentCloud") ?? "Data Source=App_Data/talentcloud.db";
        var csb = new SqliteConnectionStringBuilder(raw);
        if (!string.IsNullOrEmpty(csb.DataSource)
            && csb.DataSource != ":memory:"
            && csb.Mode != SqliteOpenMode.Memory
            && !Path.IsPathRooted(csb.DataSource))
        {
            csb.DataSource = Path.GetFullPath(Path.Combine(contentRoot, csb.DataSource));
        }

        return csb.ToString();
    }

    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var options = new DemoWorldOptions();
        app.Configuration.GetSection("Seed").Bind(options);
        var seed = app.Configuration.GetValue<bool>("Seed:DemoWorld");
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(seed, options);
    }

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/Account/Logout", async (ClaimsPrincipal user, SignInManager<AppUser> signInManager) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("~/");
        });
        // The dark-theme switch posts here (a form, so it also works on static pages). The antiforgery token is checked
        // here rather than by the middleware so that a stale form gets a plain 400 with a message, not an error page.
        endpoints.MapPost("/preferences/theme", async (HttpContext http, IAntiforgery antiforgery, ThemePreference preference) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.Text("This form has expired. Go back, reload the page and try again.", statusCode: StatusCodes.Status400BadRequest);
            }

            var form = await http.Request.ReadFormAsync();
            await preference.SetAsync(http, form["theme"] == "dark");
            return Results.LocalRedirect(ThemePreference.SafeReturnPath(form["returnUrl"]));
        }).DisableAntiforgery();
        return endpoints;
    }
}
