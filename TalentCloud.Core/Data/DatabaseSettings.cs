using Microsoft.EntityFrameworkCore;

namespace TalentCloud.Core.Data;

/// <summary>The two databases TalentCloud runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded file: nothing to install, one app instance.</summary>
    Sqlite = 0,

    /// <summary>A server: several app instances share it.</summary>
    PostgreSql = 1,
}

/// <summary>
/// Where the data lives: <c>Database:Provider</c> (<c>Sqlite</c>, the default, or <c>PostgreSQL</c>) and
/// <c>ConnectionStrings:TalentCloud</c>. <see cref="SqliteCacheSizeMiB"/> is SQLite's page cache per connection.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, int SqliteCacheSizeMiB = SqlitePragmas.DefaultCacheSizeMiB)
{
    public static DatabaseSettings Sqlite(string connectionString, int cacheSizeMiB = SqlitePragmas.DefaultCacheSizeMiB) =>
        new(DatabaseProvider.Sqlite, connectionString, cacheSizeMiB);

    public static DatabaseSettings PostgreSql(string connectionString) => new(DatabaseProvider.PostgreSql, connectionString);

    /// <summary>Reads <c>Database:Provider</c>: empty or <c>Sqlite</c>, or <c>PostgreSQL</c> (also <c>Postgres</c>, <c>Npgsql</c>), any case.</summary>
    public static DatabaseProvider ParseProvider(string? value)
    {
        var name = value?.Trim() ?? "";
        if (name.Length == 0 || name.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseProvider.Sqlite;
        }

        if (name.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase) || name.Equals("Postgres", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Npgsql", StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseProvider.PostgreSql;
        }

        throw new InvalidOperationException($"Database:Provider must be Sqlite or PostgreSQL, not \"{value}\".");
    }

    /// <summary>Points <paramref name="options"/> at this database (the caller adds its interceptors).</summary>
    public void Configure(DbContextOptionsBuilder options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Provider == DatabaseProvider.PostgreSql)
        {
            options.UseNpgsql(ConnectionString);
        }
        else
        {
            options.UseSqlite(ConnectionString).AddInterceptors(new SqlitePragmas(SqliteCacheSizeMiB));
        }
    }

    /// <summary>A context of the right class for the provider, over options built by <see cref="Configure"/>.</summary>
    public AppDbContext CreateContext(DbContextOptions<AppDbContext> options, CoreSettings settings) =>
        Provider == DatabaseProvider.PostgreSql ? new PostgreSqlAppDbContext(options, settings) : new AppDbContext(options, settings);
}
