using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TalentCloud.Core.Data;

namespace TalentCloud.Tests.Support;

/// <summary>
/// The real web app over its own database with the demo world (small generated population): a SQLite file, or in the
/// PostgreSQL test run an empty migrated database of its own on the test server (the app seeds it), or the database
/// named by <see cref="SharedPostgreSqlDatabase"/>. <see cref="StartKestrel"/> serves it on a real port for browser tests.
/// </summary>
public class TalentCloudAppFactory : WebApplicationFactory<Program>
{
    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"talentcloud-web-{Guid.NewGuid():N}.db");
    private PostgreSqlServer.DatabaseLease? postgreSqlDatabase;

    public int GeneratedProfiles { get; init; } = 30;

    /// <summary>A PostgreSQL connection string several app instances share (this factory neither creates nor drops it).</summary>
    public string? SharedPostgreSqlDatabase { get; init; }

    /// <summary>The app's database (created on first use of the server).</summary>
    public DatabaseSettings Database => TestProvider.Current == DatabaseProvider.PostgreSql
        ? DatabaseSettings.PostgreSql(SharedPostgreSqlDatabase
            ?? (postgreSqlDatabase ?? throw new InvalidOperationException("The app has not started yet.")).ConnectionString)
        : DatabaseSettings.Sqlite(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());

    public string ConnectionString => Database.ConnectionString;

    /// <summary>A context on the app's database, for tests that look up ids or check rows directly.</summary>
    public AppDbContext CreateDbContext()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        Database.Configure(options);
        return Database.CreateContext(options.Options);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development the host does not map package assets (Radzen, the Blazor script) by itself.
        builder.UseStaticWebAssets();
        if (TestProvider.Current == DatabaseProvider.PostgreSql)
        {
            // An empty migrated database: the app seeds the demo world into it at start, as it does in production.
            if (SharedPostgreSqlDatabase is null)
            {
                postgreSqlDatabase ??= PostgreSqlServer.BorrowAsync().GetAwaiter().GetResult();
            }

            builder.UseSetting("Database:Provider", "PostgreSQL");
            builder.UseSetting("ConnectionStrings:TalentCloud", ConnectionString);
        }
        else
        {
            builder.UseSetting("ConnectionStrings:TalentCloud", $"Data Source={databasePath}");
        }

        builder.UseSetting("Seed:DemoWorld", "true");
        builder.UseSetting("Seed:GeneratedProfiles", GeneratedProfiles.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    /// <summary>Starts the app on Kestrel at a free port and returns its base address.</summary>
    public Uri StartKestrel()
    {
        UseKestrel(0);
        StartServer();
        return ClientOptions.BaseAddress;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (postgreSqlDatabase is not null)
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(postgreSqlDatabase.ConnectionString));
            await postgreSqlDatabase.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }

        GC.SuppressFinalize(this);
    }
}
