using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TalentCloud.Core;
using TalentCloud.Core.Accounts;

namespace TalentCloud.Tests.Support;

/// <summary>The Core service container as the app composes it, over a test database and clock.</summary>
public static class CoreServices
{
    public static ServiceProvider Build(TestDatabase db, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection();
        services.AddSingleton<TimeProvider>(db.Clock);
        services.AddTalentCloudCore(db.Database, db.Settings);
        services.AddTalentCloudIdentity().AddDefaultTokenProviders();
        // Keep the production policy but hash quickly: iteration count is configuration, not a rule under test.
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1000);
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }
}
