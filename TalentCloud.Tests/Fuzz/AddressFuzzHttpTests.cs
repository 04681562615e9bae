using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using TalentCloud.Tests.Support;
using TalentCloud.Tests.Web;

namespace TalentCloud.Tests.Fuzz;

/// <summary>
/// Every listed page × every hostile value, over HTTP against the real app: in all of a page's query parameters at once,
/// and in each route parameter. No answer is a server error: a hostile query value still gets the page (200), and a
/// hostile route value answers as a value that names nothing does (404).
/// </summary>
public sealed partial class AddressFuzzHttpTests(WebAppFixture app, ITestOutputHelper output) : IClassFixture<WebAppFixture>
{
    private const int Parallelism = 4;

    [GeneratedRegex("\\{[^}]*\\}")]
    private static partial Regex RouteParameter();

    /// <summary>One request; <paramref name="Expected"/> is the status it must get (null: anything but a server error).</summary>
    private sealed record Probe(FuzzedPage Page, string Address, HttpStatusCode? Expected, string Why = "")
    {
        public string Describe(HttpStatusCode got) =>
            $"{Page.Viewer} GET {HostileValues.Show(Address)} → {(int)got}{(Expected is { } e ? $" (expected {(int)e}{Why})" : "")}";
    }

    /// <summary>The page's path with every route parameter replaced: <paramref name="values"/> first, else the real demo value.</summary>
    private static string Path(FuzzedPage page, DemoRouteValues demo, string? name = null, string? value = null)
    {
        var index = 0;
        return RouteParameter().Replace(page.Template, _ =>
        {
            var route = page.Route[index++];
            return Uri.EscapeDataString(route.Name == name ? value! : route.Real(demo));
        });
    }

    private static string WithQuery(string path, IEnumerable<string> names, string value) =>
        path + "?" + string.Join('&', names.Select(n => n + "=" + Uri.EscapeDataString(value)));

    private static IEnumerable<Probe> QueryProbes(FuzzedPage page, DemoRouteValues demo)
    {
        if (page.Query.Count == 0)
        {
            yield break;
        }

        var path = Path(page, demo);
        // Every parameter of the page carries the value at once, as a crawler or a hand-edited address would send it.
        // (Each parameter alone as well would triple the requests; the readers are shared and unit-tested value by value.)
        foreach (var value in HostileValues.All)
        {
            yield return new(page, WithQuery(path, page.Query, value), HttpStatusCode.OK, ": a query value falls back to its default");
        }
    }

    [Fact]
    public async Task No_hostile_address_gets_a_server_error_and_hostile_ids_answer_like_missing_ones()
    {
        var demo = await DemoRouteValues.LoadAsync(app.Factory.Services);
        var clients = new Dictionary<string, HttpClient>();
        foreach (var viewer in FuzzedPages.All.Select(p => p.Viewer).Distinct())
        {
            clients[viewer] = await app.ClientAsync(viewer);
        }

        var problems = new ConcurrentBag<string>();
        var probes = new List<Probe>();
        foreach (var page in FuzzedPages.All)
        {
            // The real address works for the viewer, so the probes below reach the page itself, not a sign-in redirect.
            var real = await clients[page.Viewer].GetAsync(Path(page, demo));
            if (real.StatusCode != HttpStatusCode.OK)
            {
                problems.Add($"{page}: the demo address answers {(int)real.StatusCode}, not 200");
            }

            probes.AddRange(QueryProbes(page, demo));
            foreach (var route in page.Route)
            {
                var missing = (await clients[page.Viewer].GetAsync(Path(page, demo, route.Name, route.Missing))).StatusCode;
                // A null character in a path never reaches the app: the server refuses the request line (400).
                probes.AddRange(HostileValues.All.Where(value => !value.Contains('\0', StringComparison.Ordinal)).Select(value =>
                    new Probe(page, Path(page, demo, route.Name, value), value.Length == 0 ? null : missing, ", as for a value naming nothing")));
            }
        }

        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(probes, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = TestContext.Current.CancellationToken }, async (probe, ct) =>
        {
            using var response = await clients[probe.Page.Viewer].GetAsync(probe.Address, ct);
            if ((int)response.StatusCode >= 500 || (probe.Expected is { } expected && response.StatusCode != expected))
            {
                problems.Add(probe.Describe(response.StatusCode));
            }
        });

        output.WriteLine($"{probes.Count} requests over {FuzzedPages.All.Count} pages and {HostileValues.All.Count} values in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(problems.IsEmpty, $"{problems.Count} of {probes.Count} requests failed:{Environment.NewLine}{string.Join(Environment.NewLine, problems.Order().Take(60))}");
    }
}
