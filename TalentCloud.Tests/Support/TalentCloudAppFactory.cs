using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TalentCloud.Core.Data;

namespace TalentCloud.Tests.Support;

/// <summary>
/// The real web app over its own database with the demo world (small generated population): a SQLite file, or in the
/// PostgreSQL test run an empty migrated database of its own on the test server (the app seeds it), or the database
/// named by <see cref="SharedPostgreSqlDatabase"/>. <see cref="StartKestrel"/> serves it on a real port for browser tests.
/// Rate limits are off unless <see cref="RateLimitsEnabled"/> (the suite signs in far more often than a person would);
/// everything else runs as in production, apart from HTTPS.
/// </summary>
public class TalentCloudAppFactory : WebApplicationFactory<Program>
{
    /// <summary>The address e-mail links are built from in tests; deliberately not the address the tests call.</summary>
    public const string PublicBaseUrl = "https://talentcloud.example/";

    /// <summary>The app over a fresh database, deleted on dispose.</summary>
    public TalentCloudAppFactory()
        : this(null)
    {
    }

    /// <summary>
    /// The app over the SQLite file <paramref name="databasePath"/>, shared with another instance (a restart, a second
    /// server); the caller deletes it. <see cref="EmptyDatabase"/> does this for either provider.
    /// </summary>
    public TalentCloudAppFactory(string? databasePath)
    {
        DatabasePath = databasePath ?? Path.Combine(Path.GetTempPath(), $"talentcloud-web-{Guid.NewGuid():N}.db");
        ownsDatabase = databasePath is null;
    }

    private readonly bool ownsDatabase;
    private PostgreSqlServer.DatabaseLease? postgreSqlDatabase;

    /// <summary>The SQLite file (unused in the PostgreSQL test run).</summary>
    public string DatabasePath { get; }

    public int GeneratedProfiles { get; init; } = 30;

    public bool RateLimitsEnabled { get; init; }

    /// <summary>The hosting environment; "Testing" (Production's behaviour without HTTPS) unless a test needs another.</summary>
    public string EnvironmentName { get; init; } = "Testing";

    /// <summary>Extra settings for this instance (key, value), applied last.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>A PostgreSQL connection string several app instances share (this factory neither creates nor drops it).</summary>
    public string? SharedPostgreSqlDatabase { get; init; }

    /// <summary>The app's database (on PostgreSQL known once the server has started).</summary>
    public DatabaseSettings Database => TestProvider.Current == DatabaseProvider.PostgreSql
        ? DatabaseSettings.PostgreSql(SharedPostgreSqlDatabase
            ?? (postgreSqlDatabase ?? throw new InvalidOperationException("The app has not started yet.")).ConnectionString)
        : DatabaseSettings.Sqlite(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());

    public string ConnectionString => Database.ConnectionString;

    /// <summary>A context on the app's database, for tests that look up ids or check rows directly.</summary>
    public AppDbContext CreateDbContext()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        Database.Configure(options);
        return Database.CreateContext(options.Options, CoreSettings.Default);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
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
            builder.UseSetting("ConnectionStrings:TalentCloud", $"Data Source={DatabasePath}");
        }

        builder.UseSetting("App:PublicBaseUrl", PublicBaseUrl);
        builder.UseSetting("Database:MigrateOnStart", "true");
        builder.UseSetting("Seed:DemoWorld", "true");
        builder.UseSetting("Seed:GeneratedProfiles", GeneratedProfiles.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:Enabled", RateLimitsEnabled ? "true" : "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, TestClientAddress>());
    }

    /// <summary>
    /// The in-memory test server has no network peer. A request may name the client address it stands for in
    /// <see cref="Header"/>, so tests can act as several clients (as different machines would be).
    /// </summary>
    public sealed class TestClientAddress : IStartupFilter
    {
        public const string Header = "X-Test-Client-Address";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                await nextMiddleware(context);
            });
            next(app);
        };
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
        if (ownsDatabase)
        {
            DeleteDatabase(DatabasePath);
        }

        GC.SuppressFinalize(this);
    }

    public static void DeleteDatabase(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }
    }
}
