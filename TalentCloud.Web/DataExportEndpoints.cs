using System.Security.Claims;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.DataExport;

namespace TalentCloud.Web;

/// <summary>"Download my data": the Core export of the signed-in user as a JSON file.</summary>
public static class DataExportEndpoints
{
    public const string Path = "/my/data/export";

    public static IEndpointRouteBuilder MapDataExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, async (ClaimsPrincipal user, ActorLoader actors, DataExportService exports, TimeProvider clock, CancellationToken ct) =>
            {
                var actor = await actors.LoadAsync(user.FindFirstValue(ClaimTypes.NameIdentifier), ct);
                var export = await exports.ExportAsync(actor, ct);
                if (export is null)
                {
                    return Results.NotFound();
                }

                var fileName = $"talentcloud-my-data-{clock.GetUtcNow():yyyy-MM-dd}.json";
                return Results.File(DataExportService.ToJson(export), "application/json", fileName);
            })
            .RequireAuthorization();
        return endpoints;
    }
}
