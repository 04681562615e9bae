using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Data;
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
        services = CoreServices.Build(db, s => s.AddSingleton<CountingPasswordHasher>()
            .AddSingleton<IPasswordHasher<AppUser>>(sp => sp.GetRequiredService<CountingPasswordHasher>()));
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await db.DisposeAsync();
    }

    private async Task<TalentCloud.Core.Common.Result> ConfirmAsync(string? userId, string? code)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RegistrationService>().ConfirmAsync(userId, code);
    }

    private async Task<(bool Ok, RegistrationOutcome? Outcome, IReadOnlyList<string> Errors)> RegisterAsync(RegistrationRequest request)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<RegistrationService>().RegisterAsync(request);
        return (result.Succeeded, result.Succeeded ? result.Value.Outcome : null, result.Errors);
    }

    [Fact]
    public async Task A_freelancer_gets_a_profile_with_a_unique_handle_once_the_address_is_confirmed()
    {
        var first = await RegisterAsync(new("sam@example.test", GoodPassword, AccountKind.Freelancer, "Fiona Park"));
        Assert.Equal(RegistrationOutcome.Created, first.Outcome);
        await using (var unconfirmed = db.CreateDbContext())
        {
            // Until the owner of the address follows the link, the registration reserves no profile, name or handle.
            Assert.Equal(1, await unconfirmed.Profiles.CountAsync(p => p.DisplayName == "Fiona Park"));
        }

        var link = await OutboxLinks.LatestAsync(services.GetRequiredService<IDbContextFactory<AppDbContext>>(), "sam@example.test", "Account/ConfirmEmail");
        var query = QueryHelpers.ParseQuery(link.Query);
        Assert.True((await ConfirmAsync(query["userId"], query["code"])).Succeeded);
        await using var context = db.CreateDbContext();
        var profile = await context.Profiles.Where(p => p.DisplayName == "Fiona Park" && p.Handle != DemoWorld.FionaHandle).SingleAsync();
        Assert.Equal(ProfileKind.Freelancer, profile.Kind);
        Assert.Equal("fiona-park-2", profile.Handle);
        Assert.Null((await context.Users.SingleAsync(u => u.Email == "sam@example.test")).RegisteredAs);

        // The same link again confirms nothing new: still one profile.
        Assert.True((await ConfirmAsync(query["userId"], query["code"])).Succeeded);
        Assert.Equal(2, await context.Profiles.CountAsync(p => p.DisplayName == "Fiona Park"));
    }

    [Fact]
    public async Task An_agency_gets_an_agency_profile_and_a_client_gets_an_ordinary_organisation()
    {
        await OutboxLinks.RegisterAndConfirmAsync(services, new("a@example.test", GoodPassword, AccountKind.Agency, "Blue Fox Studio"));
        await OutboxLinks.RegisterAndConfirmAsync(services, new("c@example.test", GoodPassword, AccountKind.Client, "Umbrella Ltd"));
        await using var context = db.CreateDbContext();
        Assert.Equal(ProfileKind.Agency, (await context.Profiles.SingleAsync(p => p.DisplayName == "Blue Fox Studio")).Kind);
        var org = await context.Organizations.Include(o => o.Members).SingleAsync(o => o.Name == "Umbrella Ltd");
        Assert.False(org.HasEnterpriseSubscription);
        Assert.Equal(OrganizationRole.Owner, Assert.Single(org.Members).Role);
    }

    [Theory]
    [InlineData(null, "garbage")]
    [InlineData("no-such-user", null)]
    [InlineData("no-such-user", "Q2ZESjhBQUFBQQ")]
    public async Task A_bad_confirmation_link_changes_nothing_and_says_so(string? userId, string? code)
    {
        var result = await ConfirmAsync(userId, code);
        Assert.False(result.Succeeded);
        Assert.Equal(RegistrationService.InvalidConfirmationLink, Assert.Single(result.Errors));
    }

    [Fact]
    public async Task An_existing_address_changes_nothing_and_its_owner_hears_about_it()
    {
        await using var before = db.CreateDbContext();
        var users = await before.Users.CountAsync();
        var fionaHash = (await before.Users.SingleAsync(u => u.Email == DemoWorld.FionaEmail)).PasswordHash;
        var result = await RegisterAsync(new(DemoWorld.FionaEmail, GoodPassword, AccountKind.Client, "Sneaky"));
        Assert.True(result.Ok);
        Assert.Equal(RegistrationOutcome.EmailAlreadyRegistered, result.Outcome);
        await using var after = db.CreateDbContext();
        Assert.Equal(users, await after.Users.CountAsync());
        Assert.Equal(fionaHash, (await after.Users.SingleAsync(u => u.Email == DemoWorld.FionaEmail)).PasswordHash);
        Assert.False(await after.Organizations.AnyAsync(o => o.Name == "Sneaky"));
        var notice = await after.OutboxEmails.SingleAsync(m => m.ToAddress == DemoWorld.FionaEmail);
        Assert.Equal("You already have a TalentCloud account", notice.Subject);
        Assert.DoesNotContain(OutboxLinks.In(notice.HtmlBody), l => l.Contains("ConfirmEmail", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Registering_an_unconfirmed_address_again_replaces_the_earlier_registration_and_its_password()
    {
        var dbFactory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        Assert.Equal(RegistrationOutcome.Created, (await RegisterAsync(new("owner@example.test", "the squatter's password", AccountKind.Client, "Squat Ltd"))).Outcome);
        var squattersLink = QueryHelpers.ParseQuery((await OutboxLinks.LatestAsync(dbFactory, "owner@example.test", "ConfirmEmail")).Query);

        var again = await RegisterAsync(new("owner@example.test", "the owner's own password", AccountKind.Freelancer, "Olive Owner"));
        Assert.Equal(RegistrationOutcome.ReplacedUnconfirmed, again.Outcome);
        await using (var context = db.CreateDbContext())
        {
            // A fresh confirmation went to the address.
            Assert.Equal(2, await context.OutboxEmails.CountAsync(m => m.ToAddress == "owner@example.test" && m.Subject == "Confirm your TalentCloud account"));
        }

        // The link the first registration sent is dead; the fresh one confirms the second registration.
        Assert.False((await ConfirmAsync(squattersLink["userId"], squattersLink["code"])).Succeeded);
        var ownersLink = QueryHelpers.ParseQuery((await OutboxLinks.LatestAsync(dbFactory, "owner@example.test", "ConfirmEmail")).Query);
        Assert.True((await ConfirmAsync(ownersLink["userId"], ownersLink["code"])).Succeeded);

        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        Assert.Null(await accounts.CheckPasswordAsync("owner@example.test", "the squatter's password"));
        Assert.NotNull(await accounts.CheckPasswordAsync("owner@example.test", "the owner's own password"));
        await using var after = db.CreateDbContext();
        Assert.Equal(ProfileKind.Freelancer, (await after.Profiles.SingleAsync(p => p.DisplayName == "Olive Owner")).Kind);
        Assert.False(await after.Organizations.AnyAsync(o => o.Name == "Squat Ltd"));
    }

    [Fact]
    public async Task Unconfirmed_accounts_expire_after_48_hours_and_confirmed_ones_stay()
    {
        await RegisterAsync(new("old@example.test", GoodPassword, AccountKind.Freelancer, "Old Registration"));
        db.Clock.Advance(TimeSpan.FromHours(47));
        await RegisterAsync(new("young@example.test", GoodPassword, AccountKind.Freelancer, "Young Registration"));
        await OutboxLinks.RegisterAndConfirmAsync(services, new("kept@example.test", GoodPassword, AccountKind.Freelancer, "Kept"));
        db.Clock.Advance(TimeSpan.FromHours(2));

        await using (var scope = services.CreateAsyncScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<RegistrationService>().DeleteExpiredUnconfirmedAsync());
        }

        await using var context = db.CreateDbContext();
        Assert.False(await context.Users.AnyAsync(u => u.Email == "old@example.test"));
        Assert.True(await context.Users.AnyAsync(u => u.Email == "young@example.test"));
        Assert.True(await context.Users.AnyAsync(u => u.Email == "kept@example.test"));
        Assert.True(await context.Users.AnyAsync(u => u.Email == DemoWorld.FionaEmail));
    }

    [Fact]
    public async Task Registration_costs_one_password_hash_whether_the_address_is_new_unconfirmed_or_taken()
    {
        var hasher = services.GetRequiredService<CountingPasswordHasher>();
        var fresh = await hasher.MeasureAsync(() => RegisterAsync(new("fresh@example.test", GoodPassword, AccountKind.Freelancer, "Fresh")));
        var unconfirmed = await hasher.MeasureAsync(() => RegisterAsync(new("fresh@example.test", GoodPassword, AccountKind.Agency, "Again")));
        var taken = await hasher.MeasureAsync(() => RegisterAsync(new(DemoWorld.LeeEmail, GoodPassword, AccountKind.Freelancer, "Not Lee")));
        Assert.Equal((1, 0), fresh);
        Assert.Equal(fresh, unconfirmed);
        Assert.Equal(fresh, taken);
    }

    [Fact]
    public async Task A_password_check_costs_one_verification_for_known_unknown_and_unconfirmed_addresses()
    {
        var hasher = services.GetRequiredService<CountingPasswordHasher>();
        await RegisterAsync(new("waiting@example.test", GoodPassword, AccountKind.Freelancer, "Waiting"));
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        await accounts.CheckPasswordAsync("warm-up@example.test", "x"); // the dummy hash is made once, on first use

        AppUser? signedIn = null;
        var unknown = await hasher.MeasureAsync(async () => Assert.Null(await accounts.CheckPasswordAsync("nobody@example.test", GoodPassword)));
        var wrong = await hasher.MeasureAsync(async () => Assert.Null(await accounts.CheckPasswordAsync(DemoWorld.LeeEmail, "not lee's password")));
        var notConfirmed = await hasher.MeasureAsync(async () => Assert.Null(await accounts.CheckPasswordAsync("waiting@example.test", GoodPassword)));
        var right = await hasher.MeasureAsync(async () => signedIn = await accounts.CheckPasswordAsync(DemoWorld.LeeEmail, DemoWorld.Password));
        Assert.Equal((0, 1), unknown);
        Assert.Equal(unknown, wrong);
        Assert.Equal(unknown, notConfirmed);
        Assert.Equal(1, right.Verifications);
        Assert.Equal(DemoWorld.LeeEmail, signedIn?.Email);
    }

    [Fact]
    public async Task A_reset_with_a_bad_code_gets_the_same_answer_for_known_and_unknown_addresses()
    {
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var badCode = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes("not a token"));
        var known = await accounts.ResetPasswordAsync(DemoWorld.LeeEmail, badCode, "a brand new password");
        var unknown = await accounts.ResetPasswordAsync("nobody@example.test", badCode, "a brand new password");
        var garbled = await accounts.ResetPasswordAsync(DemoWorld.LeeEmail, "%%%", "a brand new password");
        Assert.False(known.Succeeded);
        Assert.Equal(known.Errors, unknown.Errors);
        Assert.Equal(known.Errors, garbled.Errors);
        Assert.Equal(AccountService.InvalidResetLink, Assert.Single(known.Errors));
        Assert.NotNull(await accounts.CheckPasswordAsync(DemoWorld.LeeEmail, DemoWorld.Password));
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
    public async Task A_short_password_is_refused_alike_for_a_taken_address()
    {
        var taken = await RegisterAsync(new(DemoWorld.FionaEmail, "short pass", AccountKind.Freelancer, "Fiona Again"));
        var fresh = await RegisterAsync(new("fresh-short@example.test", "short pass", AccountKind.Freelancer, "Fresh Short"));
        Assert.False(taken.Ok);
        Assert.Equal(fresh.Errors, taken.Errors);
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
    public async Task The_hasher_uses_210000_iterations_and_an_administrator_lock_still_refuses_the_right_password()
    {
        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value;
        Assert.Equal(12, options.Password.RequiredLength);
        Assert.True(options.SignIn.RequireConfirmedAccount);

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
        Assert.Null(await scope.ServiceProvider.GetRequiredService<AccountService>().CheckPasswordAsync(DemoWorld.MariaEmail, DemoWorld.Password));
    }
}
