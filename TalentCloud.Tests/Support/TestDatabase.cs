using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Data;
using TalentCloud.Core.Seeding;

namespace TalentCloud.Tests.Support;

/// <summary>
/// A real database for one test, migrated like production, with a factory that hands out a fresh context per
/// operation, as the app does: a SQLite file (WAL, real constraints and locking), or in the PostgreSQL test run a
/// database of its own on the test server (see <see cref="PostgreSqlServer"/>). Deleted on dispose.
/// </summary>
public sealed class TestDatabase : IDbContextFactory<AppDbContext>, IAsyncDisposable
{
    private readonly string name;
    private readonly PostgreSqlServer.DatabaseLease? lease;
    private readonly DbContextOptions<AppDbContext> options;

    private TestDatabase(DatabaseSettings database, string name, TestClock clock, PostgreSqlServer.DatabaseLease? lease = null)
    {
        Database = database;
        this.name = name;
        this.lease = lease;
        Clock = clock;
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        database.Configure(builder);
        options = builder.Options;
    }

    public TestClock Clock { get; }

    /// <summary>The provider and connection string, as the app's configuration would give them.</summary>
    public DatabaseSettings Database { get; }

    public DatabaseProvider Provider => Database.Provider;

    public string ConnectionString => Database.ConnectionString;

    /// <summary>Fast, low-iteration hasher for tests: the iteration count is a production setting, not a rule under test.</summary>
    public static IPasswordHasher<AppUser> FastHasher { get; } =
        new PasswordHasher<AppUser>(Options.Create(new PasswordHasherOptions { IterationCount = 1000 }));

    public static async Task<TestDatabase> CreateAsync(TestClock? clock = null)
    {
        clock ??= new TestClock();
        if (TestProvider.Current == DatabaseProvider.PostgreSql)
        {
            return OnPostgreSql(await PostgreSqlServer.BorrowAsync(), clock);
        }

        return await CreateOnSqliteAsync(clock);
    }

    /// <summary>A migrated SQLite file whatever this assembly's provider is (e.g. to compare both databases in one process).</summary>
    public static async Task<TestDatabase> CreateOnSqliteAsync(TestClock? clock = null)
    {
        var path = Path.Combine(Path.GetTempPath(), $"talentcloud-test-{Guid.NewGuid():N}.db");
        var db = new TestDatabase(DatabaseSettings.Sqlite(SqliteConnectionString(path)), path, clock ?? new TestClock());
        await using var context = db.CreateDbContext();
        await context.Database.MigrateAsync();
        await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        return db;
    }

    /// <summary>A migrated database holding the demo world (with a small generated population).</summary>
    public static async Task<TestDatabase> CreateWithDemoWorldAsync(int generatedProfiles = 24, TestClock? clock = null)
    {
        clock ??= new TestClock();
        var demo = new DemoWorldOptions { GeneratedProfiles = generatedProfiles };
        if (TestProvider.Current == DatabaseProvider.PostgreSql)
        {
            // Seeding depends only on the population and the clock's start: seeded once per pair, restored per test.
            var start = clock.GetUtcNow();
            var key = string.Create(CultureInfo.InvariantCulture, $"demo-{generatedProfiles}-{start.UtcTicks}");
            var lease = await PostgreSqlServer.BorrowAsync(key, context => new DemoWorldSeeder(context, FastHasher, new TestClock(start)).SeedAsync(demo));
            return OnPostgreSql(lease, clock);
        }

        var db = await CreateAsync(clock);
        await using var seeding = db.CreateDbContext();
        await new DemoWorldSeeder(seeding, FastHasher, db.Clock).SeedAsync(demo);
        return db;
    }

    /// <summary>
    /// A fresh copy of one demo-world database seeded once per test run (24 generated profiles, the default clock):
    /// as good as <see cref="CreateWithDemoWorldAsync"/> for tests that do not change the clock, and much faster.
    /// On PostgreSQL every demo-world database is such a copy already (restored from a snapshot).
    /// </summary>
    public static async Task<TestDatabase> CopyOfDemoWorldAsync()
    {
        if (TestProvider.Current == DatabaseProvider.PostgreSql)
        {
            return await CreateWithDemoWorldAsync();
        }

        var template = await DemoTemplate.Value;
        var path = Path.Combine(Path.GetTempPath(), $"talentcloud-test-{Guid.NewGuid():N}.db");
        File.Copy(template, path);
        return new TestDatabase(DatabaseSettings.Sqlite(SqliteConnectionString(path)), path, new TestClock());
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
        File.Copy(db.name, template);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(template);
        return template;
    });

    /// <summary>The configuration every context of this database carries (e-mail links, action limits); tests may change it.</summary>
    public CoreSettings Settings { get; set; } = CoreSettings.Default;

    public AppDbContext CreateDbContext() => Database.CreateContext(options, Settings);

    public ActorLoader Actors => new(this);

    /// <summary>The actor for a demo account, loaded the way the app loads it.</summary>
    public async Task<Actor> ActorAsync(string email)
    {
        await using var context = CreateDbContext();
        var userId = await context.Users.Where(u => u.NormalizedEmail == email.ToUpperInvariant()).Select(u => u.Id).SingleAsync();
        return await Actors.LoadAsync(userId);
    }

    public async ValueTask DisposeAsync()
    {
        if (lease is not null)
        {
            await lease.DisposeAsync();
            return;
        }

        foreach (var file in new[] { name, name + "-wal", name + "-shm" })
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
    }

    private static TestDatabase OnPostgreSql(PostgreSqlServer.DatabaseLease lease, TestClock clock) =>
        new(DatabaseSettings.PostgreSql(lease.ConnectionString), lease.Name, clock, lease);

    private static string SqliteConnectionString(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 30 }.ToString();
}
