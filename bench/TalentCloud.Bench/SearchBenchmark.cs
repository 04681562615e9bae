using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentCloud.Core;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Data;
using TalentCloud.Core.Profiles;
using TalentCloud.Core.Search;
using TalentCloud.Core.Seeding;

namespace TalentCloud.Bench;

/// <summary>
/// One entry of the fixed query mix: what the service is asked, and the same search written by hand for the floor
/// (FTS match expression, skill names that count as "matched", extra WHERE on the profile row <c>p</c>).
/// </summary>
internal sealed record MixEntry(string Label, string Searcher, SearchQuery Query, string? Match, string[] SkillNames, string Where);

/// <summary>
/// Measures <see cref="TalentSearchService"/> against a floor: the same ranked page as one hand-written SQL statement
/// run directly with Microsoft.Data.Sqlite on an open connection, with no mapping or authorization.
/// </summary>
public static class SearchBenchmark
{
    internal static readonly MixEntry[] Mix =
    [
        new("mobile", DemoWorld.MariaEmail, new SearchQuery { Text = "mobile" }, "\"mobile\"", ["mobile"], ""),
        new("python", DemoWorld.MariaEmail, new SearchQuery { Text = "python" }, "\"python\"", ["python"], ""),
        new("react", DemoWorld.RajEmail, new SearchQuery { Text = "react" }, "\"react\"", ["react"], ""),
        new("figma", DemoWorld.HankEmail, new SearchQuery { Text = "figma" }, "\"figma\"", ["figma"], ""),
        new("kubernetes", DemoWorld.MariaEmail, new SearchQuery { Text = "kubernetes" }, "\"kubernetes\"", ["kubernetes"], ""),
        new("swift ios", DemoWorld.MariaEmail, new SearchQuery { Text = "swift ios" }, "\"swift\" \"ios\"", ["swift", "ios", "swift ios"], ""),
        new("senior web developer", DemoWorld.RajEmail, new SearchQuery { Text = "senior web developer" },
            "\"senior\" \"web\" \"developer\"", ["senior", "web", "developer", "senior web", "web developer", "senior web developer"], ""),
        new("data engineer, US", DemoWorld.MariaEmail, new SearchQuery { Text = "data engineer", Country = "US" },
            "\"data\" \"engineer\"", ["data", "engineer", "data engineer"], "p.Country = 'US'"),
        new("spark + skill SQL", DemoWorld.MariaEmail, new SearchQuery { Text = "spark", Skills = ["SQL"] },
            "\"spark\"", ["spark", "SQL"], "h.Id IN (SELECT ProfileId FROM ProfileSkills WHERE Name = 'SQL')"),
        new("designer $50-120", DemoWorld.HankEmail, new SearchQuery { Text = "designer", MinRate = 50, MaxRate = 120 },
            "\"designer\"", ["designer"], "p.HourlyRate >= 50 AND p.HourlyRate <= 120"),
        new("typescript agencies", DemoWorld.CarlEmail, new SearchQuery { Text = "typescript", Kind = ProfileKind.Agency },
            "\"typescript\"", ["typescript"], "p.Kind = 2"),
        new("machine learning", DemoWorld.CarlEmail, new SearchQuery { Text = "machine learning" },
            "\"machine\" \"learning\"", ["machine", "learning", "machine learning"], ""),
        new("flutter page 3", DemoWorld.MariaEmail, new SearchQuery { Text = "flutter", Page = 3 }, "\"flutter\"", ["flutter"], ""),
        new("mobile, my clouds", DemoWorld.MariaEmail, new SearchQuery { Text = "mobile", MyCloudsOnly = true },
            "\"mobile\"", ["mobile"], "h.Id IN boosted"),
        new("node.js", DemoWorld.RajEmail, new SearchQuery { Text = "node.js" }, "\"node.js\"", ["node.js"], ""),
        new("name: Keiko Tanaka", DemoWorld.MariaEmail, new SearchQuery { Text = "Keiko Tanaka" },
            "\"Keiko\" \"Tanaka\"", ["keiko", "tanaka", "keiko tanaka"], ""),
        new("terraform, DE", DemoWorld.CarlEmail, new SearchQuery { Text = "terraform", Country = "DE" }, "\"terraform\"", ["terraform"], "p.Country = 'DE'"),
        new("no text, GB $40-90", DemoWorld.MariaEmail, new SearchQuery { Country = "GB", MinRate = 40, MaxRate = 90 },
            null, [], "p.Country = 'GB' AND p.HourlyRate >= 40 AND p.HourlyRate <= 90"),
        new("seo copywriting", DemoWorld.CarlEmail, new SearchQuery { Text = "seo copywriting" }, "\"seo\" \"copywriting\"", ["seo", "copywriting", "seo copywriting"], ""),
        new("android kotlin", DemoWorld.HankEmail, new SearchQuery { Text = "android kotlin" }, "\"android\" \"kotlin\"", ["android", "kotlin", "android kotlin"], ""),
    ];

    public static async Task RunAsync(string databasePath, int queries, TextWriter output)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadWrite }.ToString();
        var services = new ServiceCollection().AddLogging().AddTalentCloudCore(connectionString).BuildServiceProvider();
        var search = services.GetRequiredService<TalentSearchService>();
        var actors = new Dictionary<string, Actor>();
        var orgOf = new Dictionary<string, int>();
        int profiles;
        await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            profiles = await db.Profiles.CountAsync();
            foreach (var email in Mix.Select(m => m.Searcher).Distinct())
            {
                var normalized = email.ToUpperInvariant();
                var userId = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).SingleAsync();
                actors[email] = await services.GetRequiredService<ActorLoader>().LoadAsync(userId);
                orgOf[email] = actors[email].Organizations.Keys.Single();
            }
        }

        await using var floorConnection = new SqliteConnection(connectionString);
        await floorConnection.OpenAsync();
        await using (var pragma = floorConnection.CreateCommand())
        {
            // The same connection settings (page cache included) the service's connections get.
            pragma.CommandText = SqlitePragmas.Statements(SqlitePragmas.DefaultCacheSizeMiB);
            await pragma.ExecuteNonQueryAsync();
        }
        var enterprise = new HashSet<int>();
        await using (var command = floorConnection.CreateCommand())
        {
            command.CommandText = "SELECT Id FROM Organizations WHERE HasEnterpriseSubscription = 1";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                enterprise.Add(reader.GetInt32(0));
            }
        }

        // Warm both paths and check the floor returns the same page as the service.
        output.WriteLine($"Query mix ({Mix.Length} searches, {profiles:N0} profiles):");
        var mismatches = 0;
        var matchCounts = new int[Mix.Length];
        foreach (var (entry, index) in Mix.Select((m, i) => (m, i)))
        {
            var answer = await search.SearchAsync(actors[entry.Searcher], entry.Query);
            var (floorIds, floorTotal) = await RunFloorAsync(floorConnection, entry, orgOf[entry.Searcher], enterprise.Contains(orgOf[entry.Searcher]));
            var same = answer.Results.Tiles.Select(t => t.ProfileId).SequenceEqual(floorIds) && answer.Results.TotalCount == floorTotal;
            mismatches += same ? 0 : 1;
            matchCounts[index] = answer.Results.TotalCount;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {entry.Label,-24} as {entry.Searcher,-18} {answer.Results.TotalCount,7:N0} matches ({100.0 * answer.Results.TotalCount / profiles,5:F1} %){(same ? "" : "  FLOOR DIFFERS")}"));
        }

        var serviceTimes = new List<double>(queries);
        var floorTimes = new List<double>(queries);
        var process = System.Diagnostics.Process.GetCurrentProcess();
        TimeSpan serviceCpu = TimeSpan.Zero, floorCpu = TimeSpan.Zero;
        for (var i = 0; i < queries; i++)
        {
            var entry = Mix[i % Mix.Length];
            var actor = actors[entry.Searcher];
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var start = Stopwatch.GetTimestamp();
            var answer = await search.SearchAsync(actor, entry.Query);
            serviceTimes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            process.Refresh();
            serviceCpu += process.TotalProcessorTime - cpu;
            if (answer.Status != SearchStatus.Ok)
            {
                throw new InvalidOperationException($"{entry.Label}: {answer.Status} {string.Join("; ", answer.Errors)}");
            }

            cpu = process.TotalProcessorTime;
            start = Stopwatch.GetTimestamp();
            await RunFloorAsync(floorConnection, entry, orgOf[entry.Searcher], enterprise.Contains(orgOf[entry.Searcher]));
            floorTimes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            process.Refresh();
            floorCpu += process.TotalProcessorTime - cpu;
        }

        var s = Summary(serviceTimes);
        var f = Summary(floorTimes);
        output.WriteLine();
        output.WriteLine($"Search latency over {queries:N0} warm queries (page size {TalentSearchService.PageSize}); floor = same ranking and page as one hand-written SQL statement:");
        output.WriteLine();
        output.WriteLine("| measure | p50 ms | p95 ms | p99 ms | mean ms | mean CPU ms |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        var sCpu = serviceCpu.TotalMilliseconds / queries;
        var fCpu = floorCpu.TotalMilliseconds / queries;
        output.WriteLine(Row("search service (TalentSearchService)", s, sCpu));
        output.WriteLine(Row("floor (one SQL statement, Microsoft.Data.Sqlite)", f, fCpu));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| ratio service / floor | {s.P50 / f.P50:F2} | {s.P95 / f.P95:F2} | {s.P99 / f.P99:F2} | {s.Mean / f.Mean:F2} | {sCpu / fCpu:F2} |"));
        output.WriteLine($"(load average at the end: {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores)");
        if (mismatches > 0)
        {
            output.WriteLine($"WARNING: the floor returned a different page for {mismatches} searches.");
        }

        // Which searches cost what: the median of each entry of the mix, service and floor.
        output.WriteLine();
        output.WriteLine("| search | matches | service p50 ms | floor p50 ms |");
        output.WriteLine("|---|---:|---:|---:|");
        for (var e = 0; e < Mix.Length; e++)
        {
            var mine = Enumerable.Range(0, queries).Where(i => i % Mix.Length == e).ToList();
            if (mine.Count == 0)
            {
                continue;
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {Mix[e].Label} ({Mix[e].Searcher}) | {matchCounts[e]:N0} | {Summary([.. mine.Select(i => serviceTimes[i])]).P50:F2} | {Summary([.. mine.Select(i => floorTimes[i])]).P50:F2} |"));
        }
    }

    internal sealed record Stats(double P50, double P95, double P99, double Mean);

    /// <summary>The searches' actors (loaded as the app loads them) and the number of profiles, on any database.</summary>
    internal static async Task<(Dictionary<string, Actor> Actors, int Profiles)> ActorsAsync(IServiceProvider services)
    {
        var actors = new Dictionary<string, Actor>();
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        foreach (var email in Mix.Select(m => m.Searcher).Distinct())
        {
            var normalized = email.ToUpperInvariant();
            var userId = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).SingleAsync();
            actors[email] = await services.GetRequiredService<ActorLoader>().LoadAsync(userId);
        }

        return (actors, await db.Profiles.CountAsync());
    }

    /// <summary>
    /// Times <paramref name="queries"/> warm searches of the mix through the service (after one warm-up round);
    /// returns each query's milliseconds in mix order and each search's match count and first page of ids.
    /// </summary>
    internal static async Task<(List<double> Times, int[] Matches, List<int>[] FirstPages)> MeasureServiceAsync(IServiceProvider services, int queries)
    {
        var search = services.GetRequiredService<TalentSearchService>();
        var (actors, _) = await ActorsAsync(services);
        var matches = new int[Mix.Length];
        var pages = new List<int>[Mix.Length];
        for (var e = 0; e < Mix.Length; e++)
        {
            var answer = await search.SearchAsync(actors[Mix[e].Searcher], Mix[e].Query);
            matches[e] = answer.Results.TotalCount;
            pages[e] = [.. answer.Results.Tiles.Select(t => t.ProfileId)];
        }

        var times = new List<double>(queries);
        for (var i = 0; i < queries; i++)
        {
            var entry = Mix[i % Mix.Length];
            var start = Stopwatch.GetTimestamp();
            var answer = await search.SearchAsync(actors[entry.Searcher], entry.Query);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            if (answer.Status != SearchStatus.Ok)
            {
                throw new InvalidOperationException($"{entry.Label}: {answer.Status} {string.Join("; ", answer.Errors)}");
            }
        }

        return (times, matches, pages);
    }

    /// <summary>The median of each entry of the mix over <paramref name="times"/> (taken in mix order).</summary>
    internal static double[] MediansPerSearch(List<double> times) =>
        [.. Enumerable.Range(0, Mix.Length).Select(e => Summary([.. Enumerable.Range(0, times.Count).Where(i => i % Mix.Length == e).Select(i => times[i])]).P50)];

    internal static Stats Summary(List<double> times)
    {
        var sorted = times.Order().ToArray();
        double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Stats(At(0.50), At(0.95), At(0.99), sorted.Average());
    }

    private static string Row(string label, Stats s, double cpu) =>
        string.Create(CultureInfo.InvariantCulture, $"| {label} | {s.P50:F2} | {s.P95:F2} | {s.P99:F2} | {s.Mean:F2} | {cpu:F2} |");

    /// <summary>The floor: the whole answer (ranked page, total, skills, the organisation's cloud names) in one statement.</summary>
    private static async Task<(List<int> Ids, int Total)> RunFloorAsync(SqliteConnection connection, MixEntry entry, int organizationId, bool boost)
    {
        var useProfileRow = entry.Where.Contains("p.", StringComparison.Ordinal);
        var skillList = entry.SkillNames.Length == 0 ? "NULL" : string.Join(", ", entry.SkillNames.Select((_, i) => $"$k{i}"));
        var id = entry.Match is null ? "p.Id" : "h.Id";
        var source = entry.Match is null ? "FROM Profiles p" : useProfileRow ? "FROM hits h JOIN Profiles p ON p.Id = h.Id" : "FROM hits h";
        var where = entry.Where.Length == 0 ? "" : "WHERE " + entry.Where.Replace("h.Id", id, StringComparison.Ordinal);
        var skip = (entry.Query.Page - 1) * 20;
        // Same ranking as the service, including bm25 only for the (boosted, skills matched) groups the page needs.
        var ranked = entry.Match is null
            ? $"ranked AS MATERIALIZED (SELECT Id, Boosted, SkillsMatched, 0.0 AS TextRank FROM cheap ORDER BY Boosted DESC, SkillsMatched DESC, Id LIMIT 20 OFFSET {skip})"
            : $"""
                scored AS MATERIALIZED (
                    SELECT rowid AS Id, bm25(ProfileSearch, 4.0, 3.0, 3.0, 1.0) AS TextRank FROM ProfileSearch
                    WHERE ProfileSearch MATCH $match AND +rowid IN (
                        SELECT c.Id FROM cheap c JOIN tiers t ON t.Boosted = c.Boosted AND t.SkillsMatched = c.SkillsMatched
                        WHERE t.Upto > {skip} AND t.Upto - t.N < {skip + 20})),
                ranked AS MATERIALIZED (
                    SELECT c.Id, c.Boosted, c.SkillsMatched, s.TextRank FROM cheap c JOIN scored s ON s.Id = c.Id
                    ORDER BY c.Boosted DESC, c.SkillsMatched DESC, s.TextRank, c.Id
                    LIMIT 20 OFFSET {skip} - (SELECT coalesce(sum(N), 0) FROM tiers WHERE Upto <= {skip}))
                """;
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            WITH {(entry.Match is null ? "" : "hits AS MATERIALIZED (SELECT rowid AS Id FROM ProfileSearch WHERE ProfileSearch MATCH $match),")}
            boosted AS MATERIALIZED (
                SELECT m.ProfileId FROM CloudMemberships m JOIN Clouds c ON c.Id = m.CloudId
                WHERE c.OrganizationId = $org AND $boost AND m.Status = 2),
            cheap AS MATERIALIZED (
                SELECT {id} AS Id, ({id} IN boosted) AS Boosted,
                       (SELECT count(*) FROM ProfileSkills s WHERE s.ProfileId = {id} AND s.Name IN ({skillList})) AS SkillsMatched
                {source}
                {where}),
            tiers AS MATERIALIZED (
                SELECT Boosted, SkillsMatched, count(*) AS N,
                       sum(count(*)) OVER (ORDER BY Boosted DESC, SkillsMatched DESC ROWS UNBOUNDED PRECEDING) AS Upto
                FROM cheap GROUP BY Boosted, SkillsMatched),
            {ranked}
            SELECT r.Id, p.Kind, p.Handle, p.DisplayName, p.Title, p.Country, p.HourlyRate, (SELECT sum(N) FROM tiers),
                   (SELECT group_concat(s.Name, char(31)) FROM ProfileSkills s WHERE s.ProfileId = r.Id),
                   (SELECT group_concat(c.Name, char(31)) FROM CloudMemberships m JOIN Clouds c ON c.Id = m.CloudId
                    WHERE m.ProfileId = r.Id AND m.Status = 2 AND c.OrganizationId = $org)
            FROM ranked r JOIN Profiles p ON p.Id = r.Id
            ORDER BY r.Boosted DESC, r.SkillsMatched DESC, r.TextRank, r.Id
            """;
        if (entry.Match is not null)
        {
            command.Parameters.AddWithValue("$match", entry.Match);
        }

        command.Parameters.AddWithValue("$org", organizationId);
        command.Parameters.AddWithValue("$boost", boost ? 1 : 0);
        for (var i = 0; i < entry.SkillNames.Length; i++)
        {
            command.Parameters.AddWithValue($"$k{i}", entry.SkillNames[i]);
        }

        var ids = new List<int>(20);
        var total = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt32(0));
            total = reader.GetInt32(7);
            for (var column = 1; column < reader.FieldCount; column++)
            {
                _ = reader.GetValue(column);
            }
        }

        return (ids, total);
    }
}
