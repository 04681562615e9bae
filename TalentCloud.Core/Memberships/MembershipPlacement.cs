using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Data;

namespace TalentCloud.Core.Memberships;

/// <summary>What placing a profile in a cloud did.</summary>
public enum Placement
{
    /// <summary>A new Active membership.</summary>
    Placed = 1,

    /// <summary>A pending membership became Active.</summary>
    PendingActivated = 2,

    /// <summary>The profile was an Active member already; nothing changed.</summary>
    AlreadyActive = 3,
}

/// <summary>Placing a profile in a cloud as Active without its criteria: what an accepted contract does.</summary>
public static class MembershipPlacement
{
    /// <summary>
    /// Makes the profile an Active member of the cloud in <paramref name="db"/>'s unit of work: a new membership, or
    /// a pending one activated. Two placements racing meet at <see cref="CloudMembership.OnePerCloudIndex"/>; the
    /// unit of work that loses runs again and finds the membership.
    /// </summary>
    public static async Task<Placement> PlaceActiveAsync(AppDbContext db, int cloudId, int profileId, JoinMethod via, string? byUserId,
        DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var membership = await db.CloudMemberships.SingleOrDefaultAsync(m => m.CloudId == cloudId && m.ProfileId == profileId, ct);
        if (membership is null)
        {
            db.CloudMemberships.Add(CloudMembership.Join(cloudId, profileId, via, byUserId, active: true, at));
            return Placement.Placed;
        }

        if (membership.IsActive)
        {
            return Placement.AlreadyActive;
        }

        membership.Activate(at, via, byUserId);
        return Placement.PendingActivated;
    }

    /// <summary>The placement in words, for the audit log.</summary>
    public static string Describe(Placement placement) => placement switch
    {
        Placement.Placed => "Placed as Active",
        Placement.PendingActivated => "Pending membership made Active",
        _ => "Already an Active member",
    };
}
