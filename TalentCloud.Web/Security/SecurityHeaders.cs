using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;

namespace TalentCloud.Web.Security;

/// <summary>
/// Response headers that limit what a page may load and who may frame it. Scripts come only from the site itself, plus
/// the one inline import map the framework writes, which carries this response's nonce (<see cref="NonceOf"/>). Styles
/// allow inline <c>style</c> attributes, which the UI components set; nothing else loads from elsewhere, and no site
/// may frame a page.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceItem = "TalentCloud.CspNonce";

    /// <summary>The nonce of this response's Content-Security-Policy, for the inline scripts the app itself writes.</summary>
    public static string NonceOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[NonceItem] as string ?? "";
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // base64url: no character the HTML attribute would need to encode.
            var nonce = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceItem] = nonce;
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = Policy(nonce);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            await next(context);
        });

    public static string Policy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";
}
