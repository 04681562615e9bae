using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Audit;
using TalentCloud.Core.Data;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Core;

/// <summary>What the database itself guarantees: the append-only audit log, connection settings, and safe starts.</summary>
public sealed class DatabaseSafetyTests
{
    [Fact]
    public async Task The_audit_log_refuses_updates_and_deletes_whoever_runs_them()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using (var context = db.CreateDbContext())
        {
            context.AuditEntries.Add(AuditEntry.Create(null, "System", "test.recorded", "Something", "Done", db.Clock.GetUtcNow()));
            await context.SaveChangesAsync();
        }

        await using var connection = new SqliteConnection(db.ConnectionString);
        await connection.OpenAsync();
        foreach (var sql in new[] { "UPDATE AuditEntries SET Outcome = 'Rewritten'", "DELETE FROM AuditEntries" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var refused = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
            Assert.Contains("The audit log is append-only", refused.Message, StringComparison.Ordinal);
        }

        await using (var context = db.CreateDbContext())
        {
            // Through EF as well: the bulk statements fail and nothing changed.
            await Assert.ThrowsAsync<SqliteException>(() => context.AuditEntries.ExecuteDeleteAsync());
            await Assert.ThrowsAsync<SqliteException>(() => context.AuditEntries.ExecuteUpdateAsync(s => s.SetProperty(e => e.Outcome, "x")));
            var entry = await context.AuditEntries.SingleAsync();
            Assert.Equal("Done", entry.Outcome);
        }
    }

    [Fact]
    public async Task App_connections_wait_for_the_write_lock_use_WAL_and_commit_with_synchronous_normal()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var services = CoreServices.Build(db);
        await using var context = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await context.Database.OpenConnectionAsync();
        async Task<string?> PragmaAsync(string name)
        {
            await using var command = context.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"PRAGMA {name}";
            return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        Assert.Equal("30000", await PragmaAsync("busy_timeout"));
        Assert.Equal("1", await PragmaAsync("synchronous")); // NORMAL
        Assert.Equal("wal", await PragmaAsync("journal_mode"));
        Assert.Equal("-65536", await PragmaAsync("cache_size")); // 64 MiB
    }

    [Fact]
    public async Task Without_migrate_on_start_a_database_that_lacks_migrations_stops_the_start_with_the_command_to_run()
    {
        var path = Path.Combine(Path.GetTempPath(), $"talentcloud-nomigrate-{Guid.NewGuid():N}.db");
        try
        {
            await using var context = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options);
            var initializer = Initializer(context);
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                initializer.InitializeAsync(new DatabaseStartup(MigrateOnStart: false, SeedDemoWorld: false, IsProduction: true, AllowDemoWorldInProduction: false), new DemoWorldOptions()));
            Assert.Contains("\"migrate\"", refused.Message, StringComparison.Ordinal);

            var applied = await initializer.MigrateAsync();
            Assert.Contains(applied, m => m.EndsWith("_ProductionEdges", StringComparison.Ordinal));
            await initializer.InitializeAsync(new DatabaseStartup(false, false, true, false), new DemoWorldOptions());
            Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            TalentCloudAppFactory.DeleteDatabase(path);
        }
    }

    [Fact]
    public async Task The_demo_world_refuses_to_seed_in_production_unless_forced()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var context = db.CreateDbContext();
        var initializer = Initializer(context);
        var options = new DemoWorldOptions { GeneratedProfiles = 0 };

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            initializer.InitializeAsync(new DatabaseStartup(MigrateOnStart: true, SeedDemoWorld: true, IsProduction: true, AllowDemoWorldInProduction: false), options));
        Assert.Contains("Seed:AllowInProduction", refused.Message, StringComparison.Ordinal);
        Assert.False(await context.Users.AnyAsync());

        await initializer.InitializeAsync(new DatabaseStartup(true, true, IsProduction: true, AllowDemoWorldInProduction: true), options);
        Assert.True(await context.Users.AnyAsync(u => u.Email == DemoWorld.AdminEmail));
    }

    private static DatabaseInitializer Initializer(AppDbContext context) =>
        new(context, TestDatabase.FastHasher, TimeProvider.System, NullLogger<DatabaseInitializer>.Instance);
}
