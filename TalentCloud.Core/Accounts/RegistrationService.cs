using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Common;
using TalentCloud.Core.Connects;
using TalentCloud.Core.Data;
using TalentCloud.Core.Organizations;
using TalentCloud.Core.Profiles;

namespace TalentCloud.Core.Accounts;

public sealed record RegistrationRequest(string Email, string Password, AccountKind Kind, string Name);

/// <summary>What registration did. The page shows the same answer for <see cref="Created"/> and
/// <see cref="EmailAlreadyRegistered"/>, so it never reveals whether an address has an account.</summary>
public enum RegistrationOutcome
{
    Created = 1,
    EmailAlreadyRegistered = 2,
}

/// <summary>Creates an account together with the profile or organisation the person asked for, in one transaction.</summary>
public sealed class RegistrationService(UserManager<AppUser> userManager, AppDbContext db, TimeProvider clock)
{
    public async Task<Result<(RegistrationOutcome Outcome, AppUser? User)>> RegisterAsync(RegistrationRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = (request.Name ?? "").Trim();
        var email = (request.Email ?? "").Trim();
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

        if (email.Length == 0 || !email.Contains('@', StringComparison.Ordinal))
        {
            errors.Add("Enter a valid e-mail address.");
        }

        if (errors.Count > 0)
        {
            return Result<(RegistrationOutcome, AppUser?)>.Failure([.. errors]);
        }

        if (await userManager.FindByEmailAsync(email) is not null)
        {
            return Result<(RegistrationOutcome, AppUser?)>.Success((RegistrationOutcome.EmailAlreadyRegistered, null));
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = new AppUser { UserName = email, Email = email, DisplayName = name, CreatedAt = now };
        var created = await userManager.CreateAsync(user, request.Password ?? "");
        if (!created.Succeeded)
        {
            await transaction.RollbackAsync(ct);
            // A concurrent registration of the same address lands here too; it is answered like any other duplicate.
            if (created.Errors.Any(e => e.Code is "DuplicateUserName" or "DuplicateEmail"))
            {
                return Result<(RegistrationOutcome, AppUser?)>.Success((RegistrationOutcome.EmailAlreadyRegistered, null));
            }

            return Result<(RegistrationOutcome, AppUser?)>.Failure([.. created.Errors.Select(e => e.Description)]);
        }

        Profile? profile = null;
        switch (request.Kind)
        {
            case AccountKind.Freelancer or AccountKind.Agency:
                profile = Profile.Create(request.Kind == AccountKind.Agency ? ProfileKind.Agency : ProfileKind.Freelancer, user.Id, name,
                    await UniqueHandleAsync(name, ct), now);
                db.Profiles.Add(profile);
                break;
            case AccountKind.Client:
                db.Organizations.Add(new Organization
                {
                    Name = name,
                    HasEnterpriseSubscription = false,
                    CreatedAt = now,
                    Members = [new OrganizationMember { UserId = user.Id, Role = OrganizationRole.Owner }],
                });
                break;
        }

        await db.SaveChangesAsync(ct);
        if (profile is not null)
        {
            // Every new freelancer and agency starts with the welcome grant of Connects.
            ConnectsService.AddStartingGrant(db, profile.Id, now);
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return Result<(RegistrationOutcome, AppUser?)>.Success((RegistrationOutcome.Created, user));
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
