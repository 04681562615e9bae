using Microsoft.AspNetCore.Identity;

namespace TalentCloud.Core.Accounts;

/// <summary>A person who signs in. What they can do follows from their profile, organisation and roles.</summary>
public sealed class AppUser : IdentityUser
{
    public const int DisplayNameMaxLength = 100;

    /// <summary>The name shown in the top bar and to the people this user deals with.</summary>
    public string DisplayName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public const int TimeZoneIdMaxLength = 64;

    /// <summary>
    /// The user's IANA time zone (for example "Europe/Berlin"); notification digests arrive at 08:00 and 17:00 in it.
    /// </summary>
    public string TimeZoneId { get; set; } = "UTC";

    /// <summary>
    /// What the person registered as, until the address is confirmed: the profile or organisation is created at
    /// confirmation (so an unconfirmed registration holds no name, handle or profile anyone can see). Null afterwards.
    /// </summary>
    public AccountKind? RegisteredAs { get; set; }

    /// <summary>The user's choice of the dark theme; null until they choose (then the browser's cookie decides).</summary>
    public bool? PrefersDarkTheme { get; set; }
}
