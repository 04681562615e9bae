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

    /// <summary>
    /// Holds the row of <typeparamref name="TEntity"/> with primary key <paramref name="key"/> until the current
    /// transaction ends (<c>FOR UPDATE</c>, or <c>FOR SHARE</c>), so what is read and decided from it cannot be changed by
    /// a concurrent transaction. On SQLite the write transaction already holds the whole database, so this does nothing.
    /// </summary>
    public static async Task LockRowAsync<TEntity>(AppDbContext db, object key, CancellationToken ct, RowLock mode = RowLock.Update)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(key);
        if (db.Provider != DatabaseProvider.PostgreSql)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var column = entity.FindPrimaryKey()!.Properties.Single().GetColumnName();
        var strength = mode == RowLock.Share ? "SHARE" : "UPDATE";
#pragma warning disable EF1002 // Table and column names come from the model, the key is a parameter.
        await db.Database.ExecuteSqlRawAsync(
            $"SELECT 1 FROM \"{entity.GetTableName()}\" WHERE \"{column}\" = {{0}} FOR {strength}", [key], ct);
#pragma warning restore EF1002
    }
}
