using System.Diagnostics;
using TalentCloud.Core.Memberships;
using TalentCloud.Core.Seeding;

namespace TalentCloud.Bench;

/// <summary>Settings of one generated load-data set. <see cref="Target"/> is a SQLite file path or a PostgreSQL connection string.</summary>
public sealed record LoadDataOptions(Provider Provider, string Target, int Profiles, int Clouds, int Organizations, int Seed);

/// <summary>The databases the benchmark writes and measures.</summary>
public enum Provider
{
    Sqlite,
    PostgreSql,
}

/// <summary>One generated person: the account (no password: generated accounts cannot sign in) and the profile.</summary>
internal sealed record GeneratedPerson(int ProfileId, string UserId, string Email, GeneratedTalent Talent);

/// <summary>Where generated rows go; one implementation per database, each with its own bulk path.</summary>
internal interface ILoadDataWriter : IAsyncDisposable
{
    /// <summary>A fresh database with the migrations and the demo world (its accounts can sign in). Returns the next free profile id.</summary>
    Task<int> CreateWithDemoWorldAsync();

    Task AddPeopleAsync(IEnumerable<GeneratedPerson> people);

    /// <summary>The ids of the demo world's organisations by name.</summary>
    Task<int> OrganizationIdAsync(string name);

    Task<int> CountCloudsAsync();

    Task<int> AddOrganizationAsync(string name, string ownerUserId, string ownerEmail, string ownerName, long createdTicks);

    Task<int> AddCloudAsync(int organizationId, string name, long createdTicks);

    Task AddMembershipsAsync(IEnumerable<(int CloudId, int ProfileId, bool Active, JoinMethod Via, long JoinedTicks)> memberships);

    /// <summary>Indexes, statistics and compaction after the bulk load; returns a size description.</summary>
    Task<string> FinishAsync();
}

/// <summary>
/// Writes a fresh database: migrations, the documented demo world, then <see cref="LoadDataOptions.Profiles"/> generated
/// freelancers and agencies from the demo world's <see cref="TalentGenerator"/>, generated Enterprise organisations and
/// clouds (Acme and Globex get a share too) and memberships that favour people whose skills fit the cloud. Deterministic
/// for a given seed, and the same rows on both databases: the same searches find the same people.
/// </summary>
public static class LoadDataGenerator
{
    private static readonly string[] FamilyTitles =
    [
        "Mobile Developer", "Data Engineer", "Web Developer", "Product Designer", "Backend Engineer", "DevOps Engineer",
        "Machine Learning Engineer", "Content Writer",
    ];

    private static readonly string[] CloudSuffixes = ["Guild", "Bench", "Network", "Pool", "Circle", "Reserve"];
    private static readonly string[] OrgWords = ["Initrode", "Umbrella", "Hooli", "Vandelay", "Stark", "Wayne", "Tyrell", "Soylent", "Cyberdyne", "Aperture"];
    private static readonly string[] OrgSuffixes = ["Corp", "Industries", "Group", "Holdings", "Systems"];

    internal static readonly long Now = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero).UtcTicks;

    public static async Task GenerateAsync(LoadDataOptions options, TextWriter log)
    {
        var watch = Stopwatch.StartNew();
        await using ILoadDataWriter writer = options.Provider == Provider.PostgreSql
            ? new PostgreSqlLoadDataWriter(options.Target)
            : new SqliteLoadDataWriter(options.Target);
        var firstProfileId = await writer.CreateWithDemoWorldAsync();
        var random = new Random(options.Seed);
        var families = new List<int>[FamilyTitles.Length];
        for (var i = 0; i < families.Length; i++)
        {
            families[i] = [];
        }

        IEnumerable<GeneratedPerson> People()
        {
            var profileId = firstProfileId;
            foreach (var talent in new TalentGenerator(options.Seed).Generate(options.Profiles))
            {
                families[Math.Max(0, Array.FindIndex(FamilyTitles, f => talent.Title.Contains(f, StringComparison.Ordinal)))].Add(profileId);
                yield return new GeneratedPerson(profileId, $"gen-user-{talent.Number:D7}", $"talent{talent.Number:D7}@generated.talentcloud.test", talent);
                profileId++;
            }
        }

        await writer.AddPeopleAsync(People());
        log.WriteLine($"  {options.Profiles:N0} profiles in {watch.Elapsed.TotalSeconds:F1} s");

        // Organisations: Acme and Globex from the demo world, plus generated Enterprise clients with an owner each.
        var orgIds = new List<int> { await writer.OrganizationIdAsync(DemoWorld.Acme), await writer.OrganizationIdAsync(DemoWorld.Globex) };
        for (var i = 1; i <= options.Organizations; i++)
        {
            var name = $"{OrgWords[random.Next(OrgWords.Length)]} {OrgSuffixes[random.Next(OrgSuffixes.Length)]} {i}";
            orgIds.Add(await writer.AddOrganizationAsync(name, $"gen-client-{i:D5}", $"client{i:D5}@generated.talentcloud.test", $"Owner of {name}", Now));
        }

        // Clouds, dealt round-robin over the organisations, each themed on one skill family.
        var existingClouds = await writer.CountCloudsAsync();
        var clouds = new List<(int Id, int Family)>();
        for (var i = 0; i < options.Clouds - existingClouds; i++)
        {
            var family = random.Next(FamilyTitles.Length);
            var name = $"{FamilyTitles[family]} {CloudSuffixes[random.Next(CloudSuffixes.Length)]} {i + 1}";
            clouds.Add((await writer.AddCloudAsync(orgIds[i % orgIds.Count], name, Now), family));
        }

        // Memberships: 20–120 per cloud, mostly people of the cloud's family, one in ten still pending approval.
        var lastProfileId = firstProfileId + options.Profiles - 1;
        var memberships = 0;
        IEnumerable<(int, int, bool, JoinMethod, long)> Memberships()
        {
            foreach (var (cloudId, family) in clouds)
            {
                var size = random.Next(20, 121);
                var members = new HashSet<int>();
                while (members.Count < size && options.Profiles > 0)
                {
                    var pool = families[family];
                    members.Add(random.Next(10) < 7 && pool.Count > 0 ? pool[random.Next(pool.Count)] : random.Next(firstProfileId, lastProfileId + 1));
                }

                foreach (var member in members)
                {
                    var active = random.Next(10) != 0;
                    var joined = Now - TimeSpan.FromDays(random.Next(1, 400)).Ticks;
                    memberships++;
                    yield return (cloudId, member, active, random.Next(3) == 0 ? JoinMethod.Contract : JoinMethod.Invitation, joined);
                }
            }
        }

        await writer.AddMembershipsAsync(Memberships());
        var size = await writer.FinishAsync();
        log.WriteLine($"  {orgIds.Count:N0} Enterprise organisations, {existingClouds + clouds.Count:N0} clouds, {memberships:N0} generated memberships");
        log.WriteLine($"  done in {watch.Elapsed.TotalSeconds:F1} s: {size}");
    }
}
