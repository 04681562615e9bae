using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Data;

namespace TalentCloud.Tests.Support;

/// <summary>
/// A cheap summary of a test database: the number of rows in every table and the texts of every profile, cloud and
/// organisation, and every account's password and security stamp. Two equal fingerprints mean nothing was added,
/// removed, renamed or re-keyed in between. The tables come from the model and the SQL is the part both databases
/// speak, so it works on SQLite and PostgreSQL alike.
/// </summary>
public sealed class DatabaseFingerprint(IDbContextFactory<AppDbContext> db)
{
    private string? countsSql;

    public async Task<string> TakeAsync()
    {
        await using var context = db.CreateDbContext();
        countsSql ??= string.Join(" UNION ALL ", context.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct()
            .Order(StringComparer.Ordinal).Select(t => $"SELECT '{t}:' || count(*) AS \"Value\" FROM \"{t}\""));
        var counts = await context.Database.SqlQueryRaw<string>(countsSql).ToListAsync();
        var profiles = await context.Profiles.AsNoTracking().OrderBy(p => p.Id)
            .Select(p => new { p.DisplayName, p.Title, p.Bio, p.Country, p.TimeZone, p.BusinessName, p.RegistrationNumber, p.LicenceNumber }).ToListAsync();
        var clouds = await context.Clouds.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Name, c.Description }).ToListAsync();
        var organizations = await context.Organizations.AsNoTracking().OrderBy(o => o.Id).Select(o => new { o.Name, o.Description }).ToListAsync();
        var accounts = await context.Users.AsNoTracking().OrderBy(u => u.Id).Select(u => new { u.PasswordHash, u.SecurityStamp }).ToListAsync();
        return string.Join('|', counts.Order(StringComparer.Ordinal)
            .Concat(profiles.Select(p => string.Concat(p.DisplayName, p.Title, p.Bio, p.Country, p.TimeZone, p.BusinessName, p.RegistrationNumber, p.LicenceNumber)))
            .Concat(clouds.Select(c => c.Name + c.Description))
            .Concat(organizations.Select(o => o.Name + o.Description))
            .Concat(accounts.Select(a => a.PasswordHash + a.SecurityStamp)));
    }
}
