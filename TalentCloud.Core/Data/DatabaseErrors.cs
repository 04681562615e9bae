using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace TalentCloud.Core.Data;

/// <summary>
/// What a database error means, the same way on both providers: which unique constraint (index or key, by the name
/// the model gives it) a write ran into, and whether the error is a transient conflict worth running the work again.
/// </summary>
public static partial class DatabaseErrors
{
    /// <summary>
    /// The name of the unique index or key <paramref name="error"/> ran into, or null for any other error.
    /// PostgreSQL names the constraint; SQLite names the table and columns, which the model maps back to the name.
    /// </summary>
    public static string? UniqueConstraint(AppDbContext db, Exception error)
    {
        ArgumentNullException.ThrowIfNull(db);
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg:
                    return pg.ConstraintName;
                case SqliteException { SqliteErrorCode: 19 } sqlite when UniqueColumns().Match(sqlite.Message) is { Success: true } match:
                    return ConstraintNamed(db, match.Groups[1].Value.Split(", ", StringSplitOptions.TrimEntries));
            }
        }

        return null;
    }

    /// <summary>
    /// A serialization failure or deadlock: PostgreSQL aborted this transaction so that a concurrent one could stand;
    /// running the whole unit of work again on fresh data is the answer. (SQLite's writers queue instead.)
    /// </summary>
    public static bool IsTransientConflict(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected })
            {
                return true;
            }
        }

        return false;
    }

    private static string? ConstraintNamed(AppDbContext db, string[] qualifiedColumns)
    {
        var table = qualifiedColumns[0].Split('.')[0];
        var columns = qualifiedColumns.Select(c => c[(c.IndexOf('.', StringComparison.Ordinal) + 1)..]).ToList();
        foreach (var entity in db.Model.GetEntityTypes().Where(t => t.GetTableName() == table))
        {
            if (entity.GetIndexes().FirstOrDefault(i => i.IsUnique && i.Properties.Select(p => p.GetColumnName()).SequenceEqual(columns)) is { } index)
            {
                return index.GetDatabaseName();
            }

            if (entity.GetKeys().FirstOrDefault(k => k.Properties.Select(p => p.GetColumnName()).SequenceEqual(columns)) is { } key)
            {
                return key.GetName();
            }
        }

        return null;
    }

    [GeneratedRegex("UNIQUE constraint failed: ([^']+)")]
    private static partial Regex UniqueColumns();
}
