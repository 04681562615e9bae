using TalentCloud.Core.Profiles;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Data;

/// <summary>
/// The hot paths run compiled queries, which EF binds to the model they first ran on. One process may hold a SQLite and a
/// PostgreSQL model (tools, tests, a migration from one to the other): each must get its own compilation and its own answers.
/// </summary>
public sealed class CompiledQueriesOnBothDatabasesTests
{
    [Fact]
    public async Task The_actor_and_the_public_profile_load_alike_from_both_databases_used_in_turn()
    {
        await using var postgres = await TestDatabase.CreateWithDemoWorldAsync(generatedProfiles: 0);
        await using var sqlite = await TestDatabase.CreateOnSqliteAsync();
        await using (var seeding = sqlite.CreateDbContext())
        {
            await new DemoWorldSeeder(seeding, TestDatabase.FastHasher, sqlite.Clock).SeedAsync(new DemoWorldOptions { GeneratedProfiles = 0 });
        }

        // Alternating the two databases: a compilation cached for one model and reused on the other would fail or answer wrongly here.
        foreach (var db in new[] { postgres, sqlite, postgres, sqlite })
        {
            var maria = await db.ActorAsync(DemoWorld.MariaEmail);
            var fiona = await db.ActorAsync(DemoWorld.FionaEmail);
            var profile = await new ProfileService(db).GetPublicProfileAsync(maria, ProfileKind.Freelancer, DemoWorld.FionaHandle);

            Assert.Equal(("Maria Lopez", 1, 0), (maria.DisplayName, maria.Organizations.Count, maria.ProfileIds.Count));
            Assert.Equal((0, 1), (fiona.Organizations.Count, fiona.ProfileIds.Count));
            Assert.Equal("Fiona Park", profile!.DisplayName);
            Assert.Equal([DemoWorld.AcmeMobile], profile.Memberships.CloudNames);
        }
    }
}
