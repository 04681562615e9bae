using System.Security.Claims;
using TalentCloud.Core.Accounts;

namespace TalentCloud.Web;

/// <summary>Which theme a request gets, and where a change is kept: with the user when signed in, and in a cookie always.</summary>
public sealed class ThemePreference(UserPreferencesService preferences)
{
    public const string CookieName = "TalentCloud.Theme";

    /// <summary>The signed-in user's stored choice; otherwise (a visitor, or a user who never chose) the browser's cookie.</summary>
    public async Task<bool> IsDarkAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var stored = await preferences.GetDarkThemeAsync(http.User.FindFirstValue(ClaimTypes.NameIdentifier), http.RequestAborted);
        return stored ?? http.Request.Cookies[CookieName] == "dark";
    }

    /// <summary>
    /// Keeps the choice. The cookie is written for everyone, so the theme survives signing out (and a visitor keeps it);
    /// a signed-in user's choice is also stored with the account, so it follows them to another browser.
    /// </summary>
    public async Task SetAsync(HttpContext http, bool dark)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Cookies.Append(CookieName, dark ? "dark" : "light", new CookieOptions
        {
            MaxAge = TimeSpan.FromDays(365),
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
        });
        await preferences.SetDarkThemeAsync(http.User.FindFirstValue(ClaimTypes.NameIdentifier), dark, http.RequestAborted);
    }

    /// <summary>Only a path on this site (not "//host" or "/\host") may be returned to after the change.</summary>
    public static string SafeReturnPath(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl)
            ? url
            : "/";
}

/// <summary>The theme of the current request, cascaded from <c>Routes</c> to the layout.</summary>
public sealed record ThemeMode(bool IsDark);
