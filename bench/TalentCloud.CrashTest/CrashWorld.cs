using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TalentCloud.Core;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Clouds;
using TalentCloud.Core.Common;
using TalentCloud.Core.Connects;
using TalentCloud.Core.Data;
using TalentCloud.Core.Seeding;

namespace TalentCloud.CrashTest;

/// <summary>Where the actions of a crash run start: what existed before it, so the verifier checks only what the run made.</summary>
internal sealed record Baseline(int JobId, int ProposalId, long MessageId, int InvitationId, long AuditId, IReadOnlyList<int> CloudIds);

/// <summary>The Core services as the app composes them, over the crash database (limits raised: the stream acts far faster than people).</summary>
internal static class CrashWorld
{
    public const int Clouds = 10;

    public static ServiceProvider Services(string databasePath)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddDataProtection();
        services.AddTalentCloudCore(new SqliteConnectionStringBuilder { DataSource = databasePath }.ToString(),
            settings: CoreSettings.Default with { ActionLimits = ActionLimits.Default.Scaled(100_000) });
        services.AddTalentCloudIdentity().AddDefaultTokenProviders();
        return services.BuildServiceProvider();
    }

    public static string BaselinePath(string databasePath) => databasePath + ".baseline.json";

    public static async Task PrepareAsync(string databasePath, int profiles)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
        {
            File.Delete(file);
        }

        await using var services = Services(databasePath);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await new DatabaseInitializer(db, scope.ServiceProvider.GetRequiredService<IPasswordHasher<AppUser>>(), TimeProvider.System,
                NullLogger<DatabaseInitializer>.Instance).InitializeAsync(new DatabaseStartup(true, true, false, false), new DemoWorldOptions { GeneratedProfiles = profiles });
        }

        var actors = services.GetRequiredService<ActorLoader>();
        var dbFactory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        Actor maria, admin;
        List<string> handles;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            maria = await actors.LoadAsync(await db.Users.Where(u => u.Email == DemoWorld.MariaEmail).Select(u => u.Id).SingleAsync());
            admin = await actors.LoadAsync(await db.Users.Where(u => u.Email == DemoWorld.AdminEmail).Select(u => u.Id).SingleAsync());
            handles = await db.Profiles.Select(p => p.Handle).ToListAsync();
        }

        var clouds = services.GetRequiredService<CloudService>();
        var cloudIds = new List<int>();
        for (var i = 1; i <= Clouds; i++)
        {
            var created = await clouds.CreateAsync(maria, $"Crash Test Cloud {i}", "Everyone who joins waits for a hiring manager's approval.");
            cloudIds.Add(created.Value);
            await clouds.SetCriteriaAsync(maria, created.Value, CloudCriteria.None with { RequiresManualApproval = true });
        }

        var connects = services.GetRequiredService<ConnectsService>();
        foreach (var handle in handles)
        {
            await connects.GrantAsync(admin, handle, ConnectsPricing.MaxAdminGrant, "Crash test budget");
        }

        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var baseline = new Baseline(
                await db.Jobs.MaxAsync(j => (int?)j.Id) ?? 0,
                await db.Proposals.MaxAsync(p => (int?)p.Id) ?? 0,
                await db.Messages.MaxAsync(m => (long?)m.Id) ?? 0,
                await db.Invitations.MaxAsync(i => (int?)i.Id) ?? 0,
                await db.AuditEntries.MaxAsync(e => (long?)e.Id) ?? 0,
                cloudIds);
            await File.WriteAllTextAsync(BaselinePath(databasePath), JsonSerializer.Serialize(baseline));
        }

        Console.WriteLine($"Prepared {databasePath}: {handles.Count} profiles, {Clouds} clouds needing approval.");
    }
}
