using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Common;
using TalentCloud.Core.Connects;
using TalentCloud.Core.ContactRules;
using TalentCloud.Core.Data;
using TalentCloud.Core.Organizations;
using TalentCloud.Core.Profiles;

namespace TalentCloud.Core.Accounts;

public sealed record RegistrationRequest(string Email, string Password, AccountKind Kind, string Name);

/// <summary>
/// What registration did. The page shows the same answer for every outcome, so it never reveals whether an address has
/// an account; each outcome costs one password hash and queues one e-mail to the address.
/// </summary>
public enum RegistrationOutcome
{
    /// <summary>A new unconfirmed account; a confirmation link went to the address.</summary>
    Created = 1,

    /// <summary>The address has a confirmed account: nothing changed; its owner was told by e-mail.</summary>
    EmailAlreadyRegistered = 2,

    /// <summary>
    /// The address had an unconfirmed account: this registration replaced it (name, kind and password), earlier
    /// confirmation links stopped working, and a fresh one went to the address.
    /// </summary>
    ReplacedUnconfirmed = 3,
}

/// <summary>
/// Registration and confirmation. An account is usable only once its address is confirmed, and only then are its
/// profile or organisation created (with the welcome Connects), so an unconfirmed registration reserves nothing: the
/// next registration of the same address replaces it, and it is deleted after <see cref="UnconfirmedLifetime"/>.
/// </summary>
public sealed class RegistrationService(UserManager<AppUser> userManager, IPasswordHasher<AppUser> hasher, AccountEmails emails, AppDbContext db,
    TimeProvider clock)
{
    public static readonly TimeSpan UnconfirmedLifetime = TimeSpan.FromHours(48);

    public const string InvalidConfirmationLink = "This confirmation link is not valid or has expired. Ask for a new one below.";

    public async Task<Result<(RegistrationOutcome Outcome, AppUser? User)>> RegisterAsync(RegistrationRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = UserText.Line(request.Name);
        var email = (request.Email ?? "").Trim();
        var password = request.Password ?? "";
        var errors = new List<string>();
        if (!Enum.IsDefined(request.Kind))
        {
            errors.Add("Choose the kind of account: freelancer, agency or client organisation.");
        }

        if (name.Length == 0)
        {
            errors.Add("Enter a name.");
        }
        else if (name.Length > Profile.DisplayNameMaxLength)
        {
            errors.Add($"The name can be at most {Profile.DisplayNameMaxLength} characters.");
        }
        else
        {
            // The name is shown on a public profile or on every public job of the organisation.
            errors.AddRange(PublicTextPolicy.Check(name, "The name").Errors);
        }

        if (TypedAddress.ForLookup(email) is null || !email.Contains('@', StringComparison.Ordinal))
        {
            errors.Add("Enter a valid e-mail address.");
        }

        // The password rules are checked before the address is looked up, so the answer cannot depend on it.
        foreach (var validator in userManager.PasswordValidators)
        {
            var checkedPassword = await validator.ValidateAsync(userManager, new AppUser { UserName = email, Email = email }, password);
            errors.AddRange(checkedPassword.Errors.Select(e => e.Description));
        }

        if (errors.Count > 0)
        {
            return Result<(RegistrationOutcome, AppUser?)>.Failure([.. errors.Distinct()]);
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Registrations of one address take turns (SQLite's write lock does this by itself; PostgreSQL needs a named
        // lock), so a second one finds the first instead of running into the unique user name.
        await DatabaseLocks.HoldAsync(db, "registration:" + email.ToUpperInvariant(), ct);
        var existing = await userManager.FindByEmailAsync(email);
        if (existing is { EmailConfirmed: true })
        {
            // The same hashing work as creating an account, so the time of the answer says nothing about the address.
            _ = hasher.HashPassword(existing, password);
            await emails.QueueAlreadyRegisteredAsync(existing, ct);
            await transaction.CommitAsync(ct);
            return Result<(RegistrationOutcome, AppUser?)>.Success((RegistrationOutcome.EmailAlreadyRegistered, existing));
        }

        RegistrationOutcome outcome;
        AppUser user;
        if (existing is not null)
        {
            // Whoever registered this address before never confirmed it: their name, kind and password are replaced, and
            // the new security stamp voids the confirmation link they triggered.
            existing.DisplayName = name;
            existing.RegisteredAs = request.Kind;
            existing.CreatedAt = now;
            existing.PasswordHash = hasher.HashPassword(existing, password);
            var renewed = await userManager.UpdateSecurityStampAsync(existing);
            if (!renewed.Succeeded)
            {
                return Result<(RegistrationOutcome, AppUser?)>.Failure([.. renewed.Errors.Select(e => e.Description)]);
            }

            (outcome, user) = (RegistrationOutcome.ReplacedUnconfirmed, existing);
        }
        else
        {
            user = new AppUser { UserName = email, Email = email, DisplayName = name, CreatedAt = now, RegisteredAs = request.Kind };
            var created = await userManager.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                await transaction.RollbackAsync(ct);
                // A concurrent registration of the same address lands here; it is answered like any other registration.
                if (created.Errors.Any(e => e.Code is "DuplicateUserName" or "DuplicateEmail"))
                {
                    return Result<(RegistrationOutcome, AppUser?)>.Success((RegistrationOutcome.EmailAlreadyRegistered, null));
                }

                return Result<(RegistrationOutcome, AppUser?)>.Failure([.. created.Errors.Select(e => e.Description)]);
            }

            outcome = RegistrationOutcome.Created;
        }

        await emails.QueueConfirmationAsync(user, ct);
        await transaction.CommitAsync(ct);
        return Result<(RegistrationOutcome, AppUser?)>.Success((outcome, user));
    }

    /// <summary>
    /// Confirms the address from the link's user id and code and, in the same transaction, creates what the person
    /// registered as: a freelancer or agency profile with the welcome Connects, or a client organisation they own.
    /// </summary>
    public async Task<Result> ConfirmAsync(string? userId, string? code, CancellationToken ct = default)
    {
        var token = AccountEmails.Decode(code);
        if (string.IsNullOrEmpty(userId) || token is null)
        {
            return Result.Failure(InvalidConfirmationLink);
        }

        var user = await userManager.FindByIdAsync(userId);
        if (user is null)
        {
            return Result.Failure(InvalidConfirmationLink);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var confirmed = await userManager.ConfirmEmailAsync(user, token);
        if (!confirmed.Succeeded)
        {
            return Result.Failure(InvalidConfirmationLink);
        }

        if (user.RegisteredAs is { } kind)
        {
            await CreateAccountHolderAsync(user, kind, ct);
            user.RegisteredAs = null;
            await userManager.UpdateAsync(user);
        }

        await transaction.CommitAsync(ct);
        return Result.Success;
    }

    /// <summary>Deletes accounts never confirmed within <see cref="UnconfirmedLifetime"/>; returns how many.</summary>
    public async Task<int> DeleteExpiredUnconfirmedAsync(CancellationToken ct = default)
    {
        var cutoff = clock.GetUtcNow() - UnconfirmedLifetime;
        // An unconfirmed account owns nothing but its row (and rows that cascade with it); the guards keep any older
        // account that does own something.
        return await db.Users
            .Where(u => !u.EmailConfirmed && u.CreatedAt < cutoff
                && !db.Profiles.Any(p => p.OwnerUserId == u.Id) && !db.OrganizationMembers.Any(m => m.UserId == u.Id))
            .ExecuteDeleteAsync(ct);
    }

    private async Task CreateAccountHolderAsync(AppUser user, AccountKind kind, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        switch (kind)
        {
            case AccountKind.Freelancer or AccountKind.Agency:
                var profile = Profile.Create(kind == AccountKind.Agency ? ProfileKind.Agency : ProfileKind.Freelancer, user.Id, user.DisplayName,
                    await UniqueHandleAsync(user.DisplayName, ct), now);
                db.Profiles.Add(profile);
                await db.SaveChangesAsync(ct);
                // Every new freelancer and agency starts with the welcome grant of Connects.
                ConnectsService.AddStartingGrant(db, profile.Id, now);
                break;
            case AccountKind.Client:
                db.Organizations.Add(new Organization
                {
                    Name = user.DisplayName,
                    CreatedAt = now,
                    Members = [new OrganizationMember { UserId = user.Id, Role = OrganizationRole.Owner }],
                });
                break;
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task<string> UniqueHandleAsync(string name, CancellationToken ct)
    {
        var stem = ProfileHandle.FromName(name);
        var taken = await db.Profiles
            .Where(p => p.Handle == stem || p.Handle.StartsWith(stem + "-"))
            .Select(p => p.Handle)
            .ToListAsync(ct);
        if (!taken.Contains(stem))
        {
            return stem;
        }

        for (var n = 2; ; n++)
        {
            var candidate = $"{stem}-{n}";
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }
}
