namespace TalentCloud.Core.Common;

/// <summary>
/// The one address users reach the app at (<c>App:PublicBaseUrl</c>). Every link in an e-mail is built from it, never
/// from the Host header of the request that caused the e-mail, so a forged Host cannot redirect a reset link.
/// </summary>
public sealed class PublicAddress
{
    /// <summary>The address of a local development run; also what tests and benchmarks use when they name none.</summary>
    public static readonly PublicAddress Local = new(new Uri("http://localhost:5080/"));

    public PublicAddress(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(baseUrl.Query) || !string.IsNullOrEmpty(baseUrl.Fragment))
        {
            throw new ArgumentException($"The public base URL must be an absolute http or https address without query or fragment; \"{baseUrl}\" is not.",
                nameof(baseUrl));
        }

        // A trailing slash makes relative resolution keep a path base such as https://example.com/talent/.
        BaseUrl = baseUrl.AbsolutePath.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
    }

    public Uri BaseUrl { get; }

    /// <summary>Parses the configured value; null or blank gives null so the caller decides the fallback.</summary>
    public static PublicAddress? TryParse(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : new PublicAddress(new Uri(value.Trim(), UriKind.Absolute));

    /// <summary>The absolute address of an app path such as "/jobs/5" or "Account/ConfirmEmail?code=…".</summary>
    public string Link(string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        var firstPart = pathAndQuery.Split('/', '?', '#')[0];
        if (pathAndQuery.StartsWith("//", StringComparison.Ordinal) || pathAndQuery.StartsWith("/\\", StringComparison.Ordinal)
            || firstPart.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException($"\"{pathAndQuery}\" is not a path inside the app.", nameof(pathAndQuery));
        }

        return new Uri(BaseUrl, pathAndQuery.TrimStart('/')).AbsoluteUri;
    }
}
