using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Seeding;

namespace TalentCloud.Core.Data;

/// <summary>What the app does with its database when it starts (the <c>Database</c> and <c>Seed</c> settings).</summary>
public sealed record DatabaseStartup(bool MigrateOnStart, bool SeedDemoWorld, bool IsProduction, bool AllowDemoWorldInProduction);

/// <summary>Applies migrations, switches SQLite to WAL and seeds the demo world into an empty database.</summary>
public sealed class DatabaseInitializer(AppDbContext db, IPasswordHasher<AppUser> hasher, TimeProvider clock, ILogger<DatabaseInitializer> logger)
{
    /// <summary>
    /// Prepares the database at start. Without <see cref="DatabaseStartup.MigrateOnStart"/> a database that lacks
    /// migrations stops the start with a message (run the <c>migrate</c> command first). The demo world, whose
    /// passwords are public, is refused in Production unless <see cref="DatabaseStartup.AllowDemoWorldInProduction"/>.
    /// </summary>
    public async Task InitializeAsync(DatabaseStartup startup, DemoWorldOptions demoOptions, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(startup);
        if (startup.SeedDemoWorld && startup.IsProduction && !startup.AllowDemoWorldInProduction)
        {
            throw new InvalidOperationException(
                "Seed:DemoWorld is on in Production. The demo world has published passwords; set Seed:AllowInProduction=true only for a demo installation.");
        }

        if (startup.MigrateOnStart)
        {
            await MigrateAsync(ct);
        }
        else
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            if (pending.Count > 0)
            {
                throw new InvalidOperationException(
                    $"The database lacks {pending.Count} migration(s) ({string.Join(", ", pending)}). Run the app with the argument \"migrate\" first, or set Database:MigrateOnStart=true.");
            }
        }

        if (startup.SeedDemoWorld && !await db.Users.AnyAsync(ct))
        {
            logger.LogInformation("Seeding the demo world ({Count} generated profiles).", demoOptions.GeneratedProfiles);
            await new DemoWorldSeeder(db, hasher, clock).SeedAsync(demoOptions, ct);
        }
    }

    /// <summary>Creates the database file's folder if needed, applies every pending migration and switches SQLite to WAL.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct = default)
    {
        if (db.Database.GetDbConnection() is SqliteConnection sqlite && !string.IsNullOrEmpty(sqlite.DataSource))
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(sqlite.DataSource));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            // Stored in the file: every later connection uses the write-ahead log (see SqlitePragmas).
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        return pending;
    }
}
