using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TalentCloud.Core;
using TalentCloud.Core.Data;

namespace TalentCloud.Bench;

/// <summary>
/// The search service on both databases, side by side in one run: for each size, the same load data is generated into
/// a SQLite file and a PostgreSQL database, then the same warm query mix is timed through <c>TalentSearchService</c>
/// on each (one database at a time), and the first page of every search is compared between the two.
/// </summary>
public static class ProviderComparison
{
    public static async Task RunAsync(IReadOnlyList<int> sizes, string sqliteDirectory, string postgreSqlServer, int queries, int clouds, int orgs,
        int seed, bool reuse, TextWriter output)
    {
        var rows = new List<(int Size, Provider Provider, SearchBenchmark.Stats Stats, double[] Medians, int[] Matches, string Load)>();
        var pages = new Dictionary<(int, Provider), List<int>[]>();
        foreach (var size in sizes)
        {
            foreach (var provider in new[] { Provider.Sqlite, Provider.PostgreSql })
            {
                var target = provider == Provider.Sqlite
                    ? Path.Combine(sqliteDirectory, $"talentcloud-bench-{size}.db")
                    : new NpgsqlConnectionStringBuilder(postgreSqlServer) { Database = $"talentcloud_bench_{size}" }.ToString();
                if (!reuse || !await ExistsAsync(provider, target))
                {
                    output.WriteLine($"Generating {size:N0} profiles on {provider} ...");
                    await LoadDataGenerator.GenerateAsync(new LoadDataOptions(provider, target, size, clouds, orgs, seed), output);
                }

                var settings = provider == Provider.Sqlite
                    ? DatabaseSettings.Sqlite(new SqliteConnectionStringBuilder { DataSource = target, Mode = SqliteOpenMode.ReadWrite }.ToString())
                    : DatabaseSettings.PostgreSql(target);
                await using var services = new ServiceCollection().AddLogging().AddTalentCloudCore(settings).BuildServiceProvider();
                output.WriteLine($"Searching {size:N0} profiles on {provider} ({queries:N0} warm queries) ...");
                var (times, matches, firstPages) = await SearchBenchmark.MeasureServiceAsync(services, queries);
                pages[(size, provider)] = firstPages;
                rows.Add((size, provider, SearchBenchmark.Summary(times), SearchBenchmark.MediansPerSearch(times), matches,
                    File.ReadAllText("/proc/loadavg").Split(' ')[0]));
            }
        }

        output.WriteLine();
        output.WriteLine($"== Search service on both databases: {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC ==");
        output.WriteLine();
        output.WriteLine("| profiles | database | p50 ms | p95 ms | p99 ms | mean ms | load average after |");
        output.WriteLine("|---:|---|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Size:N0} | {Name(r.Provider)} | {r.Stats.P50:F2} | {r.Stats.P95:F2} | {r.Stats.P99:F2} | {r.Stats.Mean:F2} | {r.Load} |"));
        }

        foreach (var size in sizes)
        {
            var sqlite = rows.Single(r => r.Size == size && r.Provider == Provider.Sqlite);
            var pg = rows.Single(r => r.Size == size && r.Provider == Provider.PostgreSql);
            output.WriteLine();
            output.WriteLine($"Each search's median at {size:N0} profiles (ms), and whether both databases found the same number and ranked the same first page:");
            output.WriteLine();
            output.WriteLine("| search | matches SQLite | matches PostgreSQL | SQLite p50 | PostgreSQL p50 | same first page |");
            output.WriteLine("|---|---:|---:|---:|---:|---|");
            for (var e = 0; e < SearchBenchmark.Mix.Length; e++)
            {
                var same = pages[(size, Provider.Sqlite)][e].SequenceEqual(pages[(size, Provider.PostgreSql)][e]) ? "yes" : "no (text rank differs)";
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {SearchBenchmark.Mix[e].Label} ({SearchBenchmark.Mix[e].Searcher}) | {sqlite.Matches[e]:N0} | {pg.Matches[e]:N0} | {sqlite.Medians[e]:F2} | {pg.Medians[e]:F2} | {same} |"));
            }
        }
    }

    private static string Name(Provider provider) => provider == Provider.Sqlite ? "SQLite" : "PostgreSQL";

    private static async Task<bool> ExistsAsync(Provider provider, string target)
    {
        if (provider == Provider.Sqlite)
        {
            return File.Exists(target);
        }

        var database = new NpgsqlConnectionStringBuilder(target).Database;
        var server = new NpgsqlConnectionStringBuilder(target) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", database!);
        return await command.ExecuteScalarAsync() is not null;
    }
}
