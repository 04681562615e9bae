using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using TalentCloud.Core.Data;
using TalentCloud.Core.Memberships;
using TalentCloud.Core.Organizations;
using TalentCloud.Core.Seeding;

namespace TalentCloud.Bench;

/// <summary>
/// Bulk rows into a fresh PostgreSQL database with binary COPY. People stream once into three COPYs at the same time
/// (accounts into their table, profiles and skills into unlogged staging tables); then each profile is written once
/// with its search vector computed by the same SQL function the triggers use, and the GIN index is built at the end,
/// which is how one loads a million rows into a table that triggers and a GIN index would otherwise update row by row.
/// </summary>
internal sealed class PostgreSqlLoadDataWriter(string connectionString) : ILoadDataWriter
{
    private NpgsqlConnection connection = null!;

    public async Task<int> CreateWithDemoWorldAsync()
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var server = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using (var admin = new NpgsqlConnection(server.ConnectionString))
        {
            await admin.OpenAsync();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{target.Database}\" WITH (FORCE)");
            await ExecuteAsync(admin, $"CREATE DATABASE \"{target.Database}\"");
        }

        var options = new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(connectionString).Options;
        await using (var db = new PostgreSqlAppDbContext(options))
        {
            await db.Database.MigrateAsync();
            await new DemoWorldSeeder(db, SqliteLoadDataWriter.DemoHasher(), TimeProvider.System).SeedAsync(new DemoWorldOptions { GeneratedProfiles = 0 });
        }

        connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "SET synchronous_commit = off");
        return Convert.ToInt32(await ScalarAsync("SELECT COALESCE(MAX(\"Id\"), 0) + 1 FROM \"Profiles\""), CultureInfo.InvariantCulture);
    }

    public async Task AddPeopleAsync(IEnumerable<GeneratedPerson> people)
    {
        await ExecuteAsync(connection, """
            CREATE UNLOGGED TABLE bench_profiles ("Id" integer, "Kind" integer, "OwnerUserId" text, "DisplayName" text, "Handle" text,
                "Title" text, "Bio" text, "Country" text, "HourlyRate" integer);
            CREATE UNLOGGED TABLE bench_skills ("ProfileId" integer, "Name" text);
            """);
        await using (var usersConnection = await OpenAsync())
        await using (var skillsConnection = await OpenAsync())
        await using (var profilesConnection = await OpenAsync())
        {
            await using var users = await usersConnection.BeginBinaryImportAsync("""
                COPY "AspNetUsers" ("Id", "DisplayName", "CreatedAt", "UserName", "NormalizedUserName", "Email", "NormalizedEmail",
                    "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount", "SecurityStamp")
                FROM STDIN (FORMAT BINARY)
                """);
            await using var skills = await skillsConnection.BeginBinaryImportAsync("COPY bench_skills FROM STDIN (FORMAT BINARY)");
            await using var profiles = await profilesConnection.BeginBinaryImportAsync("COPY bench_profiles FROM STDIN (FORMAT BINARY)");
            foreach (var person in people)
            {
                var talent = person.Talent;
                await WriteUserAsync(users, person.UserId, talent.DisplayName, person.Email);
                foreach (var skill in talent.Skills)
                {
                    await skills.StartRowAsync();
                    await skills.WriteAsync(person.ProfileId, NpgsqlDbType.Integer);
                    await skills.WriteAsync(skill, NpgsqlDbType.Text);
                }

                await profiles.StartRowAsync();
                await profiles.WriteAsync(person.ProfileId, NpgsqlDbType.Integer);
                await profiles.WriteAsync((int)talent.Kind, NpgsqlDbType.Integer);
                await profiles.WriteAsync(person.UserId, NpgsqlDbType.Text);
                await profiles.WriteAsync(talent.DisplayName, NpgsqlDbType.Text);
                await profiles.WriteAsync(talent.Handle, NpgsqlDbType.Text);
                await profiles.WriteAsync(talent.Title, NpgsqlDbType.Text);
                await profiles.WriteAsync(talent.Bio, NpgsqlDbType.Text);
                await profiles.WriteAsync(talent.Country, NpgsqlDbType.Text);
                await profiles.WriteAsync(talent.HourlyRate, NpgsqlDbType.Integer);
            }

            await users.CompleteAsync();
            await skills.CompleteAsync();
            await profiles.CompleteAsync();
        }

        // Each profile written once, its vector from the same function the triggers call; skills after their profiles.
        await ExecuteAsync(connection, $"""
            DROP INDEX "IX_Profiles_SearchVector";
            ALTER TABLE "Profiles" DISABLE TRIGGER "ProfileSearch_ProfileWritten";
            ALTER TABLE "ProfileSkills" DISABLE TRIGGER USER;
            INSERT INTO "Profiles" ("Id", "Kind", "OwnerUserId", "DisplayName", "Handle", "Title", "Bio", "Country", "HourlyRate", "CreatedAt",
                "TimeZone", "EngagementTypes", "BusinessEntityType", "BusinessName", "RegistrationNumber", "LicenceNumber", "SearchVector")
            SELECT p."Id", p."Kind", p."OwnerUserId", p."DisplayName", p."Handle", p."Title", p."Bio", p."Country", p."HourlyRate", {LoadDataGenerator.Now},
                   'UTC', 3, 0, '', '', '', talentcloud_profile_vector(p."DisplayName", p."Title", s.skills, p."Bio")
            FROM bench_profiles p
            LEFT JOIN (SELECT "ProfileId", string_agg("Name", ' ') AS skills FROM bench_skills GROUP BY "ProfileId") s ON s."ProfileId" = p."Id";
            INSERT INTO "ProfileSkills" ("ProfileId", "Name") SELECT "ProfileId", "Name" FROM bench_skills;
            ALTER TABLE "ProfileSkills" ENABLE TRIGGER USER;
            ALTER TABLE "Profiles" ENABLE TRIGGER "ProfileSearch_ProfileWritten";
            DROP TABLE bench_profiles;
            DROP TABLE bench_skills;
            SELECT setval(pg_get_serial_sequence('"Profiles"', 'Id'), (SELECT MAX("Id") FROM "Profiles"));
            """);
    }

    public async Task<int> OrganizationIdAsync(string name)
    {
        await using var command = new NpgsqlCommand("SELECT \"Id\" FROM \"Organizations\" WHERE \"Name\" = @name", connection);
        command.Parameters.AddWithValue("name", name);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public async Task<int> CountCloudsAsync() => Convert.ToInt32(await ScalarAsync("SELECT COUNT(*) FROM \"Clouds\""), CultureInfo.InvariantCulture);

    public async Task<int> AddOrganizationAsync(string name, string ownerUserId, string ownerEmail, string ownerName, long createdTicks)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO "Organizations" ("Name", "Description", "HasEnterpriseSubscription", "CreatedAt") VALUES (@name, '', TRUE, @now) RETURNING "Id"
            """, connection);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("now", createdTicks);
        var orgId = Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        await using (var user = new NpgsqlCommand("""
            INSERT INTO "AspNetUsers" ("Id", "DisplayName", "CreatedAt", "UserName", "NormalizedUserName", "Email", "NormalizedEmail",
                "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount", "SecurityStamp")
            VALUES (@id, @name, @now, @email, @upper, @email, @upper, TRUE, FALSE, FALSE, TRUE, 0, @id);
            INSERT INTO "OrganizationMembers" ("OrganizationId", "UserId", "Role") VALUES (@org, @id, @role);
            """, connection))
        {
            user.Parameters.AddWithValue("id", ownerUserId);
            user.Parameters.AddWithValue("name", ownerName);
            user.Parameters.AddWithValue("now", createdTicks);
            user.Parameters.AddWithValue("email", ownerEmail);
            user.Parameters.AddWithValue("upper", ownerEmail.ToUpperInvariant());
            user.Parameters.AddWithValue("org", orgId);
            user.Parameters.AddWithValue("role", (int)OrganizationRole.Owner);
            await user.ExecuteNonQueryAsync();
        }

        return orgId;
    }

    public async Task<int> AddCloudAsync(int organizationId, string name, long createdTicks)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO "Clouds" ("OrganizationId", "Name", "Description", "CreatedAt", "RequiredSkills", "AllowedCountries", "AcceptedEngagementTypes",
                "RequiresContractorProof", "ContractorProofMinimumClients", "RequiresManualApproval")
            VALUES (@org, @name, '', @now, '{}', '{}', 0, FALSE, 0, FALSE) RETURNING "Id"
            """, connection);
        command.Parameters.AddWithValue("org", organizationId);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("now", createdTicks);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public async Task AddMembershipsAsync(IEnumerable<(int CloudId, int ProfileId, bool Active, JoinMethod Via, long JoinedTicks)> memberships)
    {
        await using var copy = await connection.BeginBinaryImportAsync("""
            COPY "CloudMemberships" ("CloudId", "ProfileId", "Status", "JoinedVia", "JoinedAt", "ActivatedAt") FROM STDIN (FORMAT BINARY)
            """);
        foreach (var m in memberships)
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(m.CloudId, NpgsqlDbType.Integer);
            await copy.WriteAsync(m.ProfileId, NpgsqlDbType.Integer);
            await copy.WriteAsync((int)(m.Active ? MembershipStatus.Active : MembershipStatus.PendingApproval), NpgsqlDbType.Integer);
            await copy.WriteAsync((int)m.Via, NpgsqlDbType.Integer);
            await copy.WriteAsync(m.JoinedTicks, NpgsqlDbType.Bigint);
            if (m.Active)
            {
                await copy.WriteAsync(m.JoinedTicks, NpgsqlDbType.Bigint);
            }
            else
            {
                await copy.WriteNullAsync();
            }
        }

        await copy.CompleteAsync();
    }

    public async Task<string> FinishAsync()
    {
        await ExecuteAsync(connection, """CREATE INDEX "IX_Profiles_SearchVector" ON "Profiles" USING GIN ("SearchVector")""");
        await ExecuteAsync(connection, "VACUUM ANALYZE");
        var size = Convert.ToInt64(await ScalarAsync("SELECT pg_database_size(current_database())"), CultureInfo.InvariantCulture);
        return $"PostgreSQL database {connection.Database} ({size / 1_048_576.0:F0} MB)";
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var other = new NpgsqlConnection(connectionString);
        await other.OpenAsync();
        await ExecuteAsync(other, "SET synchronous_commit = off");
        return other;
    }

    private static async Task WriteUserAsync(NpgsqlBinaryImporter users, string id, string name, string email)
    {
        await users.StartRowAsync();
        await users.WriteAsync(id, NpgsqlDbType.Text);
        await users.WriteAsync(name, NpgsqlDbType.Text);
        await users.WriteAsync(LoadDataGenerator.Now, NpgsqlDbType.Bigint);
        await users.WriteAsync(email, NpgsqlDbType.Text);
        await users.WriteAsync(email.ToUpperInvariant(), NpgsqlDbType.Text);
        await users.WriteAsync(email, NpgsqlDbType.Text);
        await users.WriteAsync(email.ToUpperInvariant(), NpgsqlDbType.Text);
        await users.WriteAsync(true, NpgsqlDbType.Boolean);
        await users.WriteAsync(false, NpgsqlDbType.Boolean);
        await users.WriteAsync(false, NpgsqlDbType.Boolean);
        await users.WriteAsync(true, NpgsqlDbType.Boolean);
        await users.WriteAsync(0, NpgsqlDbType.Integer);
        await users.WriteAsync(id, NpgsqlDbType.Text);
    }

    private static async Task ExecuteAsync(NpgsqlConnection on, string sql)
    {
        await using var command = new NpgsqlCommand(sql, on) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
