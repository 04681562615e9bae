using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TalentCloud.Core.Accounts;

namespace TalentCloud.Tests.Support;

/// <summary>
/// The real password hasher, counting its work: how many hashes and verifications a request caused. Equal counts for
/// known and unknown addresses mean equal PBKDF2 work, which is what makes their timing equal.
/// </summary>
public sealed class CountingPasswordHasher(IOptions<PasswordHasherOptions> options) : IPasswordHasher<AppUser>
{
    private readonly PasswordHasher<AppUser> inner = new(options);
    private int hashes;
    private int verifications;

    public int Hashes => Volatile.Read(ref hashes);

    public int Verifications => Volatile.Read(ref verifications);

    public string HashPassword(AppUser user, string password)
    {
        Interlocked.Increment(ref hashes);
        return inner.HashPassword(user, password);
    }

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref verifications);
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }

    /// <summary>(hashes, verifications) done while <paramref name="action"/> ran.</summary>
    public async Task<(int Hashes, int Verifications)> MeasureAsync(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var (h, v) = (Hashes, Verifications);
        await action();
        return (Hashes - h, Verifications - v);
    }
}
