using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Data;
using TalentCloud.Core.Profiles;

namespace TalentCloud.Core;

public static class DependencyInjection
{
    /// <summary>Registers the database and every Core service. <paramref name="connectionString"/> names a SQLite database.</summary>
    public static IServiceCollection AddTalentCloudCore(this IServiceCollection services, string connectionString)
    {
        services.AddDbContextFactory<AppDbContext>(options => options.UseSqlite(connectionString));
        // Identity's stores want a scoped context; Core services create one context per operation from the factory.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        services.TryAddTimeProvider();
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);

        services.AddSingleton<ActorLoader>();
        services.AddSingleton<ProfileService>();
        services.AddSingleton<AccountOverviewService>();
        services.AddScoped<RegistrationService>();
        services.AddScoped<DatabaseInitializer>();
        return services;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
