using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TalentCloud.Core.Data;

/// <summary>
/// Gives every SQLite connection a larger page cache than SQLite's 2 MiB default. Search walks the full-text index
/// and probes profile rows across a database of 100+ MB; with the default cache those pages are read from the
/// operating system again on every query. Pooled connections keep their cache between uses, so the setting costs
/// one statement per open and memory only as pages are actually read.
/// </summary>
public sealed class SqliteCacheInterceptor(int cacheSizeMiB) : DbConnectionInterceptor
{
    public const int DefaultCacheSizeMiB = 64;

    private readonly string pragma = Pragma(cacheSizeMiB);

    /// <summary>The statement that sets a connection's page cache (also used by code on bare connections).</summary>
    public static string Pragma(int cacheSizeMiB) =>
        string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = -{Math.Max(2, cacheSizeMiB) * 1024};");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is SqliteConnection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = pragma;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (connection is SqliteConnection)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = pragma;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
