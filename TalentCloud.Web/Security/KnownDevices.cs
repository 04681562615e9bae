using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace TalentCloud.Web.Security;

/// <summary>
/// Remembers, in a protected cookie, which accounts have signed in successfully from this browser. A sign-in from a
/// known device skips the per-account rate limit, so however hard strangers hammer an account from elsewhere, its
/// owner still gets in from the device they use. The cookie holds hashes of the addresses, protected with the app's
/// Data Protection keys; it proves nothing on its own (the password is still checked).
/// </summary>
public sealed class KnownDevices(IDataProtectionProvider dataProtection, IHostEnvironment environment)
{
    public const string CookieName = "TalentCloud.Device";
    private const int MaxAccounts = 10;
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(180);

    private readonly IDataProtector protector = dataProtection.CreateProtector("TalentCloud.KnownDevices.v1");

    public bool IsKnown(HttpContext context, string email)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Read(context).Contains(Hash(email));
    }

    public void Remember(HttpContext context, string email)
    {
        ArgumentNullException.ThrowIfNull(context);
        var hashes = Read(context);
        hashes.Remove(Hash(email));
        hashes.Insert(0, Hash(email));
        var payload = protector.Protect(string.Join('.', hashes.Take(MaxAccounts)));
        context.Response.Cookies.Append(CookieName, payload, new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = environment.IsProduction() || context.Request.IsHttps,
            MaxAge = Lifetime,
        });
    }

    private List<string> Read(HttpContext context)
    {
        var cookie = context.Request.Cookies[CookieName];
        if (string.IsNullOrEmpty(cookie))
        {
            return [];
        }

        try
        {
            return [.. protector.Unprotect(cookie).Split('.', StringSplitOptions.RemoveEmptyEntries)];
        }
        catch (CryptographicException)
        {
            // Tampered with, or protected by keys this installation no longer has: treat the device as unknown.
            return [];
        }
    }

    private static string Hash(string email) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes((email ?? "").Trim().ToUpperInvariant())))[..32];
}
