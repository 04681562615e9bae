using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Data;

namespace TalentCloud.Core.Accounts;

/// <summary>
/// Display preferences a user keeps with their account (today: the dark theme), so a choice follows them to every
/// browser they sign in from. Each method acts on the signed-in user's own account, identified by the id in their
/// authentication cookie; there is no way to read or change another user's preference.
/// </summary>
public sealed class UserPreferencesService(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>The stored theme choice, or null for a visitor, an unknown id or a user who never chose.</summary>
    public async Task<bool?> GetDarkThemeAsync(string? userId, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(userId))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.Where(u => u.Id == userId).Select(u => u.PrefersDarkTheme).SingleOrDefaultAsync(ct);
    }

    /// <summary>Stores the choice; false when no such user exists (a visitor keeps the choice in a cookie instead).</summary>
    public async Task<bool> SetDarkThemeAsync(string? userId, bool dark, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(userId))
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var changed = await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.PrefersDarkTheme, dark), ct);
        return changed == 1;
    }
}
