using Microsoft.EntityFrameworkCore;

namespace TalentCloud.Tests.Support;

/// <summary>
/// A cheap summary of a test database: the number of rows in every table and the texts of every profile, cloud and
/// organisation. Two equal fingerprints mean nothing was added, removed or renamed in between.
/// </summary>
public sealed class DatabaseFingerprint(TestDatabase db)
{
    private string? sql;

    public async Task<string> TakeAsync()
    {
        await using var context = db.CreateDbContext();
        if (sql is null)
        {
            var tables = await context.Database.SqlQueryRaw<string>(
                "SELECT name AS Value FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name NOT LIKE '__EF%'").ToListAsync();
            sql = "SELECT group_concat(x, '|') AS Value FROM ("
                + string.Join(" UNION ALL ", tables.Select(t => $"SELECT '{t}:' || count(*) AS x FROM \"{t}\""))
                + " UNION ALL SELECT group_concat(DisplayName || Title || Bio || Country || TimeZone || BusinessName || RegistrationNumber || LicenceNumber, ',') FROM Profiles"
                + " UNION ALL SELECT group_concat(Name || Description, ',') FROM Clouds"
                + " UNION ALL SELECT group_concat(Name || Description, ',') FROM Organizations)";
        }

        return (await context.Database.SqlQueryRaw<string>(sql).ToListAsync()).Single();
    }
}
