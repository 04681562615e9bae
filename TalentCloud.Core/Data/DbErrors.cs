using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace TalentCloud.Core.Data;

/// <summary>Recognises database errors a use case answers with a message rather than a crash.</summary>
public static class DbErrors
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    /// <summary>A unique index or primary key refused the write (SQLite, or SQLSTATE 23505 on PostgreSQL).</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) =>
        exception?.InnerException switch
        {
            SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey } => true,
            DbException { SqlState: "23505" } => true,
            _ => false,
        };
}
