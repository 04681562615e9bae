using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Clouds;
using TalentCloud.Core.Data;
using TalentCloud.Core.Memberships;
using TalentCloud.Core.Organizations;
using TalentCloud.Core.Profiles;

namespace TalentCloud.Core.Seeding;

public sealed class DemoWorldOptions
{
    /// <summary>How many generated freelancers and agencies join the named demo accounts.</summary>
    public int GeneratedProfiles { get; set; } = 240;

    public int Seed { get; set; } = 20261123;
}

/// <summary>Seeds the documented demo world into an empty database.</summary>
public sealed partial class DemoWorldSeeder(AppDbContext db, IPasswordHasher<AppUser> hasher, TimeProvider clock)
{
    private readonly Dictionary<string, AppUser> users = new(StringComparer.OrdinalIgnoreCase);
    private string passwordHash = "";

    public async Task SeedAsync(DemoWorldOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var now = clock.GetUtcNow();
        // All demo accounts share one password; hashing it once keeps seeding fast at 210,000 iterations.
        passwordHash = hasher.HashPassword(new AppUser(), DemoWorld.Password);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        var adminRole = new IdentityRole(Roles.PlatformAdmin) { NormalizedName = Roles.PlatformAdmin.ToUpperInvariant() };
        db.Roles.Add(adminRole);

        var admin = AddUser(DemoWorld.AdminEmail, "Ada Admin", now);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = admin.Id, RoleId = adminRole.Id });

        var acme = AddOrganization(DemoWorld.Acme, true, "Acme builds consumer and logistics apps used by millions.", now,
            (AddUser(DemoWorld.MariaEmail, "Maria Lopez", now), OrganizationRole.Owner),
            (AddUser(DemoWorld.RajEmail, "Raj Patel", now), OrganizationRole.HiringManager),
            (AddUser(DemoWorld.RitaEmail, "Rita Gomez", now), OrganizationRole.Recruiter));
        var globex = AddOrganization(DemoWorld.Globex, true, "Globex designs products for energy and industry.", now,
            (AddUser(DemoWorld.HankEmail, "Hank Scorpio", now), OrganizationRole.Owner));
        AddOrganization(DemoWorld.Initech, false, "Initech makes software for banks.", now,
            (AddUser(DemoWorld.CarlEmail, "Carl Moore", now), OrganizationRole.Owner));
        await db.SaveChangesAsync(ct);

        var acmeMobile = AddCloud(acme, DemoWorld.AcmeMobile, "Vetted iOS, Android and cross-platform developers for Acme's app teams.", now);
        var acmeData = AddCloud(acme, DemoWorld.AcmeData, "Data engineers and analysts who know Acme's warehouse.", now);
        var globexDesign = AddCloud(globex, DemoWorld.GlobexDesign, "Product and UX designers for Globex's industrial products.", now);

        var fiona = AddProfile(AddUser(DemoWorld.FionaEmail, "Fiona Park", now), ProfileKind.Freelancer, "Fiona Park", DemoWorld.FionaHandle,
            "Mobile developer and product designer", "I build polished iOS and Android apps and design the screens that go with them.",
            "CA", 95, ["Swift", "Kotlin", "Mobile", "Figma", "UI Design"], now);
        var lee = AddProfile(AddUser(DemoWorld.LeeEmail, "Lee Chen", now), ProfileKind.Freelancer, "Lee Chen", DemoWorld.LeeHandle,
            "Data engineer", "Pipelines, warehouses and dashboards that people trust. Also some mobile work on the side.",
            "SG", 80, ["SQL", "Python", "Airflow", "dbt", "Mobile"], now);
        AddProfile(AddUser(DemoWorld.OmarEmail, "Omar Haddad", now), ProfileKind.Freelancer, "Omar Haddad", DemoWorld.OmarHandle,
            "Backend engineer", "C# and PostgreSQL services, from first schema to production support.",
            "JO", 60, ["C#", ".NET", "PostgreSQL", "REST APIs"], now);
        var northwind = AddProfile(AddUser(DemoWorld.NinaEmail, "Nina Novak", now), ProfileKind.Agency, "Northwind Studio", DemoWorld.NorthwindHandle,
            "Mobile app studio", "A twelve-person studio building mobile apps for retail and travel.",
            "GB", 120, ["Mobile", "Flutter", "React Native", "iOS", "Android"], now);
        await db.SaveChangesAsync(ct);

        var maria = users[DemoWorld.MariaEmail];
        var hank = users[DemoWorld.HankEmail];
        AddMembership(acmeMobile, fiona, MembershipStatus.Active, JoinMethod.Invitation, maria, now.AddDays(-40));
        AddMembership(globexDesign, fiona, MembershipStatus.Active, JoinMethod.Contract, hank, now.AddDays(-25));
        AddMembership(acmeData, lee, MembershipStatus.Active, JoinMethod.Invitation, maria, now.AddDays(-30));
        AddMembership(acmeMobile, lee, MembershipStatus.PendingApproval, JoinMethod.Invitation, maria, now.AddDays(-3));
        AddMembership(acmeMobile, northwind, MembershipStatus.Active, JoinMethod.Invitation, maria, now.AddDays(-60));

        await AddGeneratedTalentAsync(options, [acmeMobile, acmeData, globexDesign], [maria, maria, hank], now, ct);
        await db.SaveChangesAsync(ct);

        // Each feature adds its part of the demo world in its own partial file (DemoWorldSeeder.<Feature>.cs).
        var world = new SeededWorld(users, acme, globex, await db.Organizations.SingleAsync(o => o.Name == DemoWorld.Initech, ct),
            acmeMobile, acmeData, globexDesign, fiona, lee, await db.Profiles.SingleAsync(p => p.Handle == DemoWorld.OmarHandle, ct), northwind, now);
        await SeedFeaturesAsync(world, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Feature additions to the demo world, called in order; each saves what it adds.</summary>
    private async Task SeedFeaturesAsync(SeededWorld world, CancellationToken ct)
    {
        await SeedJobsAsync(world, ct);
        await SeedRemovalsAsync(world, ct);
        await SeedMessagingAsync(world, ct);
        await SeedJoiningAsync(world, ct);
        await SeedTeamsAsync(world, ct);
        await SeedNotificationsAsync(world, ct);
        await SeedSupportAsync(world, ct);
    }

    private async Task AddGeneratedTalentAsync(DemoWorldOptions options, Cloud[] clouds, AppUser[] inviters, DateTimeOffset now, CancellationToken ct)
    {
        var generator = new TalentGenerator(options.Seed);
        var added = new List<(GeneratedTalent Talent, Profile Profile)>();
        foreach (var talent in generator.Generate(options.GeneratedProfiles))
        {
            var owner = AddUser($"talent{talent.Number:D5}@generated.talentcloud.test", talent.DisplayName, now, canSignIn: false);
            added.Add((talent, AddProfile(owner, talent.Kind, talent.DisplayName, talent.Handle, talent.Title, talent.Bio,
                talent.Country, talent.HourlyRate, talent.Skills, now)));
        }

        await db.SaveChangesAsync(ct);
        foreach (var (talent, profile) in added)
        {
            // Roughly one in six generated people belongs to a demo cloud, a few of them still pending.
            if (talent.Number % 6 == 0)
            {
                var index = talent.Number / 6 % clouds.Length;
                var status = talent.Number % 5 == 0 ? MembershipStatus.PendingApproval : MembershipStatus.Active;
                AddMembership(clouds[index], profile, status, JoinMethod.Invitation, inviters[index], now.AddDays(-(talent.Number % 90)));
            }
        }
    }

    private AppUser AddUser(string email, string displayName, DateTimeOffset now, bool canSignIn = true)
    {
        var user = new AppUser
        {
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true,
            DisplayName = displayName,
            PasswordHash = canSignIn ? passwordHash : null,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            LockoutEnabled = true,
            CreatedAt = now,
        };
        db.Users.Add(user);
        users[email] = user;
        return user;
    }

    private Organization AddOrganization(string name, bool enterprise, string description, DateTimeOffset now,
        params (AppUser User, OrganizationRole Role)[] members)
    {
        var org = new Organization
        {
            Name = name,
            Description = description,
            CreatedAt = now,
            Members = [.. members.Select(m => new OrganizationMember { UserId = m.User.Id, Role = m.Role })],
        };
        if (enterprise)
        {
            // Demo subscriptions run for a year from the day of seeding.
            org.StartEnterprise(SubscriptionService.ToInstant(DateOnly.FromDateTime(now.UtcDateTime).AddYears(1)));
        }

        db.Organizations.Add(org);
        return org;
    }

    private Cloud AddCloud(Organization owner, string name, string description, DateTimeOffset now)
    {
        var cloud = Cloud.Create(owner.Id, name, description, now);
        db.Clouds.Add(cloud);
        return cloud;
    }

    private Profile AddProfile(AppUser owner, ProfileKind kind, string name, string handle, string title, string bio,
        string country, int rate, IEnumerable<string> skills, DateTimeOffset now)
    {
        var profile = Profile.Create(kind, owner.Id, name, handle, now);
        profile.Update(ProfileSettings.Of(profile) with { Title = title, Bio = bio, Country = country, HourlyRate = rate, Skills = [.. skills] });
        db.Profiles.Add(profile);
        return profile;
    }

    private void AddMembership(Cloud cloud, Profile profile, MembershipStatus status, JoinMethod via, AppUser addedBy, DateTimeOffset joinedAt) =>
        db.CloudMemberships.Add(CloudMembership.Join(cloud.Id, profile.Id, via, addedBy.Id, status == MembershipStatus.Active, joinedAt));
}

/// <summary>The named parts of the demo world, handed to each feature's seeding.</summary>
internal sealed record SeededWorld(
    IReadOnlyDictionary<string, AppUser> UsersByEmail,
    Organization Acme, Organization Globex, Organization Initech,
    Cloud AcmeMobile, Cloud AcmeData, Cloud GlobexDesign,
    Profile Fiona, Profile Lee, Profile Omar, Profile Northwind,
    DateTimeOffset Now)
{
    public AppUser User(string email) => UsersByEmail[email];
}
