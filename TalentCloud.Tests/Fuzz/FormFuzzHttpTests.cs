using System.Diagnostics;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentCloud.Core.Data;
using TalentCloud.Tests.Support;
using TalentCloud.Web.Security;

namespace TalentCloud.Tests.Fuzz;

/// <summary>
/// Every static form × every field × every hostile value, posted over HTTP to the real app the way a browser posts it
/// (the page fetched first for its antiforgery token), one field at a time with valid values in the others. Each post
/// gets a message beside the form, or the form's normal result (a redirect to a page of this site, a notice); never a
/// server error; and a refused post changes nothing in the database.
/// </summary>
public sealed class FormFuzzHttpTests(FormFuzzHttpTests.App app, ITestOutputHelper output) : IClassFixture<FormFuzzHttpTests.App>
{
    /// <summary>
    /// The app with production's rate limits on: each post comes from an address of its own and names an e-mail address
    /// of its own, as many people would, so the limits hold none back and stay as strict as in production. Passwords are
    /// hashed with few iterations: the count is a production setting, not a rule under test.
    /// </summary>
    public sealed class App : IAsyncLifetime
    {
        public TalentCloudAppFactory Factory { get; } = new FastHashing { RateLimitsEnabled = true };

        public ValueTask InitializeAsync()
        {
            _ = Factory.Server;
            return ValueTask.CompletedTask;
        }

        public ValueTask DisposeAsync() => Factory.DisposeAsync();

        private sealed class FastHashing : TalentCloudAppFactory
        {
            protected override void ConfigureWebHost(IWebHostBuilder builder)
            {
                base.ConfigureWebHost(builder);
                builder.ConfigureServices(services => services.PostConfigure<PasswordHasherOptions>(o => o.IterationCount = 1000));
            }
        }
    }

    private enum Outcome
    {
        Refused,
        Accepted,
        Failed,
    }

    private static readonly HashSet<string> FormMachinery = ["_handler", "__RequestVerificationToken"];

    private static int clients;

    public static TheoryData<string> FormNames() => [.. FuzzedForms.All.Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(FormNames))]
    public async Task Every_hostile_value_in_every_field_gets_a_message_or_the_normal_result_and_a_refusal_changes_nothing(string name)
    {
        var form = FuzzedForms.All.Single(f => f.Name == name);
        var run = new FormRun(app.Factory.Services);
        var fingerprint = new DatabaseFingerprint(app.Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>());
        using var signedIn = form.Viewer == DemoVisibility.Visitor ? null : await SignIn.AsAsync(app.Factory, form.Viewer);
        // A form without fields is posted once as the page has it.
        List<(FuzzedField? Field, string Value)> probes = form.Fields.Count == 0
            ? [(null, "")]
            : [.. form.Fields.SelectMany(f => HostileValues.All.Select(value => ((FuzzedField?)f, value)))];
        var problems = new List<string>();
        var clock = Stopwatch.StartNew();
        foreach (var (field, value) in probes)
        {
            run.Probe++;
            var client = signedIn ?? SignIn.AnonymousClient(app.Factory);
            try
            {
                var problem = await PostAsync(form, run, client, field, value, fingerprint);
                if (problem is not null)
                {
                    problems.Add(field is null ? problem : $"{field.Name} = \"{HostileValues.Show(value)}\": {problem}");
                }
            }
            finally
            {
                if (signedIn is null)
                {
                    client.Dispose();
                }
            }
        }

        output.WriteLine($"{probes.Count} posts in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(problems.Count == 0, $"{form}: {problems.Count} of {probes.Count} posts failed:{Environment.NewLine}{string.Join(Environment.NewLine, problems.Take(40))}");
    }

    [Fact]
    public void Every_endpoint_outside_the_pages_that_takes_a_post_is_the_action_of_a_listed_form()
    {
        var posted = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is null
                && e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains(HttpMethods.Post) == true
                && e.RoutePattern.RawText?.StartsWith("/_blazor", StringComparison.Ordinal) != true)
            .Select(e => e.RoutePattern.RawText)
            .ToList();

        Assert.Contains("/Account/Logout", posted);
        Assert.Empty(posted.Except(FuzzedForms.All.Select(f => f.Action)).Select(p => $"POST {p} is the action of no form in FuzzedForms.All"));
    }

    /// <summary>Fetches the form's page, posts it with <paramref name="value"/> in <paramref name="field"/>; a problem, or null.</summary>
    private async Task<string?> PostAsync(FuzzedForm form, FormRun run, HttpClient client, FuzzedField? field, string value, DatabaseFingerprint fingerprint)
    {
        // One person: the page and its post come from the same address, which no other post uses.
        var person = NextClientAddress();
        var address = await form.Page(run);
        using var page = await SendAsync(client, HttpMethod.Get, address, person);
        if (page.StatusCode != HttpStatusCode.OK)
        {
            return $"the page {address} answers {(int)page.StatusCode}";
        }

        var html = FormOn(await new HtmlParser().ParseDocumentAsync(await page.Content.ReadAsStringAsync()), form);
        if (html is null)
        {
            return $"the page {address} shows no such form";
        }

        var rendered = html.QuerySelectorAll("input[name], textarea[name], select[name]").Select(e => e.GetAttribute("name")!)
            .Where(n => !FormMachinery.Contains(n)).Distinct().Order().ToList();
        var listed = form.Fields.Select(f => f.Name).Order().ToList();
        if (!rendered.SequenceEqual(listed))
        {
            return $"the form posts [{string.Join(", ", rendered)}] but FuzzedForms lists [{string.Join(", ", listed)}]";
        }

        var posted = new Dictionary<string, string> { ["__RequestVerificationToken"] = ValueOn(html, "__RequestVerificationToken") };
        if (form.Handler is { } handler)
        {
            posted["_handler"] = handler;
        }

        foreach (var f in form.Fields)
        {
            posted[f.Name] = f.Valid?.Invoke(run) ?? ValueOn(html, f.Name);
        }

        if (field is not null)
        {
            posted[field.Name] = value;
            if (field.RepeatedBy is { } repeated)
            {
                posted[repeated] = value;
            }
        }

        var before = await fingerprint.TakeAsync();
        using var response = await SendAsync(client, HttpMethod.Post, form.Action ?? address, person, new FormUrlEncodedContent(posted));
        var (outcome, detail) = await OutcomeAsync(response, value.Contains('\0', StringComparison.Ordinal));
        switch (outcome)
        {
            case Outcome.Failed:
                return detail;
            case Outcome.Refused when await fingerprint.TakeAsync() != before:
                return $"refused ({detail}), yet the database changed";
            case Outcome.Accepted:
                form.Accepted?.Invoke(run, posted);
                break;
        }

        return null;
    }

    /// <summary>
    /// Refused: a message beside the form, or for a value with a null character (which no form encoding can carry to the
    /// app) the page saying the form could not be read. Accepted: a redirect within this site or a notice. Anything else failed.
    /// </summary>
    private static async Task<(Outcome, string)> OutcomeAsync(HttpResponseMessage response, bool unreadable)
    {
        var status = (int)response.StatusCode;
        if (status is >= 300 and < 400)
        {
            var location = response.Headers.Location;
            return location is not null && (!location.IsAbsoluteUri || location.Host == "localhost")
                ? (Outcome.Accepted, $"to {location}")
                : (Outcome.Failed, $"{status} to {location}, not a page of this site");
        }

        if (unreadable && status == 400 && (await response.Content.ReadAsStringAsync()).Contains(UnreadableForms.Title, StringComparison.Ordinal))
        {
            return (Outcome.Refused, UnreadableForms.Title);
        }

        if (status != 200)
        {
            return (Outcome.Failed, $"{status}{(status >= 500 ? ", a server error" : "")}");
        }

        var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        if (document.QuerySelector(".page-error") is not null)
        {
            return (Outcome.Failed, "the page's error");
        }

        string? Said(string selector) => document.QuerySelectorAll(selector).Where(e => e.Id != "blazor-error-ui")
            .Select(e => e.TextContent.Trim()).FirstOrDefault(t => t.Length > 0);
        return Said(".validation-message, [role=alert]") is { } message ? (Outcome.Refused, message)
            : Said("[role=status]") is { } notice ? (Outcome.Accepted, notice)
            : (Outcome.Failed, "200 with no message beside the form");
    }

    /// <summary>The form on the page: the one with this name, or the one posting to this endpoint.</summary>
    private static IElement? FormOn(IDocument page, FuzzedForm form) => page.QuerySelectorAll("form").FirstOrDefault(f => form.Handler is { } handler
        ? f.QuerySelector("input[name=_handler]")?.GetAttribute("value") == handler
        : "/" + f.GetAttribute("action")?.TrimStart('/') == form.Action);

    private static string ValueOn(IElement form, string name) => form.QuerySelector($"[name='{name}']")?.GetAttribute("value") ?? "";

    private static string NextClientAddress()
    {
        var n = Interlocked.Increment(ref clients);
        return $"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}";
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string address, string person, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, address) { Content = content };
        request.Headers.Add(TalentCloudAppFactory.TestClientAddress.Header, person);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
