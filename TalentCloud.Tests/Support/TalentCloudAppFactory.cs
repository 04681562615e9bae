using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace TalentCloud.Tests.Support;

/// <summary>
/// The real web app over its own SQLite file with the demo world (small generated population).
/// <see cref="StartKestrel"/> serves it on a real port for browser tests.
/// </summary>
public class TalentCloudAppFactory : WebApplicationFactory<Program>
{
    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"talentcloud-web-{Guid.NewGuid():N}.db");

    public int GeneratedProfiles { get; init; } = 30;

    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development the host does not map package assets (Radzen, the Blazor script) by itself.
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:TalentCloud", $"Data Source={databasePath}");
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
