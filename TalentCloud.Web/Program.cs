using TalentCloud.Web;
using TalentCloud.Web.Components;

var builder = WebApplication.CreateBuilder(args);
builder.AddTalentCloudWeb();

var app = builder.Build();
if (args.Contains("migrate", StringComparer.Ordinal))
{
    // `dotnet TalentCloud.Web.dll migrate`: bring the database up to date, then stop.
    await app.MigrateDatabaseAsync();
    return;
}

await app.InitializeDatabaseAsync();
app.UseTalentCloudPipeline();
app.MapStaticAssets();
// The site's own Content-Security-Policy (frame-ancestors 'none') replaces the one Blazor would add.
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
app.MapAccountEndpoints();
app.MapDataExport();

await app.RunAsync();

/// <summary>Entry point, public so integration tests can host the app.</summary>
public partial class Program;
