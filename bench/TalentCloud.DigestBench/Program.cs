// Builds the daily digests for a large population and prints how long the digest step took and the memory peak.
// Usage: dotnet run -c Release --project bench/TalentCloud.DigestBench [-- members clouds jobsPerCloud]
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using TalentCloud.Core.Data;
using TalentCloud.Core.Notifications;

var members = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var clouds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2_000;
var jobsPerCloud = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2;
string[] zones = ["UTC", "Europe/Berlin", "Asia/Kolkata", "Asia/Tokyo"];

var path = Path.Combine(Path.GetTempPath(), $"talentcloud-digestbench-{Guid.NewGuid():N}.db");
var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 60 }.ToString();
var optionsBuilder = new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connectionString);
if (Environment.GetEnvironmentVariable("DIGESTBENCH_SQL") == "1")
{
    optionsBuilder.LogTo(Console.WriteLine, [Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted]);
}

var options = optionsBuilder.Options;
var factory = new BenchContextFactory(options);
// Jobs are posted on the evening before; the run is at 08:30 UTC, when 08:00 has passed in every zone above.
var postedAt = new DateTimeOffset(2026, 11, 22, 20, 0, 0, TimeSpan.Zero);
var runAt = new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.Zero);

try
{
    Console.WriteLine($"Digest benchmark: {members:N0} members, {clouds:N0} clouds, {jobsPerCloud} jobs per cloud, every member on Daily.");
    var setup = Stopwatch.StartNew();
    await using (var db = factory.CreateDbContext())
    {
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }

    var memberships = await SeedAsync(connectionString, members, clouds, zones, postedAt);
    Console.WriteLine($"Seeded {memberships:N0} Active memberships in {setup.Elapsed.TotalSeconds:N1} s.");

    var queue = Stopwatch.StartNew();
    var jobId = 1;
    for (var cloud = 1; cloud <= clouds; cloud++)
    {
        await using var db = factory.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        for (var j = 0; j < jobsPerCloud; j++)
        {
            await NotificationEvents.CloudJobPostedAsync(db, cloud, $"Bench Cloud {cloud}", jobId, $"Job {jobId} for cloud {cloud}", postedAt);
            jobId++;
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    await using (var db = factory.CreateDbContext())
    {
        Console.WriteLine($"Queued {await db.PendingDigestItems.CountAsync():N0} digest items via NotificationEvents in {queue.Elapsed.TotalSeconds:N1} s.");
    }

    GC.Collect();
    var managedBefore = GC.GetTotalMemory(true);
    var service = new DigestService(factory, new FixedClock(runAt), NullLogger<DigestService>.Instance);
    var run = Stopwatch.StartNew();
    var result = await service.RunDueAsync();
    run.Stop();
    var peak = Process.GetCurrentProcess().PeakWorkingSet64;

    var again = await new DigestService(factory, new FixedClock(runAt.AddMinutes(1)), NullLogger<DigestService>.Instance).RunDueAsync();
    await using (var db = factory.CreateDbContext())
    {
        Console.WriteLine($"Digests sent: {result.DigestsSent:N0} carrying {result.ItemsDelivered:N0} jobs; rows: {await db.NotificationDigests.CountAsync():N0} digests, {await db.OutboxEmails.CountAsync():N0} outbox e-mails.");
    }

    Console.WriteLine($"Second run a minute later sent {again.DigestsSent} digests (idempotent).");
    Console.WriteLine($"Digest step duration: {run.Elapsed.TotalSeconds:N1} s (target < 60 s)");
    Console.WriteLine($"Peak working set of the process: {peak / 1024.0 / 1024.0:N0} MB (target < 500 MB); managed heap before the run: {managedBefore / 1024.0 / 1024.0:N0} MB");
    Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
}
finally
{
    SqliteConnection.ClearAllPools();
    foreach (var file in new[] { path, path + "-wal", path + "-shm" })
    {
        File.Delete(file);
    }
}

// Raw inserts: the population is test data, not what is measured.
static async Task<int> SeedAsync(string connectionString, int members, int clouds, string[] zones, DateTimeOffset at)
{
    await using var connection = new SqliteConnection(connectionString);
    await connection.OpenAsync();
    await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
    var ticks = at.UtcTicks;

    await Exec(connection, transaction, "INSERT INTO Organizations (Name, Description, HasEnterpriseSubscription, CreatedAt) VALUES ('Bench Corp', '', 1, $t)", ("$t", ticks));
    var cloudInsert = Command(connection, transaction, "INSERT INTO Clouds (Id, OrganizationId, Name, Description, CreatedAt, RequiredSkills, AllowedCountries, AcceptedEngagementTypes, RequiresContractorProof, ContractorProofMinimumClients, RequiresManualApproval) VALUES ($id, 1, $name, '', $t, '[]', '[]', 0, 0, 0, 0)", "$id", "$name", "$t");
    for (var c = 1; c <= clouds; c++)
    {
        Run(cloudInsert, c, $"Bench Cloud {c}", ticks);
    }

    var userInsert = Command(connection, transaction,
        "INSERT INTO AspNetUsers (Id, DisplayName, CreatedAt, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount, TimeZoneId) " +
        "VALUES ($id, $name, $t, $email, upper($email), $email, upper($email), 1, 0, 0, 1, 0, $zone)", "$id", "$name", "$t", "$email", "$zone");
    var profileInsert = Command(connection, transaction,
        "INSERT INTO Profiles (Id, Kind, OwnerUserId, DisplayName, Handle, Title, Bio, Country, HourlyRate, CreatedAt, TimeZone, EngagementTypes, BusinessEntityType, BusinessName, RegistrationNumber, LicenceNumber) VALUES ($id, 1, $owner, $name, $handle, '', '', 'US', 50, $t, 'UTC', 3, 0, '', '', '')",
        "$id", "$owner", "$name", "$handle", "$t");
    var membershipInsert = Command(connection, transaction,
        "INSERT INTO CloudMemberships (CloudId, ProfileId, Status, JoinedVia, JoinedAt, ActivatedAt) VALUES ($cloud, $profile, 2, 1, $t, $t)", "$cloud", "$profile", "$t");
    var settingInsert = Command(connection, transaction,
        "INSERT INTO CloudNotificationSettings (CloudId, ProfileId, Frequency, Prioritised) VALUES ($cloud, $profile, 3, 0)", "$cloud", "$profile");
    var count = 0;
    for (var m = 1; m <= members; m++)
    {
        var userId = $"bench-user-{m:D6}";
        Run(userInsert, userId, $"Member {m}", ticks, $"member{m}@bench.talentcloud.test", zones[m % zones.Length]);
        Run(profileInsert, m, userId, $"Member {m}", $"member-{m}", ticks);
        // Every member is in one cloud; one in four is also in a second one, so digests carry one or two sections.
        var first = (m % clouds) + 1;
        Run(membershipInsert, first, m, ticks);
        Run(settingInsert, first, m);
        count++;
        if (m % 4 == 0)
        {
            var second = ((m / 4) % clouds) + 1;
            if (second != first)
            {
                Run(membershipInsert, second, m, ticks);
                Run(settingInsert, second, m);
                count++;
            }
        }
    }

    await transaction.CommitAsync();
    return count;
}

static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
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

static void Run(SqliteCommand command, params object[] values)
{
    for (var i = 0; i < values.Length; i++)
    {
        command.Parameters[i].Value = values[i];
    }

    command.ExecuteNonQuery();
}

static async Task Exec(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
{
    await using var command = connection.CreateCommand();
    command.Transaction = transaction;
    command.CommandText = sql;
    foreach (var (name, value) in parameters)
    {
        command.Parameters.AddWithValue(name, value);
    }

    await command.ExecuteNonQueryAsync();
}

internal sealed class BenchContextFactory(DbContextOptions<AppDbContext> options) : IDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext() => new(options);
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
