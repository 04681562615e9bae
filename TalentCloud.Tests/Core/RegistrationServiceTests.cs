using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Organizations;
using TalentCloud.Core.Profiles;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Core;

public sealed class RegistrationServiceTests : IAsyncLifetime
{
    private const string GoodPassword = "correct horse battery";
    private TestDatabase db = null!;
    private ServiceProvider services = null!;

    public async ValueTask InitializeAsync()
    {
        db = await TestDatabase.CreateWithDemoWorldAsync(generatedProfiles: 0);
        services = CoreServices.Build(db);
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await db.DisposeAsync();
    }

    private async Task<(bool Ok, RegistrationOutcome? Outcome, IReadOnlyList<string> Errors)> RegisterAsync(RegistrationRequest request)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<RegistrationService>().RegisterAsync(request);
        return (result.Succeeded, result.Succeeded ? result.Value.Outcome : null, result.Errors);
    }

    [Fact]
    public async Task A_freelancer_gets_a_profile_with_a_unique_handle()
    {
        var first = await RegisterAsync(new("sam@example.test", GoodPassword, AccountKind.Freelancer, "Fiona Park"));
        Assert.Equal(RegistrationOutcome.Created, first.Outcome);
        await using var context = db.CreateDbContext();
        var profile = await context.Profiles.Where(p => p.DisplayName == "Fiona Park" && p.Handle != DemoWorld.FionaHandle).SingleAsync();
        Assert.Equal(ProfileKind.Freelancer, profile.Kind);
        Assert.Equal("fiona-park-2", profile.Handle);
    }

    [Fact]
    public async Task An_agency_gets_an_agency_profile_and_a_client_gets_an_ordinary_organisation()
    {
        Assert.Equal(RegistrationOutcome.Created, (await RegisterAsync(new("a@example.test", GoodPassword, AccountKind.Agency, "Blue Fox Studio"))).Outcome);
        Assert.Equal(RegistrationOutcome.Created, (await RegisterAsync(new("c@example.test", GoodPassword, AccountKind.Client, "Umbrella Ltd"))).Outcome);
        await using var context = db.CreateDbContext();
        Assert.Equal(ProfileKind.Agency, (await context.Profiles.SingleAsync(p => p.DisplayName == "Blue Fox Studio")).Kind);
        var org = await context.Organizations.Include(o => o.Members).SingleAsync(o => o.Name == "Umbrella Ltd");
        Assert.False(org.HasEnterpriseSubscription);
        Assert.Equal(OrganizationRole.Owner, Assert.Single(org.Members).Role);
    }

    [Fact]
    public async Task An_existing_address_is_reported_only_to_the_caller_and_changes_nothing()
    {
        await using var before = db.CreateDbContext();
        var users = await before.Users.CountAsync();
        var result = await RegisterAsync(new(DemoWorld.FionaEmail, GoodPassword, AccountKind.Client, "Sneaky"));
        Assert.True(result.Ok);
        Assert.Equal(RegistrationOutcome.EmailAlreadyRegistered, result.Outcome);
        await using var after = db.CreateDbContext();
        Assert.Equal(users, await after.Users.CountAsync());
        Assert.False(await after.Organizations.AnyAsync(o => o.Name == "Sneaky"));
    }

    [Theory]
    [InlineData("short pass")]
    [InlineData("elevenchars")]
    public async Task Passwords_under_12_characters_are_refused_and_nothing_is_created(string password)
    {
        var result = await RegisterAsync(new("p@example.test", password, AccountKind.Freelancer, "Pat Short"));
        Assert.False(result.Ok);
        Assert.Contains(result.Errors, e => e.Contains("12", StringComparison.Ordinal));
        await using var context = db.CreateDbContext();
        Assert.False(await context.Users.AnyAsync(u => u.Email == "p@example.test"));
        Assert.False(await context.Profiles.AnyAsync(p => p.DisplayName == "Pat Short"));
    }

    [Fact]
    public async Task Twelve_lower_case_letters_are_enough_without_composition_rules()
    {
        Assert.Equal(RegistrationOutcome.Created, (await RegisterAsync(new("q@example.test", "abcdefghijkl", AccountKind.Freelancer, "Quinn"))).Outcome);
    }

    [Theory]
    [InlineData("", "Enter a name.")]
    [InlineData("   ", "Enter a name.")]
    public async Task A_missing_name_is_refused(string name, string message)
    {
        var result = await RegisterAsync(new("n@example.test", GoodPassword, AccountKind.Freelancer, name));
        Assert.False(result.Ok);
        Assert.Contains(message, result.Errors);
    }

    [Fact]
    public async Task An_over_long_name_is_refused_with_the_limit()
    {
        var result = await RegisterAsync(new("n@example.test", GoodPassword, AccountKind.Freelancer, new string('x', 101)));
        Assert.False(result.Ok);
        Assert.Contains(result.Errors, e => e.Contains("100", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_account_kind_is_refused()
    {
        var result = await RegisterAsync(new("k@example.test", GoodPassword, (AccountKind)42, "Kim"));
        Assert.False(result.Ok);
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_and_the_hasher_uses_210000_iterations()
    {
        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value;
        Assert.Equal(5, options.Lockout.MaxFailedAccessAttempts);
        Assert.Equal(TimeSpan.FromMinutes(5), options.Lockout.DefaultLockoutTimeSpan);
        Assert.Equal(12, options.Password.RequiredLength);

        var production = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        TalentCloud.Core.DependencyInjection.AddTalentCloudCore(production, "Data Source=unused.db");
        await using var provider = production.BuildServiceProvider();
        Assert.Equal(210_000, provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<PasswordHasherOptions>>().Value.IterationCount);

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var maria = (await users.FindByEmailAsync(DemoWorld.MariaEmail))!;
        for (var i = 0; i < 5; i++)
        {
            await users.AccessFailedAsync(maria);
        }

        Assert.True(await users.IsLockedOutAsync(maria));
    }
}
