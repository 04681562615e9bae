using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Data;

namespace TalentCloud.Core.Clouds;

internal static class ProfileFacts
{
    /// <summary>The criteria facts of a profile; distinct clients are counted from its contracts.</summary>
    public static async Task<CriteriaFacts?> LoadAsync(AppDbContext db, int profileId, CancellationToken ct)
    {
        var profile = await db.Profiles.AsNoTracking().Include(p => p.Skills).SingleOrDefaultAsync(p => p.Id == profileId, ct);
        if (profile is null)
        {
            return null;
        }

        var clients = await db.Contracts.Where(c => c.ProfileId == profileId).Select(c => c.OrganizationId).Distinct().CountAsync(ct);
        return new CriteriaFacts([.. profile.Skills.Select(s => s.Name)], profile.Country, profile.EngagementTypes, profile.BusinessEntityType,
            profile.BusinessName, profile.RegistrationNumber, profile.LicenceNumber, clients);
    }
}
