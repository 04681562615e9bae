using TalentCloud.Core.Accounts;
using TalentCloud.Core.Data;

namespace TalentCloud.Core.Audit;

/// <summary>
/// Adds audit entries to the caller's unit of work, so the entry commits (or rolls back) with the change it records.
/// </summary>
public static class AuditLog
{
    public static void Record(AppDbContext db, Actor actor, string action, string subject, string outcome, DateTimeOffset at,
        int? cloudId = null, int? profileId = null, int? organizationId = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        db.AuditEntries.Add(AuditEntry.Create(actor.UserId, actor.IsSignedIn ? actor.DisplayName : "System", action, subject, outcome, at,
            cloudId, profileId, organizationId));
    }
}
