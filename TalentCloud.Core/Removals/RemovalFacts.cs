using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Data;

namespace TalentCloud.Core.Removals;

/// <summary>What both sides of leaving read about a request: its cloud, profile and organisation, by name.</summary>
internal static class RemovalFacts
{
    public sealed record RequestFacts(int CloudId, int ProfileId, int OrganizationId, string CloudName, string ProfileName, string OwnerUserId)
    {
        public string Subject => $"{ProfileName} in {CloudName}";
    }

    public static async Task<RequestFacts> RequestFactsAsync(AppDbContext db, int requestId, CancellationToken ct) =>
        await (from r in db.RemovalRequests
               join c in db.Clouds on r.CloudId equals c.Id
               join p in db.Profiles on r.ProfileId equals p.Id
               where r.Id == requestId
               select new RequestFacts(r.CloudId, r.ProfileId, c.OrganizationId, c.Name, p.DisplayName, p.OwnerUserId))
            .AsNoTracking().SingleAsync(ct);
}

/// <summary>The audit action names of this feature.</summary>
public static class RemovalAuditActions
{
    public const string Requested = "removal.requested";
    public const string Cancelled = "removal.cancelled";
    public const string Approved = "removal.approved";
    public const string Rejected = "removal.rejected";
    public const string NotificationsTurnedOff = "notifications.cloud_turned_off";
}
