using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using MudBlazor.Services;
using TalentCloud.Core;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Common;
using TalentCloud.Core.Data;
using TalentCloud.Core.Seeding;
using TalentCloud.Web.Background;
using TalentCloud.Web.Components.Account;
using TalentCloud.Web.Security;

namespace TalentCloud.Web;

/// <summary>Composition of the web app: everything Program.cs wires, in one place.</summary>
public static class WebSetup
{
    public static WebApplicationBuilder AddTalentCloudWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var environment = builder.Environment;
        // Long search addresses (/search?q=...) get a page with a trimmed query rather than "414 URI too long".
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestLineSize = 64 * 1024);
        services.AddRazorComponents()
            .AddInteractiveServerComponents(circuits =>
            {
                circuits.DetailedErrors = environment.IsDevelopment();
                // A dropped connection (a train tunnel, a laptop lid) can come back to its circuit, with the page's
                // state and drafts, for three minutes; at most 100 such circuits wait per server.
                circuits.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(3);
                circuits.DisconnectedCircuitMaxRetained = 100;
                // A browser call that does not answer in 30 s fails that one call instead of holding the circuit.
                circuits.JSInteropDefaultCallTimeout = TimeSpan.FromSeconds(30);
                // Render updates a slow client has not acknowledged yet; past this the server waits for the client.
                circuits.MaxBufferedUnacknowledgedRenderBatches = 10;
            })
            .AddHubOptions(hub =>
            {
                // Form posts over the circuit stay small (a message is at most 4,000 characters).
                hub.MaximumReceiveMessageSize = 64 * 1024;
                hub.ClientTimeoutInterval = TimeSpan.FromSeconds(30);
                hub.KeepAliveInterval = TimeSpan.FromSeconds(15);
            });
        services.AddMudServices();
        services.AddScoped<ThemePreference>();
        services.AddScoped<TalentCloud.Web.Components.Shared.Actions.PageActionRunner>();

        services.AddTalentCloudCore(DatabaseSettingsFrom(configuration, environment.ContentRootPath),
            new CoreSettings(PublicAddressFrom(configuration), ActionLimitsFrom(configuration)));

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
        AddCookiePolicy(services, environment);

        services.AddTalentCloudIdentity()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        // A changed password or security stamp ends other sessions' cookies within a minute (and circuits: see the provider).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = IdentityRevalidatingAuthenticationStateProvider.Interval);

        AddDataProtection(services, configuration);
        AddForwardedHeaders(services, configuration);
        services.AddTalentCloudRateLimits(configuration);
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<KnownDevices>();
        services.AddSingleton<AccountMailQueue>();
        services.AddHostedService<AccountMailWorker>();
        services.AddHostedService<UnconfirmedAccountCleanup>();
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");

        services.AddHostedService<DigestBackgroundService>();
        services.AddHostedService<SubscriptionExpiryBackgroundService>();
        services.Configure<SmtpOptions>(configuration.GetSection("Smtp"));
        if (!string.IsNullOrWhiteSpace(configuration["Smtp:Host"]))
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
            configuration.GetValue("Database:CacheSizeMiB", SqlitePragmas.DefaultCacheSizeMiB));
    }

    /// <summary>The middleware, in order; Program.cs maps the endpoints after it.</summary>
    public static WebApplication UseTalentCloudPipeline(this WebApplication app)
    {
        if (app.Services.GetRequiredService<ForwardedHeadersSetting>().Enabled)
        {
            app.UseForwardedHeaders();
        }

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }

        if (app.Environment.IsProduction())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseCookiePolicy();
        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseRouting();
        app.UseAuthentication();
        app.UseUnreadableFormRefusal();
        app.UseTalentCloudRateLimits();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>
    /// <c>App:PublicBaseUrl</c>, the address every e-mail link points at (links are never built from a request's Host
    /// header). Development falls back to the local address; anywhere else the app refuses to start without it
    /// (<see cref="InitializeDatabaseAsync"/>), while tools such as the migrations still run.
    /// </summary>
    public static PublicAddress PublicAddressFrom(IConfiguration configuration) =>
        PublicAddress.TryParse(configuration["App:PublicBaseUrl"]) ?? PublicAddress.Local;

    /// <summary>The <c>ActionLimits</c> section: per action a <c>Count</c> and a <c>WindowMinutes</c>; missing ones keep their default.</summary>
    public static ActionLimits ActionLimitsFrom(IConfiguration configuration)
    {
        var limits = new Dictionary<LimitedAction, ActionLimit>();
        foreach (var action in Enum.GetValues<LimitedAction>())
        {
            var section = configuration.GetSection($"ActionLimits:{action}");
            var fallback = ActionLimits.DefaultFor(action);
            limits[action] = new ActionLimit(section.GetValue("Count", fallback.Count),
                TimeSpan.FromMinutes(section.GetValue("WindowMinutes", fallback.Window.TotalMinutes)));
        }

        return new ActionLimits(limits);
    }

    /// <summary>
    /// Cookies: the sign-in and antiforgery cookies are HttpOnly and SameSite=Lax; in Production every cookie the app
    /// writes (theme, status message, known device included) is Secure, through the cookie policy middleware.
    /// </summary>
    private static void AddCookiePolicy(IServiceCollection services, IHostEnvironment environment)
    {
        var secure = environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.AddCookiePolicy(policy =>
        {
            policy.Secure = secure;
            policy.MinimumSameSitePolicy = SameSiteMode.Lax;
        });
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = secure;
            cookie.LoginPath = "/Account/Login";
        });
        services.ConfigureExternalCookie(cookie => cookie.Cookie.SecurePolicy = secure);
        services.Configure<AntiforgeryOptions>(antiforgery =>
        {
            antiforgery.Cookie.SecurePolicy = secure;
            // X-Frame-Options (DENY) and frame-ancestors come from SecurityHeaders for every response.
            antiforgery.SuppressXFrameOptionsHeader = true;
        });
        services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(365);
            hsts.IncludeSubDomains = true;
        });
    }

    /// <summary>
    /// The Data Protection key ring (sign-in cookies, antiforgery and reset tokens) lives in the database, shared by every
    /// instance and kept across restarts. With <c>DataProtection:CertificatePath</c> (a .pfx, with
    /// <c>DataProtection:CertificatePassword</c>) the keys are encrypted with that certificate at rest.
    /// </summary>
    private static void AddDataProtection(IServiceCollection services, IConfiguration configuration)
    {
        var dataProtection = services.AddDataProtection()
            .SetApplicationName("TalentCloud")
            .PersistKeysToDbContext<AppDbContext>();
        var certificatePath = configuration["DataProtection:CertificatePath"];
        if (!string.IsNullOrWhiteSpace(certificatePath))
        {
            dataProtection.ProtectKeysWithCertificate(
                X509CertificateLoader.LoadPkcs12FromFile(certificatePath, configuration["DataProtection:CertificatePassword"]));
        }
    }

    /// <summary>
    /// Honour X-Forwarded-For and X-Forwarded-Proto only from the proxies named in <c>ForwardedHeaders:KnownProxies</c>
    /// (addresses) or <c>ForwardedHeaders:KnownNetworks</c> (CIDR ranges); with neither, the headers are ignored.
    /// </summary>
    private static void AddForwardedHeaders(IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [];
        services.AddSingleton(new ForwardedHeadersSetting(proxies.Length + networks.Length > 0));
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = configuration.GetValue("ForwardedHeaders:ForwardLimit", 1);
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
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

    /// <summary>
    /// Checks the public address is configured, then prepares the database: migrations when <c>Database:MigrateOnStart</c> is true (the default in
    /// Development; elsewhere run <c>migrate</c> first), then the demo world when <c>Seed:DemoWorld</c> is on.
    /// </summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment() && PublicAddress.TryParse(app.Configuration["App:PublicBaseUrl"]) is null)
        {
            throw new InvalidOperationException("Set App:PublicBaseUrl to the address users reach TalentCloud at (for example https://talentcloud.example.com/).");
        }

        await using var scope = app.Services.CreateAsyncScope();
        var options = new DemoWorldOptions();
        app.Configuration.GetSection("Seed").Bind(options);
        var startup = new DatabaseStartup(
            MigrateOnStart: app.Configuration.GetValue("Database:MigrateOnStart", app.Environment.IsDevelopment()),
            SeedDemoWorld: app.Configuration.GetValue<bool>("Seed:DemoWorld"),
            IsProduction: app.Environment.IsProduction(),
            AllowDemoWorldInProduction: app.Configuration.GetValue<bool>("Seed:AllowInProduction"));
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(startup, options, app.Lifetime.ApplicationStopping);
    }

    /// <summary>The <c>migrate</c> command: applies pending migrations and returns.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var applied = await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(app.Lifetime.ApplicationStopping);
        app.Logger.LogInformation("Applied {Count} migration(s){List}.", applied.Count, applied.Count == 0 ? "" : ": " + string.Join(", ", applied));
    }

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Signing out needs the form's antiforgery token: a page on another site cannot sign anyone out.
        endpoints.MapPost("/Account/Logout", async (HttpContext context, IAntiforgery antiforgery, SignInManager<AppUser> signInManager) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest();
            }

            await signInManager.SignOutAsync();
            return Results.LocalRedirect("~/");
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
        endpoints.MapHealthChecks("/health");
        return endpoints;
    }
}

/// <summary>Whether forwarded headers are trusted (some proxy is configured).</summary>
public sealed record ForwardedHeadersSetting(bool Enabled);
