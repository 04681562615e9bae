using Microsoft.AspNetCore.Identity;

namespace TalentCloud.Core.Accounts;

/// <summary>
/// A password hash that belongs to nobody, made with the configured hasher (so with the same PBKDF2 iteration count as
/// real hashes). Checking a password against it costs exactly what checking a real account costs, so an unknown
/// address takes as long to refuse as a wrong password.
/// </summary>
public sealed class DummyPassword
{
    /// <summary>A user that exists nowhere (used for hashing and token checks on behalf of unknown addresses).</summary>
    public static AppUser Nobody { get; } = new() { Id = Guid.NewGuid().ToString(), SecurityStamp = Guid.NewGuid().ToString("N") };

    private readonly Lock gate = new();
    private string? hash;

    /// <summary>One password verification's worth of work; always fails.</summary>
    public void Verify(IPasswordHasher<AppUser> hasher, string? password)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        string stored;
        lock (gate)
        {
            stored = hash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N"));
        }

        _ = hasher.VerifyHashedPassword(Nobody, stored, password ?? "");
    }
}
