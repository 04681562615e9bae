using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Seeding;

namespace TalentCloud.Core.Data;

/// <summary>Applies migrations at start, switches SQLite to WAL and seeds the demo world into an empty database.</summary>
public sealed class DatabaseInitializer(AppDbContext db, IPasswordHasher<AppUser> hasher, TimeProvider clock, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(bool seedDemoWorld, DemoWorldOptions demoOptions, CancellationToken ct = default)
    {
        if (db.Database.GetDbConnection() is SqliteConnection sqlite && !string.IsNullOrEmpty(sqlite.DataSource))
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(sqlite.DataSource));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        if (seedDemoWorld && !await db.Users.AnyAsync(ct))
        {
            logger.LogInformation("Seeding the demo world ({Count} generated profiles).", demoOptions.GeneratedProfiles);
            await new DemoWorldSeeder(db, hasher, clock).SeedAsync(demoOptions, ct);
        }
    }
}
