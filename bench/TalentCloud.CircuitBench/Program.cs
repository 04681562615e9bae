using System.Globalization;
using TalentCloud.CircuitBench;

// Circuit benchmark: opens N live Blazor circuits in headless Chromium on one page, reports the server's memory per
// circuit, then has every page click once a second and reports the round trips. See README, "Performance".
//   TalentCloud.CircuitBench --base URL --server-pid PID --scenario visitor|maria [--circuits 100] [--seconds 30]
var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
for (var i = 0; i + 1 < args.Length; i += 2)
{
    options[args[i].TrimStart('-')] = args[i + 1];
}

string Get(string name, string? fallback = null) =>
    options.TryGetValue(name, out var value) ? value : fallback ?? throw new ArgumentException($"--{name} is required");
int GetInt(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

var scenario = Get("scenario") switch
{
    "visitor" => Scenario.VisitorProfile,
    "maria" => Scenario.MariaOrg,
    var other => throw new ArgumentException($"Unknown scenario '{other}' (visitor or maria)."),
};
var settings = new BenchSettings(
    new Uri(Get("base")),
    int.Parse(Get("server-pid"), CultureInfo.InvariantCulture),
    scenario,
    GetInt("circuits", 100),
    TimeSpan.FromSeconds(GetInt("seconds", 30)),
    Get("chromium", "/usr/bin/chromium"));
var result = await CircuitRun.RunAsync(settings, Console.Out);
Console.WriteLine(result.ToTableRow());
