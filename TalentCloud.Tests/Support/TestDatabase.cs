using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Data;
using TalentCloud.Core.Seeding;

namespace TalentCloud.Tests.Support;

/// <summary>
/// A real SQLite database file for one test, migrated like production (WAL, real constraints and locking),
/// with a factory that hands out a fresh context per operation, as the app does. Deleted on dispose.
/// </summary>
public sealed class TestDatabase : IDbContextFactory<AppDbContext>, IAsyncDisposable
{
    private readonly string path;
    private readonly DbContextOptions<AppDbContext> options;

    private TestDatabase(string path, TestClock clock)
    {
        this.path = path;
        Clock = clock;
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 30 }.ToString();
        options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite(ConnectionString).Options;
    }

    public TestClock Clock { get; }

    /// <summary>Fast, low-iteration hasher for tests: the iteration count is a production setting, not a rule under test.</summary>
    public static IPasswordHasher<AppUser> FastHasher { get; } =
        new PasswordHasher<AppUser>(Options.Create(new PasswordHasherOptions { IterationCount = 1000 }));

    public static async Task<TestDatabase> CreateAsync(TestClock? clock = null)
    {
        var path = Path.Combine(Path.GetTempPath(), $"talentcloud-test-{Guid.NewGuid():N}.db");
        var db = new TestDatabase(path, clock ?? new TestClock());
        await using var context = db.CreateDbContext();
        await context.Database.MigrateAsync();
        await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        return db;
    }

    /// <summary>A migrated database holding the demo world (with a small generated population).</summary>
    public static async Task<TestDatabase> CreateWithDemoWorldAsync(int generatedProfiles = 24, TestClock? clock = null)
    {
        var db = await CreateAsync(clock);
        await using var context = db.CreateDbContext();
        await new DemoWorldSeeder(context, FastHasher, db.Clock).SeedAsync(new DemoWorldOptions { GeneratedProfiles = generatedProfiles });
        return db;
    }

    /// <summary>
    /// A fresh copy of one demo-world database seeded once per test run (24 generated profiles, the default clock):
    /// as good as <see cref="CreateWithDemoWorldAsync"/> for tests that do not change the clock, and much faster.
    /// </summary>
    public static async Task<TestDatabase> CopyOfDemoWorldAsync()
    {
        var template = await DemoTemplate.Value;
        var path = Path.Combine(Path.GetTempPath(), $"talentcloud-test-{Guid.NewGuid():N}.db");
        File.Copy(template, path);
        return new TestDatabase(path, new TestClock());
    }

    private static readonly Lazy<Task<string>> DemoTemplate = new(async () =>
    {
        await using var db = await CreateWithDemoWorldAsync();
        await using (var context = db.CreateDbContext())
        {
            // Fold the write-ahead log into the file, so copying the one file copies everything.
            await context.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;");
        }

        var template = Path.Combine(Path.GetTempPath(), $"talentcloud-template-{Guid.NewGuid():N}.db");
        File.Copy(db.path, template);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(template);
        return template;
    });

    public string ConnectionString { get; }

    /// <summary>The configuration every context of this database carries (e-mail links, action limits); tests may change it.</summary>
    public CoreSettings Settings { get; set; } = CoreSettings.Default;

    public AppDbContext CreateDbContext() => new(options, Settings);

    public ActorLoader Actors => new(this);

    /// <summary>The actor for a demo account, loaded the way the app loads it.</summary>
    public async Task<Actor> ActorAsync(string email)
    {
        await using var context = CreateDbContext();
        var userId = await context.Users.Where(u => u.NormalizedEmail == email.ToUpperInvariant()).Select(u => u.Id).SingleAsync();
        return await Actors.LoadAsync(userId);
    }

    public ValueTask DisposeAsync()
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // A file still open elsewhere is left for the OS temp cleaner; it holds no state another test reads.
            }
        }

        return ValueTask.CompletedTask;
    }
}
