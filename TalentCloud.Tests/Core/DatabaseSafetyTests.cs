using Microsoft.AspNetCore.Identity;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Audit;
using TalentCloud.Core.Data;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Core;

/// <summary>What the database itself guarantees, on either provider: the append-only audit log and safe starts.</summary>
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

        await using (var context = db.CreateDbContext())
        {
            // Plain SQL on the connection, as any client of the database would run it.
            var connection = context.Database.GetDbConnection();
            await connection.OpenAsync();
            foreach (var sql in new[] { "UPDATE \"AuditEntries\" SET \"Outcome\" = 'Rewritten'", "DELETE FROM \"AuditEntries\"" })
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                var refused = await Assert.ThrowsAnyAsync<DbException>(() => command.ExecuteNonQueryAsync());
                Assert.Contains("The audit log is append-only", refused.Message, StringComparison.Ordinal);
            }
        }

        await using (var context = db.CreateDbContext())
        {
            // Through EF as well: the bulk statements fail and nothing changed.
            await Assert.ThrowsAnyAsync<DbException>(() => context.AuditEntries.ExecuteDeleteAsync());
            await Assert.ThrowsAnyAsync<DbException>(() => context.AuditEntries.ExecuteUpdateAsync(s => s.SetProperty(e => e.Outcome, "x")));
            var entry = await context.AuditEntries.SingleAsync();
            Assert.Equal("Done", entry.Outcome);
        }
    }

    [Fact]
    public async Task Without_migrate_on_start_a_database_that_lacks_migrations_stops_the_start_with_the_command_to_run()
    {
        await using var empty = await EmptyDatabase.CreateAsync();
        await using var context = empty.CreateDbContext();
        var initializer = Initializer(context);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            initializer.InitializeAsync(new DatabaseStartup(MigrateOnStart: false, SeedDemoWorld: false, IsProduction: true, AllowDemoWorldInProduction: false), new DemoWorldOptions()));
        Assert.Contains("\"migrate\"", refused.Message, StringComparison.Ordinal);

        var applied = await initializer.MigrateAsync();
        Assert.Contains(applied, m => m.EndsWith("_ProductionEdges", StringComparison.Ordinal));
        await initializer.InitializeAsync(new DatabaseStartup(false, false, true, false), new DemoWorldOptions());
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
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
