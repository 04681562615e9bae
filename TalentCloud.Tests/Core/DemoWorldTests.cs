using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Memberships;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Core;

public sealed class DemoWorldTests
{
    [Fact]
    public async Task Seeds_the_documented_accounts_roles_and_at_least_200_generated_profiles()
    {
        await using var db = await TestDatabase.CreateWithDemoWorldAsync(generatedProfiles: new DemoWorldOptions().GeneratedProfiles);
        await using var context = db.CreateDbContext();

        Assert.True(await context.Profiles.CountAsync() >= 204);
        var admin = await db.ActorAsync(DemoWorld.AdminEmail);
        Assert.True(admin.IsPlatformAdmin);
        Assert.False((await db.ActorAsync(DemoWorld.MariaEmail)).IsPlatformAdmin);

        var orgs = await context.Organizations.ToDictionaryAsync(o => o.Name, o => o.HasEnterpriseSubscription);
        Assert.True(orgs[DemoWorld.Acme]);
        Assert.True(orgs[DemoWorld.Globex]);
        Assert.False(orgs[DemoWorld.Initech]);

        var leePending = await (from m in context.CloudMemberships
                                join c in context.Clouds on m.CloudId equals c.Id
                                join p in context.Profiles on m.ProfileId equals p.Id
                                where p.Handle == DemoWorld.LeeHandle
                                select new { c.Name, m.Status }).ToListAsync();
        Assert.Contains(leePending, m => m.Name == DemoWorld.AcmeMobile && m.Status == MembershipStatus.PendingApproval);
        Assert.Contains(leePending, m => m.Name == DemoWorld.AcmeData && m.Status == MembershipStatus.Active);

        // Generated members exist in the demo clouds too, so lists and search have substance.
        Assert.True(await context.CloudMemberships.CountAsync() > 20);
    }

    [Fact]
    public async Task Demo_accounts_can_sign_in_with_the_documented_password_and_generated_ones_cannot()
    {
        await using var db = await TestDatabase.CreateWithDemoWorldAsync();
        await using var context = db.CreateDbContext();
        var users = await context.Users.ToListAsync();
        var maria = users.Single(u => u.Email == DemoWorld.MariaEmail);
        Assert.NotEqual(Microsoft.AspNetCore.Identity.PasswordVerificationResult.Failed,
            TestDatabase.FastHasher.VerifyHashedPassword(maria, maria.PasswordHash!, DemoWorld.Password));
        Assert.All(users.Where(u => u.Email!.EndsWith("@generated.talentcloud.test", StringComparison.Ordinal)), u => Assert.Null(u.PasswordHash));
    }

    [Fact]
    public async Task Acme_has_a_recruiter_with_one_offer_waiting_for_approval_and_subscriptions_with_an_end_date()
    {
        await using var db = await TestDatabase.CreateWithDemoWorldAsync(generatedProfiles: 0);
        var rita = await db.ActorAsync(DemoWorld.RitaEmail);
        await using var context = db.CreateDbContext();

        var acme = await context.Organizations.SingleAsync(o => o.Name == DemoWorld.Acme);
        Assert.Equal(TalentCloud.Core.Organizations.OrganizationRole.Recruiter, rita.Organizations[acme.Id]);
        var waiting = await context.Offers.SingleAsync(o => o.Status == TalentCloud.Core.Offers.OfferStatus.AwaitingApproval);
        Assert.Equal((DemoWorldSeeder.RitaOfferTitle, rita.UserId, (DateTimeOffset?)null), (waiting.Title, waiting.CreatedByUserId, waiting.ReleasedAt));
        Assert.Equal(new DateTimeOffset(2027, 11, 23, 0, 0, 0, TimeSpan.Zero), acme.EnterpriseEndsAt); // a year from the seeding day
        Assert.Equal(DemoWorldSeeder.PendingColleagueEmail, (await context.TeamInvitations.SingleAsync()).Email);
    }

    [Fact]
    public void The_generator_is_deterministic_for_a_seed()
    {
        var first = new TalentGenerator(7).Generate(50).ToList();
        var second = new TalentGenerator(7).Generate(50).ToList();
        var other = new TalentGenerator(8).Generate(50).ToList();
        Assert.Equal(first.Select(t => (t.Handle, t.Country, t.HourlyRate, string.Join(',', t.Skills))),
            second.Select(t => (t.Handle, t.Country, t.HourlyRate, string.Join(',', t.Skills))));
        Assert.NotEqual(first.Select(t => t.Handle), other.Select(t => t.Handle));
        Assert.Equal(first.Count, first.Select(t => t.Handle).Distinct().Count());
    }
}
