using Microsoft.EntityFrameworkCore;

namespace TalentCloud.Core.Data;

/// <summary>
/// Named locks held until the current transaction ends, for rules that have no single row to hold: "at most N messages
/// a minute per sender", "one digest writer at a time". On PostgreSQL a transaction-scoped advisory lock on the name's
/// hash; on SQLite nothing, because a write transaction already holds the whole database.
/// </summary>
public static class DatabaseLocks
{
    /// <summary>Waits until no other transaction holds <paramref name="name"/>, then holds it until this one ends.</summary>
    public static async Task HoldAsync(AppDbContext db, string name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (db.Provider == DatabaseProvider.PostgreSql)
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"talentcloud:" + name}, 0))", ct);
        }
    }
}
