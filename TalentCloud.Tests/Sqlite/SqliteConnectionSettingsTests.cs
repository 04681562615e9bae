using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentCloud.Core.Data;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Sqlite;

/// <summary>SQLite's own settings on every connection the app opens (this folder is not compiled into the PostgreSQL tests).</summary>
public sealed class SqliteConnectionSettingsTests
{
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
}
