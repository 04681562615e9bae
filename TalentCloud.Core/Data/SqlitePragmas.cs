using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TalentCloud.Core.Data;

/// <summary>
/// The per-connection SQLite settings, run on every connection the app opens (the database file itself is switched to
/// WAL once, by <see cref="DatabaseInitializer"/>; that setting is stored in the file):
/// <list type="bullet">
/// <item><c>busy_timeout</c> 30 s — a writer that finds the write lock taken waits for it instead of failing at once.</item>
/// <item><c>synchronous = NORMAL</c> — with WAL, a commit is written to the log before it is acknowledged, so a crashed
/// or killed process loses nothing it committed; only a power cut or OS crash can lose the last commits (never corrupt
/// the file). FULL would add an fsync to every commit.</item>
/// <item><c>cache_size</c> — a larger page cache than SQLite's 2 MiB default. Search walks the full-text index and probes
/// profile rows across a database of 100+ MB; pooled connections keep their cache between uses, and it costs memory
/// only as pages are actually read.</item>
/// </list>
/// </summary>
public sealed class SqlitePragmas(int cacheSizeMiB) : DbConnectionInterceptor
{
    public const int DefaultCacheSizeMiB = 64;
    public const int BusyTimeoutMilliseconds = 30_000;

    private readonly string pragmas = Statements(cacheSizeMiB);

    /// <summary>The statements run on each new connection (also used by code on bare connections).</summary>
    public static string Statements(int cacheSizeMiB) =>
        string.Create(CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -{Math.Max(2, cacheSizeMiB) * 1024};");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is SqliteConnection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (connection is SqliteConnection)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
