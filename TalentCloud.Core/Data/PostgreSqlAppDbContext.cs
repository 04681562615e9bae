using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Jobs;
using TalentCloud.Core.Profiles;

namespace TalentCloud.Core.Data;

/// <summary>
/// The same model on PostgreSQL, with its own migration set (<c>Data/PostgreSqlMigrations</c>). Only column types
/// differ: skill names, compared without case on SQLite (NOCASE), are <c>citext</c> here, so equality, unique keys and
/// LIKE ignore case the same way.
/// </summary>
public sealed class PostgreSqlAppDbContext(DbContextOptions<AppDbContext> options, CoreSettings settings) : AppDbContext(options, settings)
{
    /// <summary>A context with <see cref="CoreSettings.Default"/> (tests, tools and <c>dotnet ef</c>).</summary>
    public PostgreSqlAppDbContext(DbContextOptions<AppDbContext> options)
        : this(options, CoreSettings.Default)
    {
    }

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("citext");
        builder.Entity<ProfileSkill>().Property(s => s.Name).UseCollation(null).HasColumnType("citext");
        builder.Entity<JobSkill>().Property(s => s.Name).UseCollation(null).HasColumnType("citext");
    }
}
