using System.Globalization;
using TalentCloud.Bench;

// Load-data generator and search benchmarks. See README, "Talent search".
//   generate [--db PATH] [--profiles N] [--clouds N] [--orgs N] [--seed N]           (SQLite)
//   generate --postgres "Host=...;Database=NAME;..." [--profiles N] ...             (PostgreSQL)
//   search   [--db PATH] [--queries N]                                               (SQLite, with the floor)
//   compare  [--sizes 100000,1000000] [--postgres SERVER] [--dir DIR] [--queries N] [--reuse 1]
var command = args.FirstOrDefault() ?? "help";
var options = ParseOptions(args.Skip(1).ToArray());
string Get(string name, string fallback) => options.TryGetValue(name, out var value) ? value : fallback;
int GetInt(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
const string DefaultServer = "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres";

var db = Path.GetFullPath(Get("db", "bench/out/talentcloud-bench.db"));
switch (command)
{
    case "generate":
        var postgres = options.TryGetValue("postgres", out var server) ? server : null;
        var load = new LoadDataOptions(postgres is null ? Provider.Sqlite : Provider.PostgreSql, postgres ?? db,
            GetInt("profiles", 100_000), GetInt("clouds", 2_000), GetInt("orgs", 500), GetInt("seed", 20261123));
        Console.WriteLine($"Generating {load.Profiles:N0} profiles and {load.Clouds:N0} clouds on {load.Provider} (seed {load.Seed}) ...");
        await LoadDataGenerator.GenerateAsync(load, Console.Out);
        return 0;
    case "search":
        await SearchBenchmark.RunAsync(db, GetInt("queries", 1_200), Console.Out);
        return 0;
    case "compare":
        var sizes = Get("sizes", "100000,1000000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        await ProviderComparison.RunAsync(sizes, Path.GetFullPath(Get("dir", "bench/out")), Get("postgres", DefaultServer), GetInt("queries", 1_200),
            GetInt("clouds", 2_000), GetInt("orgs", 500), GetInt("seed", 20261123), Get("reuse", "0") == "1", Console.Out);
        return 0;
    default:
        Console.WriteLine("usage: TalentCloud.Bench generate [--db PATH | --postgres CONNECTION] [--profiles 100000] [--clouds 2000] [--orgs 500] [--seed 20261123]");
        Console.WriteLine("       TalentCloud.Bench search   [--db PATH] [--queries 1200]");
        Console.WriteLine("       TalentCloud.Bench compare  [--sizes 100000,1000000] [--postgres SERVER] [--dir bench/out] [--queries 1200] [--reuse 1]");
        return command == "help" ? 0 : 2;
}

static Dictionary<string, string> ParseOptions(string[] args)
{
    var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    for (var i = 0; i + 1 < args.Length; i += 2)
    {
        result[args[i].TrimStart('-')] = args[i + 1];
    }

    return result;
}
