using System.Net;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Web;

/// <summary>Behind a configured reverse proxy, each forwarded client address is its own client for the rate limits.</summary>
public sealed class ForwardedHeadersHttpTests : IAsyncLifetime
{
    private const string Proxy = "10.20.30.40";

    private readonly TalentCloudAppFactory factory = new()
    {
        GeneratedProfiles = 0,
        RateLimitsEnabled = true,
        Settings = new Dictionary<string, string> { ["ForwardedHeaders:KnownProxies:0"] = Proxy },
    };

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Clients_behind_the_known_proxy_are_counted_apart_and_an_unknown_peer_is_not_believed()
    {
        async Task<HttpStatusCode> LoginAsync(HttpClient client, string token, string forwardedFor, int attempt)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["_handler"] = "login", ["__RequestVerificationToken"] = token,
                    ["Input.Email"] = $"someone{attempt}@example.test", ["Input.Password"] = "not a password 123",
                }),
            };
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            return (await client.SendAsync(request)).StatusCode;
        }

        var viaProxy = SignIn.AnonymousClient(factory);
        viaProxy.DefaultRequestHeaders.Add(TalentCloudAppFactory.TestClientAddress.Header, Proxy);
        var token = await SignIn.AntiforgeryTokenAsync(viaProxy, "/Account/Login");
        // 30 sign-ins through the proxy from 30 different people: none is held back (the per-client limit is 20).
        var proxied = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            proxied.Add(await LoginAsync(viaProxy, token, $"192.0.2.{i + 1}", i));
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, proxied);

        // The same header from a peer that is not the proxy changes nothing: it is one client, and is limited.
        var direct = SignIn.AnonymousClient(factory);
        direct.DefaultRequestHeaders.Add(TalentCloudAppFactory.TestClientAddress.Header, "203.0.113.99");
        var directToken = await SignIn.AntiforgeryTokenAsync(direct, "/Account/Login");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 25; i++)
        {
            statuses.Add(await LoginAsync(direct, directToken, $"198.51.100.{i + 1}", 100 + i));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostLoginAsync(SignIn.AnonymousClient(factory), DemoWorld.HankEmail, DemoWorld.Password)).StatusCode);
    }
}
