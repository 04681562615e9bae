using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using TalentCloud.Core.Data;

namespace TalentCloud.Tests.Support;

/// <summary>
/// The PostgreSQL server the PostgreSQL test run uses: <c>TALENTCLOUD_POSTGRES</c> holds a connection string to it
/// (default <c>Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres</c>). Without a server the tests are
/// skipped with that reason, unless <c>TALENTCLOUD_POSTGRES_TESTS=required</c> (as in CI), when they fail instead.
/// <para>
/// Each test process creates its own uniquely named databases (<c>talentcloud_test_…</c>) and drops them when it
/// exits, so parallel runs never meet. Creating and dropping a database costs seconds on PostgreSQL, so a test does
/// not get a new one: it borrows a migrated database that no other test holds, emptied (and, for demo-world tests,
/// refilled from a snapshot taken after the first seeding) before it is handed out.
/// </para>
/// </summary>
public static class PostgreSqlServer
{
    public const string ConnectionVariable = "TALENTCLOUD_POSTGRES";
    public const string RequiredVariable = "TALENTCLOUD_POSTGRES_TESTS";
    private const string DefaultConnection = "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres";
    private const string NamePrefix = "talentcloud_test_";

    private static readonly Lazy<Task<string?>> Unavailable = new(ProbeAsync);
    private static readonly ConcurrentBag<PooledDatabase> Free = [];
    private static readonly ConcurrentBag<string> Created = [];
    private static readonly string RunId = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "_" + Guid.NewGuid().ToString("N")[..8];
    private static int counter;

    static PostgreSqlServer() => AppDomain.CurrentDomain.ProcessExit += (_, _) => DropAll();

    public static bool Required => string.Equals(Environment.GetEnvironmentVariable(RequiredVariable), "required", StringComparison.OrdinalIgnoreCase);

    /// <summary>The server's address, from <c>TALENTCLOUD_POSTGRES</c> or the default, connected to the <c>postgres</c> database.</summary>
    public static NpgsqlConnectionStringBuilder Server
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable(ConnectionVariable);
            return new NpgsqlConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? DefaultConnection : configured)
            {
                Database = "postgres",
                Pooling = false,
                Timeout = 5,
            };
        }
    }

    /// <summary>Whether the server answers (probed once per process).</summary>
    public static async Task<bool> IsAvailableAsync() => await Unavailable.Value is null;

    /// <summary>Skips the calling test (or fails it where PostgreSQL tests are required) when no server answers.</summary>
    public static async Task EnsureAvailableAsync()
    {
        if (await Unavailable.Value is { } reason)
        {
            if (Required)
            {
                Assert.Fail($"PostgreSQL tests are required ({RequiredVariable}=required) but cannot run: {reason}");
            }

            Assert.Skip(reason);
        }
    }

    /// <summary>A connection string for the database <paramref name="name"/> on the test server.</summary>
    public static string ConnectionStringFor(string name) =>
        new NpgsqlConnectionStringBuilder(Server.ConnectionString) { Database = name, Pooling = true, Timeout = 30, MaxPoolSize = 60 }.ToString();

    /// <summary>
    /// Borrows a migrated database for one test: empty, or holding what <paramref name="seed"/> writes (seeded once per
    /// database and <paramref name="seedKey"/>, restored from a snapshot afterwards). Dispose the lease to give it back.
    /// </summary>
    public static async Task<DatabaseLease> BorrowAsync(string? seedKey = null, Func<AppDbContext, Task>? seed = null)
    {
        await EnsureAvailableAsync();
        if (!Free.TryTake(out var database))
        {
            database = await PooledDatabase.CreateAsync();
        }

        try
        {
            await database.ResetAsync(seedKey, seed);
        }
        catch
        {
            // A database that cannot be reset is not handed out again.
            await DropDatabaseAsync(database.Name);
            throw;
        }

        return new DatabaseLease(database);
    }

    /// <summary>A new, empty database (not migrated) that lives until the process ends, e.g. for an app that migrates it itself.</summary>
    public static async Task<string> CreateEmptyDatabaseAsync()
    {
        await EnsureAvailableAsync();
        return await CreateDatabaseAsync();
    }

    /// <summary>Drops a database made by this process, closing any connection still open to it.</summary>
    public static async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionStringFor(name)));
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static async Task<string> CreateDatabaseAsync()
    {
        var number = Interlocked.Increment(ref counter);
        if (number == 1)
        {
            await DropStaleAsync();
        }

        var name = NamePrefix + RunId + "_" + number.ToString(CultureInfo.InvariantCulture);
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        Created.Add(name);
        return name;
    }

    /// <summary>Databases of test runs that ended without cleaning up (killed), recognised by a start time over a day ago.</summary>
    private static async Task DropStaleAsync()
    {
        var stale = new List<string>();
        await using (var connection = new NpgsqlConnection(Server.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE 'talentcloud\\_test\\_%'", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var name = reader.GetString(0);
                if (DateTime.TryParseExact(name.AsSpan(NamePrefix.Length, Math.Min(14, name.Length - NamePrefix.Length)), "yyyyMMddHHmmss",
                        CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var started)
                    && started < DateTime.UtcNow.AddDays(-1))
                {
                    stale.Add(name);
                }
            }
        }

        foreach (var name in stale)
        {
            await DropDatabaseAsync(name);
        }
    }

    private static async Task<string?> ProbeAsync()
    {
        var server = Server;
        try
        {
            await using var connection = new NpgsqlConnection(server.ConnectionString);
            await connection.OpenAsync();
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or ArgumentException or InvalidOperationException)
        {
            return $"PostgreSQL not reachable at {server.Host}:{server.Port} ({e.GetType().Name}: {e.Message}); "
                + $"start one or set {ConnectionVariable}=\"Host=...;Port=...;Username=...;Password=...\" (a user that may create databases).";
        }
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 120 };
        await command.ExecuteNonQueryAsync();
    }

    private static void DropAll()
    {
        foreach (var name in Created)
        {
            try
            {
                DropDatabaseAsync(name).GetAwaiter().GetResult();
            }
            catch (NpgsqlException)
            {
                // The server went away first; nothing is left to clean.
            }
        }
    }

    /// <summary>A test's hold on a database; disposing returns it to the pool.</summary>
    public sealed class DatabaseLease(PooledDatabase database) : IAsyncDisposable
    {
        private int returned;

        public string Name => database.Name;

        public string ConnectionString => ConnectionStringFor(database.Name);

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref returned, 1) == 0)
            {
                Free.Add(database);
            }

            return ValueTask.CompletedTask;
        }
    }

    /// <summary>One migrated database of the pool, with the seeded snapshots it holds (a schema each).</summary>
    public sealed class PooledDatabase
    {
        private readonly HashSet<string> snapshots = new(StringComparer.Ordinal);
        private IReadOnlyList<(string Table, bool HasIdentity)> tables = [];

        private PooledDatabase(string name) => Name = name;

        public string Name { get; }

        public static async Task<PooledDatabase> CreateAsync()
        {
            var database = new PooledDatabase(await CreateDatabaseAsync());
            try
            {
                await using var context = database.NewContext();
                await context.Database.MigrateAsync();
                database.tables = TablesParentsFirst(context.Model);
                return database;
            }
            catch
            {
                // A database that cannot be migrated is dropped at once, with its pooled connections, not at the end of the run.
                await DropDatabaseAsync(database.Name);
                throw;
            }
        }

        /// <summary>Empties every table and restarts ids; then refills from the snapshot of <paramref name="seedKey"/>, seeding it first if needed.</summary>
        public async Task ResetAsync(string? seedKey, Func<AppDbContext, Task>? seed)
        {
            await RunAsync(ClearSql());
            if (seedKey is null || seed is null)
            {
                return;
            }

            var schema = "snapshot_" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(seedKey)))[..16].ToLowerInvariant();
            if (snapshots.Contains(schema))
            {
                await RunAsync(RestoreSql(schema));
                return;
            }

            await using (var context = NewContext())
            {
                await seed(context);
            }

            await RunAsync(SnapshotSql(schema));
            snapshots.Add(schema);
        }

        private AppDbContext NewContext() =>
            new PostgreSqlAppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(ConnectionStringFor(Name)).Options);

        private string ClearSql()
        {
            // Replica mode skips triggers for this transaction: the append-only audit log's would refuse the clearing
            // (and the foreign-key checks are moot when every table is emptied).
            var sql = new StringBuilder("BEGIN; SET LOCAL session_replication_role = replica;");
            foreach (var (table, _) in tables.Reverse())
            {
                sql.Append(CultureInfo.InvariantCulture, $"DELETE FROM \"{table}\";");
            }

            foreach (var (table, _) in tables.Where(t => t.HasIdentity))
            {
                sql.Append(CultureInfo.InvariantCulture, $"ALTER TABLE \"{table}\" ALTER COLUMN \"Id\" RESTART WITH 1;");
            }

            return sql.Append("COMMIT;").ToString();
        }

        private string SnapshotSql(string schema)
        {
            var sql = new StringBuilder().Append(CultureInfo.InvariantCulture, $"BEGIN; CREATE SCHEMA \"{schema}\";");
            foreach (var (table, _) in tables)
            {
                sql.Append(CultureInfo.InvariantCulture, $"CREATE TABLE \"{schema}\".\"{table}\" AS TABLE public.\"{table}\";");
            }

            return sql.Append("COMMIT;").ToString();
        }

        private string RestoreSql(string schema)
        {
            var sql = new StringBuilder("BEGIN;");
            foreach (var (table, _) in tables)
            {
                sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO public.\"{table}\" SELECT * FROM \"{schema}\".\"{table}\";");
            }

            foreach (var (table, _) in tables.Where(t => t.HasIdentity))
            {
                sql.Append(CultureInfo.InvariantCulture,
                    $"SELECT setval(pg_get_serial_sequence('public.\"{table}\"', 'Id'), COALESCE((SELECT MAX(\"Id\") FROM public.\"{table}\"), 0) + 1, false);");
            }

            return sql.Append("COMMIT;").ToString();
        }

        private async Task RunAsync(string sql)
        {
            await using var connection = new NpgsqlConnection(ConnectionStringFor(Name));
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 120 };
            await command.ExecuteNonQueryAsync();
        }

        /// <summary>The model's tables, each after the tables it references, and whether its key is a generated id.</summary>
        private static List<(string Table, bool HasIdentity)> TablesParentsFirst(IModel model)
        {
            var byTable = model.GetEntityTypes().Where(e => e.GetTableName() is not null)
                .GroupBy(e => e.GetTableName()!)
                .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            var ordered = new List<(string, bool)>();
            var done = new HashSet<string>(StringComparer.Ordinal);
            void Visit(string table)
            {
                if (!done.Add(table))
                {
                    return;
                }

                foreach (var principal in byTable[table].SelectMany(e => e.GetForeignKeys()).Select(fk => fk.PrincipalEntityType.GetTableName()!)
                             .Where(t => t != table))
                {
                    Visit(principal);
                }

                var key = byTable[table][0].FindPrimaryKey();
                var identity = key is { Properties.Count: 1 } && key.Properties[0].Name == "Id" && key.Properties[0].ValueGenerated == ValueGenerated.OnAdd
                    && key.Properties[0].ClrType != typeof(string);
                ordered.Add((table, identity));
            }

            foreach (var table in byTable.Keys.Order(StringComparer.Ordinal))
            {
                Visit(table);
            }

            return ordered;
        }
    }
}
