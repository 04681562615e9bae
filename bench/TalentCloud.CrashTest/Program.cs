using System.Globalization;
using TalentCloud.CrashTest;

// The crash test's three parts; bench/crash-test.sh runs them (see README, "Crash test").
//   prepare --db PATH                 a fresh database: demo world, clouds needing approval, Connects for everyone
//   work    --db PATH --acks FILE     real actions through Core, one acknowledgement line per committed action, until killed
//   verify  --db PATH --acks FILE     integrity_check, every acknowledged action present, no action partial
var command = args.FirstOrDefault() ?? "help";
var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
for (var i = 1; i + 1 < args.Length; i += 2)
{
    options[args[i].TrimStart('-')] = args[i + 1];
}

string Get(string name) => options.TryGetValue(name, out var value) ? Path.GetFullPath(value) : throw new ArgumentException($"--{name} is required");
switch (command)
{
    case "prepare":
        await CrashWorld.PrepareAsync(Get("db"), int.Parse(options.GetValueOrDefault("profiles", "600"), CultureInfo.InvariantCulture));
        return 0;
    case "work":
        await ActionStream.RunAsync(Get("db"), Get("acks"), int.Parse(options.GetValueOrDefault("seed", "1"), CultureInfo.InvariantCulture));
        return 0;
    case "verify":
        return await Verifier.RunAsync(Get("db"), Get("acks"), options.GetValueOrDefault("label", "")) ? 0 : 1;
    default:
        Console.WriteLine("usage: TalentCloud.CrashTest prepare|work|verify --db PATH [--acks FILE] [--seed N] [--profiles N]");
        return command == "help" ? 0 : 2;
}
