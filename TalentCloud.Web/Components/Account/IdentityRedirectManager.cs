using Microsoft.AspNetCore.Components;

namespace TalentCloud.Web.Components.Account;

/// <summary>Redirects from the static account pages, refusing anything that is not a local address.</summary>
public sealed class IdentityRedirectManager(NavigationManager navigation)
{
    public const string StatusCookieName = "TalentCloud.StatusMessage";

    /// <summary>Goes to <paramref name="uri"/> when it is a path on this site; anything else (another site, a scheme) goes home.</summary>
    public void RedirectTo(string? uri) => navigation.NavigateTo(IsLocal(uri) ? uri! : "/");

    /// <summary>
    /// A path or relative address on this site: no scheme, no host ("//evil.test"), no backslash (browsers read "/\" as
    /// "//"), no control characters.
    /// </summary>
    public static bool IsLocal(string? uri)
    {
        if (string.IsNullOrEmpty(uri) || uri.StartsWith("//", StringComparison.Ordinal)
            || uri.Contains('\\', StringComparison.Ordinal) || uri.Any(char.IsControl))
        {
            return false;
        }

        var beforePath = uri.Split('/', '?', '#')[0];
        return !beforePath.Contains(':', StringComparison.Ordinal) && Uri.IsWellFormedUriString(uri, UriKind.Relative);
    }

    public void RedirectToWithStatus(string uri, string message, HttpContext context)
    {
        context.Response.Cookies.Append(StatusCookieName, message, new CookieOptions
        {
            SameSite = SameSiteMode.Strict,
            HttpOnly = true,
            IsEssential = true,
            MaxAge = TimeSpan.FromSeconds(10),
        });
        RedirectTo(uri);
    }
}
