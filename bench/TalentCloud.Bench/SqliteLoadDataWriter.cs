using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Data;
using TalentCloud.Core.Memberships;
using TalentCloud.Core.Organizations;
using TalentCloud.Core.Seeding;

namespace TalentCloud.Bench;

/// <summary>
/// Bulk rows into a fresh SQLite file through prepared Microsoft.Data.Sqlite commands in one transaction; the search
/// index is kept by the same triggers the app relies on (skills go in before their profile, so the profile's insert
/// indexes name, title, skills and bio in one write).
/// </summary>
internal sealed class SqliteLoadDataWriter(string path) : ILoadDataWriter
{
    private readonly string connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
    private SqliteConnection connection = null!;
    private SqliteTransaction transaction = null!;
    private SqliteCommand insertUser = null!;

    public async Task<int> CreateWithDemoWorldAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }

        var dbOptions = new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connectionString).Options;
        await using (var db = new AppDbContext(dbOptions))
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await new DemoWorldSeeder(db, DemoHasher(), TimeProvider.System).SeedAsync(new DemoWorldOptions { GeneratedProfiles = 0 });
        }

        connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        Execute("PRAGMA foreign_keys = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -200000;");
        transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        insertUser = Prepare("""
            INSERT INTO AspNetUsers (Id, DisplayName, CreatedAt, UserName, NormalizedUserName, Email, NormalizedEmail,
                EmailConfirmed, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount, SecurityStamp)
            VALUES ($id, $name, $now, $email, $upper, $email, $upper, 1, 0, 0, 1, 0, $id)
            """, "$id", "$name", "$now", "$email", "$upper");
        return Convert.ToInt32(Scalar("SELECT COALESCE(MAX(Id), 0) + 1 FROM Profiles"), CultureInfo.InvariantCulture);
    }

    /// <summary>The demo accounts' password hashed as production does (210,000 iterations), so they can sign in.</summary>
    internal static PasswordHasher<AppUser> DemoHasher() => new(Options.Create(new PasswordHasherOptions { IterationCount = 210_000 }));

    public Task AddPeopleAsync(IEnumerable<GeneratedPerson> people)
    {
        using var insertSkill = Prepare("INSERT INTO ProfileSkills (ProfileId, Name) VALUES ($profile, $name)", "$profile", "$name");
        using var insertProfile = Prepare("""
            INSERT INTO Profiles (Id, Kind, OwnerUserId, DisplayName, Handle, Title, Bio, Country, HourlyRate, CreatedAt, TimeZone, EngagementTypes, BusinessEntityType, BusinessName, RegistrationNumber, LicenceNumber)
            VALUES ($id, $kind, $owner, $name, $handle, $title, $bio, $country, $rate, $now, 'UTC', 3, 0, '', '', '')
            """, "$id", "$kind", "$owner", "$name", "$handle", "$title", "$bio", "$country", "$rate", "$now");
        foreach (var person in people)
        {
            var talent = person.Talent;
            Run(insertUser, person.UserId, talent.DisplayName, LoadDataGenerator.Now, person.Email, person.Email.ToUpperInvariant());
            foreach (var skill in talent.Skills)
            {
                Run(insertSkill, person.ProfileId, skill);
            }

            Run(insertProfile, person.ProfileId, (int)talent.Kind, person.UserId, talent.DisplayName, talent.Handle, talent.Title, talent.Bio,
                talent.Country, talent.HourlyRate, LoadDataGenerator.Now);
        }

        return Task.CompletedTask;
    }

    public Task<int> OrganizationIdAsync(string name)
    {
        using var command = Prepare("SELECT Id FROM Organizations WHERE Name = $name", "$name");
        command.Parameters[0].Value = name;
        return Task.FromResult(Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture));
    }

    public Task<int> CountCloudsAsync() => Task.FromResult(Convert.ToInt32(Scalar("SELECT COUNT(*) FROM Clouds"), CultureInfo.InvariantCulture));

    public Task<int> AddOrganizationAsync(string name, string ownerUserId, string ownerEmail, string ownerName, long createdTicks)
    {
        using var insertOrg = Prepare("INSERT INTO Organizations (Name, Description, HasEnterpriseSubscription, CreatedAt) VALUES ($name, '', 1, $now) RETURNING Id",
            "$name", "$now");
        insertOrg.Parameters["$name"].Value = name;
        insertOrg.Parameters["$now"].Value = createdTicks;
        var orgId = Convert.ToInt32(insertOrg.ExecuteScalar(), CultureInfo.InvariantCulture);
        Run(insertUser, ownerUserId, ownerName, createdTicks, ownerEmail, ownerEmail.ToUpperInvariant());
        using var insertMember = Prepare("INSERT INTO OrganizationMembers (OrganizationId, UserId, Role) VALUES ($org, $user, $role)", "$org", "$user", "$role");
        Run(insertMember, orgId, ownerUserId, (int)OrganizationRole.Owner);
        return Task.FromResult(orgId);
    }

    public Task<int> AddCloudAsync(int organizationId, string name, long createdTicks)
    {
        using var insertCloud = Prepare("""
            INSERT INTO Clouds (OrganizationId, Name, Description, CreatedAt, RequiredSkills, AllowedCountries, AcceptedEngagementTypes, RequiresContractorProof, ContractorProofMinimumClients, RequiresManualApproval)
            VALUES ($org, $name, '', $now, '[]', '[]', 0, 0, 0, 0) RETURNING Id
            """, "$org", "$name", "$now");
        insertCloud.Parameters["$org"].Value = organizationId;
        insertCloud.Parameters["$name"].Value = name;
        insertCloud.Parameters["$now"].Value = createdTicks;
        return Task.FromResult(Convert.ToInt32(insertCloud.ExecuteScalar(), CultureInfo.InvariantCulture));
    }

    public Task AddMembershipsAsync(IEnumerable<(int CloudId, int ProfileId, bool Active, JoinMethod Via, long JoinedTicks)> memberships)
    {
        using var insert = Prepare("""
            INSERT INTO CloudMemberships (CloudId, ProfileId, Status, JoinedVia, JoinedAt, ActivatedAt)
            VALUES ($cloud, $profile, $status, $via, $joined, $activated)
            """, "$cloud", "$profile", "$status", "$via", "$joined", "$activated");
        foreach (var m in memberships)
        {
            Run(insert, m.CloudId, m.ProfileId, (int)(m.Active ? MembershipStatus.Active : MembershipStatus.PendingApproval), (int)m.Via, m.JoinedTicks,
                m.Active ? m.JoinedTicks : DBNull.Value);
        }

        return Task.CompletedTask;
    }

    public async Task<string> FinishAsync()
    {
        await transaction.CommitAsync();
        Execute("PRAGMA foreign_keys = ON; ANALYZE; PRAGMA optimize; INSERT INTO ProfileSearch(ProfileSearch) VALUES ('optimize');");
        Execute("PRAGMA wal_checkpoint(TRUNCATE);");
        return $"{path} ({new FileInfo(path).Length / 1_048_576.0:F0} MB)";
    }

    public async ValueTask DisposeAsync()
    {
        insertUser?.Dispose();
        if (transaction is not null)
        {
            await transaction.DisposeAsync();
        }

        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
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

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
