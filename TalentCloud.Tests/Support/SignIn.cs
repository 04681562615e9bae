using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using TalentCloud.Core.Seeding;

namespace TalentCloud.Tests.Support;

/// <summary>Signs in through the real login form (antiforgery token and all) and returns a client carrying the cookie.</summary>
public static partial class SignIn
{
    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    public static HttpClient AnonymousClient(WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        var page = await client.GetStringAsync(path);
        return WebUtility.HtmlDecode(AntiforgeryField().Match(page).Groups[1].Value);
    }

    /// <summary>Posts the login form; returns the response (a redirect on success).</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password)
    {
        var token = await AntiforgeryTokenAsync(client, "/Account/Login");
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    /// <summary>Where a redirect leads, as a path on this site; throws if it leads to another host.</summary>
    public static string RedirectPath(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var location = response.Headers.Location ?? throw new InvalidOperationException($"No redirect: {(int)response.StatusCode}.");
        if (!location.IsAbsoluteUri)
        {
            return location.OriginalString;
        }

        return location.Host == "localhost" ? location.PathAndQuery : throw new InvalidOperationException($"Redirect to another host: {location}");
    }

    public static async Task<HttpClient> AsAsync(WebApplicationFactory<Program> factory, string email)
    {
        var client = AnonymousClient(factory);
        if (email == DemoVisibility.Visitor)
        {
            return client;
        }

        var response = await PostLoginAsync(client, email, DemoWorld.Password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed with {(int)response.StatusCode}.");
        }

        return client;
    }
}
