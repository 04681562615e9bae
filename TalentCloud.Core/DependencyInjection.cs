using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Connects;
using TalentCloud.Core.Data;
using TalentCloud.Core.Jobs;
using TalentCloud.Core.Live;
using TalentCloud.Core.Messaging;
using TalentCloud.Core.Organizations;
using TalentCloud.Core.Notifications;
using TalentCloud.Core.Profiles;
using TalentCloud.Core.Proposals;
using TalentCloud.Core.Admin;
using TalentCloud.Core.DataExport;
using TalentCloud.Core.Help;
using TalentCloud.Core.Removals;
using TalentCloud.Core.Search;

namespace TalentCloud.Core;

public static class DependencyInjection
{
    /// <summary>
    /// Registers every Core service over a SQLite database: <paramref name="connectionString"/> names it,
    /// <paramref name="cacheSizeMiB"/> is each connection's page cache (see the overload taking <see cref="DatabaseSettings"/>).
    /// </summary>
    public static IServiceCollection AddTalentCloudCore(this IServiceCollection services, string connectionString,
        int cacheSizeMiB = SqlitePragmas.DefaultCacheSizeMiB, CoreSettings? settings = null) =>
        services.AddTalentCloudCore(DatabaseSettings.Sqlite(connectionString, cacheSizeMiB), settings);

    /// <summary>
    /// Registers the database (SQLite or PostgreSQL, as <paramref name="database"/> says) and every Core service;
    /// <paramref name="settings"/> (e-mail links, action limits) defaults to <see cref="CoreSettings.Default"/>.
    /// </summary>
    public static IServiceCollection AddTalentCloudCore(this IServiceCollection services, DatabaseSettings database, CoreSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        services.AddSingleton(database);
        services.AddSingleton(settings ?? CoreSettings.Default);
        services.AddSingleton<NotificationNotifier>();
        services.AddSingleton<ConversationNotifier>();
        services.AddSingleton<LiveUpdateHub>();
        services.AddSingleton<LiveUpdateInterceptor>();
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            // Other instances' commits reach this instance's open pages through the database (LISTEN/NOTIFY).
            services.AddSingleton<PostgreSqlLiveListener>();
            services.AddHostedService(sp => sp.GetRequiredService<PostgreSqlLiveListener>());
        }

        services.AddDbContextFactory<AppDbContext, AppDbContextFactory>((sp, options) =>
        {
            database.Configure(options);
            options.AddInterceptors(sp.GetRequiredService<LiveUpdateInterceptor>());
        });
        // Identity's stores want a scoped context; Core services create one context per operation from the factory.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        services.TryAddTimeProvider();
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);

        services.AddSingleton<ActorLoader>();
        services.AddSingleton<ProfileService>();
        services.AddSingleton<AccountOverviewService>();
        services.AddSingleton<UserPreferencesService>();
        services.AddSingleton<JobService>();
        services.AddSingleton<ProposalService>();
        services.AddSingleton<ConnectsService>();
        services.AddSingleton<ConversationService>();
        services.AddSingleton<MessageService>();
        services.AddSingleton<InterviewService>();
        services.AddSingleton<OrganizationProfileService>();
        services.AddSingleton<TalentSearchService>();
        services.AddSingleton<Clouds.CloudService>();
        services.AddSingleton<Clouds.CloudOnboardingService>();
        services.AddSingleton<Invitations.InvitationService>();
        services.AddSingleton<Offers.OfferService>();
        services.AddSingleton<Offers.OfferApprovalService>();
        services.AddSingleton<TeamService>();
        services.AddScoped<TeamJoinService>();
        services.AddSingleton<SubscriptionService>();
        services.AddSingleton<Memberships.MyTalentCloudsService>();
        services.AddSingleton<Organizations.OrgDashboardService>();
        services.AddSingleton<ProfileSettingsService>();
        services.AddScoped<RegistrationService>();
        services.AddScoped<AccountService>();
        services.AddScoped<AccountEmails>();
        services.AddSingleton<DummyPassword>();
        services.AddSingleton<RemovalRequestService>();
        services.AddSingleton<RemovalQueueService>();
        services.AddSingleton<AuditBrowser>();
        services.AddSingleton<AdminService>();
        services.AddSingleton<DataExportService>();
        services.AddSingleton<HelpService>();
        services.AddSingleton<SupportService>();
        services.AddSingleton<NotificationSettingsService>();
        services.AddSingleton<NotificationCentreService>();
        services.AddSingleton<DigestService>();
        services.AddSingleton<OutboxDelivery>();
        services.AddScoped<DatabaseInitializer>();
        return services;
    }

    /// <summary>
    /// Identity over the app's database with the account policy: passwords of at least 12 characters without
    /// composition rules, 210,000 PBKDF2 iterations (set above), confirmed addresses only. Identity's own lockout
    /// settings stay for accounts an administrator locks; failed sign-ins are throttled per account and client by the
    /// web app instead, so a stranger cannot lock someone else out.
    /// </summary>
    public static IdentityBuilder AddTalentCloudIdentity(this IServiceCollection services) =>
        services.AddIdentityCore<AppUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = true;
                options.User.RequireUniqueEmail = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>();

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
