using System.Globalization;
using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Data;
using TalentCloud.Core.Memberships;
using TalentCloud.Core.Organizations;
using TalentCloud.Core.Profiles;
using TalentCloud.Core.Seeding;

namespace TalentCloud.Bench;

/// <summary>Settings of one generated load-data set.</summary>
public sealed record LoadDataOptions(string DatabasePath, int Profiles, int Clouds, int Organizations, int Seed);

/// <summary>
/// Writes a fresh SQLite database: migrations, the documented demo world (so its accounts can sign in), then
/// <see cref="LoadDataOptions.Profiles"/> generated freelancers and agencies from the demo world's
/// <see cref="TalentGenerator"/>, generated Enterprise organisations and clouds (Acme and Globex get a share too)
/// and memberships that favour people whose skills fit the cloud. Deterministic for a given seed.
/// Bulk rows go in through prepared Microsoft.Data.Sqlite commands in one transaction; the search index is kept
/// by the same triggers the app relies on.
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

    private static readonly long Now = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero).UtcTicks;

    public static async Task GenerateAsync(LoadDataOptions options, TextWriter log)
    {
        var watch = Stopwatch.StartNew();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.DatabasePath))!);
        foreach (var file in new[] { options.DatabasePath, options.DatabasePath + "-wal", options.DatabasePath + "-shm" })
        {
            File.Delete(file);
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = options.DatabasePath, Pooling = false }.ToString();
        var dbOptions = new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connectionString).Options;
        await using (var db = new AppDbContext(dbOptions))
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            var hasher = new PasswordHasher<AppUser>(Options.Create(new PasswordHasherOptions { IterationCount = 210_000 }));
            await new DemoWorldSeeder(db, hasher, TimeProvider.System).SeedAsync(new DemoWorldOptions { GeneratedProfiles = 0 });
        }

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        Execute(connection, "PRAGMA foreign_keys = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -200000;");
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();

        var random = new Random(options.Seed);
        var families = new List<int>[FamilyTitles.Length];
        for (var i = 0; i < families.Length; i++)
        {
            families[i] = [];
        }

        // People: a user row (no password: generated accounts cannot sign in), skills, then the profile, so the
        // profile trigger indexes name, title, skills and bio in one write.
        using var insertUser = Prepare(connection, transaction, """
            INSERT INTO AspNetUsers (Id, DisplayName, CreatedAt, UserName, NormalizedUserName, Email, NormalizedEmail,
                EmailConfirmed, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount, SecurityStamp)
            VALUES ($id, $name, $now, $email, $upper, $email, $upper, 1, 0, 0, 1, 0, $id)
            """, "$id", "$name", "$now", "$email", "$upper");
        using var insertSkill = Prepare(connection, transaction,
            "INSERT INTO ProfileSkills (ProfileId, Name) VALUES ($profile, $name)", "$profile", "$name");
        using var insertProfile = Prepare(connection, transaction, """
            INSERT INTO Profiles (Id, Kind, OwnerUserId, DisplayName, Handle, Title, Bio, Country, HourlyRate, CreatedAt, TimeZone, EngagementTypes, BusinessEntityType, BusinessName, RegistrationNumber, LicenceNumber)
            VALUES ($id, $kind, $owner, $name, $handle, $title, $bio, $country, $rate, $now, 'UTC', 3, 0, '', '', '')
            """, "$id", "$kind", "$owner", "$name", "$handle", "$title", "$bio", "$country", "$rate", "$now");

        var firstProfileId = Convert.ToInt32(Scalar(connection, transaction, "SELECT COALESCE(MAX(Id), 0) + 1 FROM Profiles"), CultureInfo.InvariantCulture);
        var profileId = firstProfileId;
        foreach (var talent in new TalentGenerator(options.Seed).Generate(options.Profiles))
        {
            var userId = $"gen-user-{talent.Number:D7}";
            var email = $"talent{talent.Number:D7}@generated.talentcloud.test";
            Run(insertUser, userId, talent.DisplayName, Now, email, email.ToUpperInvariant());
            foreach (var skill in talent.Skills)
            {
                Run(insertSkill, profileId, skill);
            }

            Run(insertProfile, profileId, (int)talent.Kind, userId, talent.DisplayName, talent.Handle, talent.Title, talent.Bio,
                talent.Country, talent.HourlyRate, Now);
            families[Math.Max(0, Array.FindIndex(FamilyTitles, f => talent.Title.Contains(f, StringComparison.Ordinal)))].Add(profileId);
            profileId++;
        }

        log.WriteLine($"  {options.Profiles:N0} profiles in {watch.Elapsed.TotalSeconds:F1} s");

        // Organisations: Acme and Globex from the demo world, plus generated Enterprise clients with an owner each.
        var orgIds = new List<int>
        {
            Convert.ToInt32(Scalar(connection, transaction, $"SELECT Id FROM Organizations WHERE Name = '{DemoWorld.Acme}'"), CultureInfo.InvariantCulture),
            Convert.ToInt32(Scalar(connection, transaction, $"SELECT Id FROM Organizations WHERE Name = '{DemoWorld.Globex}'"), CultureInfo.InvariantCulture),
        };
        using var insertOrg = Prepare(connection, transaction, """
            INSERT INTO Organizations (Name, Description, HasEnterpriseSubscription, CreatedAt) VALUES ($name, '', 1, $now)
            RETURNING Id
            """, "$name", "$now");
        using var insertOrgMember = Prepare(connection, transaction,
            "INSERT INTO OrganizationMembers (OrganizationId, UserId, Role) VALUES ($org, $user, $role)", "$org", "$user", "$role");
        for (var i = 1; i <= options.Organizations; i++)
        {
            var name = $"{OrgWords[random.Next(OrgWords.Length)]} {OrgSuffixes[random.Next(OrgSuffixes.Length)]} {i}";
            insertOrg.Parameters["$name"].Value = name;
            insertOrg.Parameters["$now"].Value = Now;
            var orgId = Convert.ToInt32(insertOrg.ExecuteScalar(), CultureInfo.InvariantCulture);
            var userId = $"gen-client-{i:D5}";
            var email = $"client{i:D5}@generated.talentcloud.test";
            Run(insertUser, userId, $"Owner of {name}", Now, email, email.ToUpperInvariant());
            Run(insertOrgMember, orgId, userId, (int)OrganizationRole.Owner);
            orgIds.Add(orgId);
        }

        // Clouds, dealt round-robin over the organisations, each themed on one skill family.
        var existingClouds = Convert.ToInt32(Scalar(connection, transaction, "SELECT COUNT(*) FROM Clouds"), CultureInfo.InvariantCulture);
        using var insertCloud = Prepare(connection, transaction, """
            INSERT INTO Clouds (OrganizationId, Name, Description, CreatedAt, RequiredSkills, AllowedCountries, AcceptedEngagementTypes, RequiresContractorProof, ContractorProofMinimumClients, RequiresManualApproval) VALUES ($org, $name, '', $now, '[]', '[]', 0, 0, 0, 0) RETURNING Id
            """, "$org", "$name", "$now");
        var clouds = new List<(int Id, int Family)>();
        for (var i = 0; i < options.Clouds - existingClouds; i++)
        {
            var family = random.Next(FamilyTitles.Length);
            insertCloud.Parameters["$org"].Value = orgIds[i % orgIds.Count];
            insertCloud.Parameters["$name"].Value = $"{FamilyTitles[family]} {CloudSuffixes[random.Next(CloudSuffixes.Length)]} {i + 1}";
            insertCloud.Parameters["$now"].Value = Now;
            clouds.Add((Convert.ToInt32(insertCloud.ExecuteScalar(), CultureInfo.InvariantCulture), family));
        }

        // Memberships: 20–120 per cloud, mostly people of the cloud's family, one in ten still pending approval.
        using var insertMembership = Prepare(connection, transaction, """
            INSERT INTO CloudMemberships (CloudId, ProfileId, Status, JoinedVia, JoinedAt, ActivatedAt)
            VALUES ($cloud, $profile, $status, $via, $joined, $activated)
            """, "$cloud", "$profile", "$status", "$via", "$joined", "$activated");
        var memberships = 0;
        var lastProfileId = profileId - 1;
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
                Run(insertMembership, cloudId, member, (int)(active ? MembershipStatus.Active : MembershipStatus.PendingApproval),
                    (int)(random.Next(3) == 0 ? JoinMethod.Contract : JoinMethod.Invitation), joined, active ? joined : DBNull.Value);
                memberships++;
            }
        }

        await transaction.CommitAsync();
        Execute(connection, "PRAGMA foreign_keys = ON; ANALYZE; PRAGMA optimize; INSERT INTO ProfileSearch(ProfileSearch) VALUES ('optimize');");
        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        log.WriteLine($"  {orgIds.Count:N0} Enterprise organisations, {existingClouds + clouds.Count:N0} clouds, {memberships:N0} generated memberships");
        log.WriteLine($"  done in {watch.Elapsed.TotalSeconds:F1} s: {options.DatabasePath} ({new FileInfo(options.DatabasePath).Length / 1_048_576.0:F0} MB)");
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        command.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
