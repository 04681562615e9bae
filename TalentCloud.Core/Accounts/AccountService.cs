using Microsoft.AspNetCore.Identity;
using TalentCloud.Core.Common;

namespace TalentCloud.Core.Accounts;

/// <summary>
/// Password checks that answer known and unknown addresses alike — the same result and the same work (one password
/// hash verification, one token check) — so neither the answer nor its time tells whether an address has an account.
/// </summary>
public sealed class AccountService(UserManager<AppUser> userManager, IPasswordHasher<AppUser> hasher, DummyPassword dummy)
{
    public const string InvalidResetLink = "This reset link is not valid or has expired. Ask for a new one.";

    /// <summary>
    /// The account to sign in, or null: for an unknown address, a wrong password, an unconfirmed address or an account an
    /// administrator locked. Exactly one password verification happens in every case.
    /// </summary>
    public async Task<AppUser?> CheckPasswordAsync(string? email, string? password)
    {
        var user = TypedAddress.ForLookup(email) is { } address ? await userManager.FindByEmailAsync(address) : null;
        if (user is null)
        {
            dummy.Verify(hasher, password);
            return null;
        }

        if (!await userManager.CheckPasswordAsync(user, password ?? ""))
        {
            return null;
        }

        return user.EmailConfirmed && !await userManager.IsLockedOutAsync(user) ? user : null;
    }

    /// <summary>
    /// Sets a new password from a reset link. A bad or expired code gives <see cref="InvalidResetLink"/> whether or not the
    /// address has an account (for an unknown address the code is checked against nobody, which costs the same).
    /// </summary>
    public async Task<Result> ResetPasswordAsync(string? email, string? code, string? newPassword)
    {
        var token = AccountEmails.Decode(code) ?? "";
        var user = TypedAddress.ForLookup(email) is { } address ? await userManager.FindByEmailAsync(address) : null;
        if (user is null)
        {
            await userManager.VerifyUserTokenAsync(DummyPassword.Nobody, userManager.Options.Tokens.PasswordResetTokenProvider,
                UserManager<AppUser>.ResetPasswordTokenPurpose, token);
            return Result.Failure(InvalidResetLink);
        }

        var result = await userManager.ResetPasswordAsync(user, token, newPassword ?? "");
        if (result.Succeeded)
        {
            return Result.Success;
        }

        return Result.Failure([.. result.Errors.Select(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken) ? InvalidResetLink : e.Description)]);
    }
}
