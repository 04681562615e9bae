using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Data;

namespace TalentCloud.Tests.Support;

/// <summary>
/// A database with nothing in it, not even migrations: a SQLite file that does not exist yet, or in the PostgreSQL test
/// run an empty database on the test server. For start-up tests, and for several app instances that use one database
/// one after another (a restart) or side by side; the first instance migrates it. Deleted (dropped) on dispose.
/// </summary>
public sealed class EmptyDatabase : IAsyncDisposable
{
    private readonly string? sqlitePath;
    private readonly string? postgreSqlName;

    private EmptyDatabase(string? sqlitePath, string? postgreSqlName)
    {
        this.sqlitePath = sqlitePath;
        this.postgreSqlName = postgreSqlName;
    }

    public static async Task<EmptyDatabase> CreateAsync() =>
        TestProvider.Current == DatabaseProvider.PostgreSql
            ? new EmptyDatabase(null, await PostgreSqlServer.CreateEmptyDatabaseAsync())
            : new EmptyDatabase(Path.Combine(Path.GetTempPath(), $"talentcloud-empty-{Guid.NewGuid():N}.db"), null);

    public DatabaseSettings Database => postgreSqlName is null
        ? DatabaseSettings.Sqlite(new SqliteConnectionStringBuilder { DataSource = sqlitePath, Pooling = false }.ToString())
        : DatabaseSettings.PostgreSql(PostgreSqlServer.ConnectionStringFor(postgreSqlName));

    /// <summary>A context on this database, as the app would build it.</summary>
    public AppDbContext CreateDbContext()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        Database.Configure(options);
        return Database.CreateContext(options.Options, CoreSettings.Default);
    }

    /// <summary>A new app instance over this database (start it, use it, dispose it; the database stays).</summary>
    public TalentCloudAppFactory NewInstance(int generatedProfiles = 30) =>
        postgreSqlName is null
            ? new TalentCloudAppFactory(sqlitePath) { GeneratedProfiles = generatedProfiles }
            : new TalentCloudAppFactory { SharedPostgreSqlDatabase = Database.ConnectionString, GeneratedProfiles = generatedProfiles };

    public async ValueTask DisposeAsync()
    {
        if (postgreSqlName is not null)
        {
            await PostgreSqlServer.DropDatabaseAsync(postgreSqlName);
        }
        else
        {
            SqliteConnection.ClearAllPools();
            TalentCloudAppFactory.DeleteDatabase(sqlitePath!);
        }
    }
}
