using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TalentCloud.CircuitBench;

public enum Scenario
{
    /// <summary>Fiona's public profile as a visitor: static HTML, so no circuit is opened and nothing is clicked.</summary>
    VisitorProfile,

    /// <summary>Fiona's profile as maria@acme.test (live, with the hiring panel); every click switches the About / Skills tab.</summary>
    MariaProfile,

    /// <summary>maria@acme.test's organisation dashboard (/org); every click shows or hides the navigation drawer.</summary>
    MariaOrg,
}

public sealed record BenchSettings(Uri BaseAddress, int ServerPid, Scenario Scenario, int Circuits, TimeSpan ClickDuration, string Chromium);

public sealed record CircuitResult(
    Scenario Scenario, int Circuits, double RssBeforeMiB, double RssAfterMiB, int Samples, int Failures, double P50, double P95)
{
    public double KiBPerCircuit => (RssAfterMiB - RssBeforeMiB) * 1024 / Circuits;

    public string ToTableRow() => Scenario == Scenario.VisitorProfile
        ? string.Create(CultureInfo.InvariantCulture,
            $"| {Name} | {Circuits} pages, no circuit | {RssBeforeMiB:F1} | {RssAfterMiB:F1} | {KiBPerCircuit:F0} | — | — | — | — |")
        : string.Create(CultureInfo.InvariantCulture,
            $"| {Name} | {Circuits} | {RssBeforeMiB:F1} | {RssAfterMiB:F1} | {KiBPerCircuit:F0} | {Samples} | {P50:F1} | {P95:F1} | {Failures} |");

    private string Name => Scenario switch
    {
        Scenario.VisitorProfile => "visitor profile (static page)",
        Scenario.MariaProfile => "fiona's profile as maria (tab clicks)",
        _ => "maria's /org (drawer button clicks)",
    };
}

public static class CircuitRun
{
    private const string SignedInPassword = "TalentCloud#2026";

    /// <summary>
    /// Runs in every page: once a second it clicks the page's control and times, with a MutationObserver, the moment the
    /// server's answer reaches the DOM (the clicked tab turns active / the button's aria-expanded flips). Only the
    /// server's render can make either change, so each sample is one full round trip over the circuit.
    /// </summary>
    private const string ClickLoop = """
        (kind) => {
          const state = { samples: [], failures: 0, running: true };
          window.__circuitBench = state;
          const tick = () => {
            if (!state.running) return;
            let done;
            let target;
            if (kind === 'tabs') {
              const tabs = [...document.querySelectorAll('.mud-tab')];
              const index = tabs.findIndex(t => !t.classList.contains('mud-tab-active'));
              target = tabs[index];
              done = () => document.querySelectorAll('.mud-tab')[index]?.classList.contains('mud-tab-active');
            } else {
              target = document.querySelector('.drawer-toggle');
              const before = target.getAttribute('aria-expanded');
              done = () => document.querySelector('.drawer-toggle')?.getAttribute('aria-expanded') !== before;
            }
            let finished = false;
            const start = performance.now();
            const observer = new MutationObserver(() => {
              if (!finished && done()) {
                finished = true;
                observer.disconnect();
                state.samples.push(performance.now() - start);
              }
            });
            observer.observe(document.body, { attributes: true, childList: true, subtree: true });
            target.click();
            setTimeout(() => { if (!finished) { finished = true; observer.disconnect(); state.failures++; } }, 5000);
            setTimeout(tick, 1000);
          };
          setTimeout(tick, Math.random() * 1000);
        }
        """;

    public static async Task<CircuitResult> RunAsync(BenchSettings settings, TextWriter log)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = settings.Chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-dev-shm-usage",
                // Every tab clicks once a second, whether or not it is the one in front.
                "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows",
            ],
        });
        // As behind a proxy that terminates TLS (the server is told so), so Production's Secure cookies and antiforgery work.
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = settings.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Forwarded-Proto"] = "https" },
        });
        context.SetDefaultTimeout(120_000);

        if (settings.Scenario != Scenario.VisitorProfile)
        {
            await SignInAsync(context, settings.BaseAddress, "maria@acme.test");
        }

        var (path, kind) = settings.Scenario switch
        {
            Scenario.MariaOrg => ("/org", "button"),
            Scenario.MariaProfile => ("/freelancers/fiona-park", "tabs"),
            _ => ("/freelancers/fiona-park", "none"),
        };

        // Warm-up: a few circuits open, click and close, so the server has compiled what the measured ones run.
        log.WriteLine($"Warming up on {path} ...");
        var live = kind != "none";
        var warm = await OpenAsync(context, path, 3, live, log);
        if (live)
        {
            await ClickAsync(warm, kind, TimeSpan.FromSeconds(4));
        }

        foreach (var page in warm)
        {
            await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = false });
        }

        await Task.Delay(TimeSpan.FromSeconds(5));
        var before = await SettledRssMiBAsync(settings.ServerPid);

        log.WriteLine($"Opening {settings.Circuits} circuits on {path} (server RSS {before:F1} MiB) ...");
        var pages = await OpenAsync(context, path, settings.Circuits, live, log);
        await Task.Delay(TimeSpan.FromSeconds(10));
        var after = await SettledRssMiBAsync(settings.ServerPid);

        log.WriteLine(live
            ? $"{settings.Circuits} circuits open (server RSS {after:F1} MiB); every page clicks once a second for {settings.ClickDuration.TotalSeconds:F0} s ..."
            : $"{settings.Circuits} static pages open (server RSS {after:F1} MiB); no circuit, nothing to click.");
        // A static page has no circuit to click over: its row reports memory only.
        var (samples, failures) = kind == "none" ? ([], 0) : await ClickAsync(pages, kind, settings.ClickDuration);
        samples.Sort();
        return new CircuitResult(settings.Scenario, settings.Circuits, before, after, samples.Count, failures,
            Percentile(samples, 0.50), Percentile(samples, 0.95));
    }

    /// <summary>
    /// Signs in once through the real login form (antiforgery token and all) and hands the sign-in cookie to the
    /// browser. Production marks its cookies Secure, which a browser keeps only from https; the bench talks plain http
    /// on loopback, so the cookie is carried by hand, as the page benchmark does.
    /// </summary>
    private static async Task SignInAsync(IBrowserContext context, Uri baseAddress, string email)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        using var form = await http.GetAsync(new Uri("/Account/Login", UriKind.Relative));
        var html = await form.Content.ReadAsStringAsync();
        var token = System.Net.WebUtility.HtmlDecode(
            Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value);
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/Account/Login", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = token,
                ["Input.Email"] = email,
                ["Input.Password"] = SignedInPassword,
            }),
        };
        post.Headers.Add("Cookie", string.Join("; ", CookiesOf(form)));
        using var answer = await http.SendAsync(post);
        var identity = CookiesOf(answer).FirstOrDefault(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Signing in {email} failed ({(int)answer.StatusCode}).");
        var separator = identity.IndexOf('=', StringComparison.Ordinal);
        await context.AddCookiesAsync(
        [
            new Cookie
            {
                Name = identity[..separator], Value = identity[(separator + 1)..], Domain = baseAddress.Host, Path = "/", HttpOnly = true,
            },
        ]);
    }

    private static IEnumerable<string> CookiesOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : [];

    /// <summary>Opens <paramref name="count"/> tabs on the page, ten at a time, each until its circuit is live (a static page: loaded).</summary>
    private static async Task<List<IPage>> OpenAsync(IBrowserContext context, string path, int count, bool live, TextWriter log)
    {
        var pages = new List<IPage>();
        while (pages.Count < count)
        {
            var batch = Enumerable.Range(0, Math.Min(10, count - pages.Count)).Select(async _ =>
            {
                var page = await context.NewPageAsync();
                await page.GotoAsync(path);
                // The drawer button is disabled in the prerendered HTML and enabled by the live render; a static page has none.
                await page.WaitForSelectorAsync(live ? ".drawer-toggle:not([disabled])" : "h1");
                return page;
            });
            pages.AddRange(await Task.WhenAll(batch));
            log.WriteLine($"  {pages.Count} open");
        }

        return pages;
    }

    private static async Task<(List<double> Samples, int Failures)> ClickAsync(List<IPage> pages, string kind, TimeSpan duration)
    {
        await Task.WhenAll(pages.Select(page => page.EvaluateAsync(ClickLoop, kind)));

        await Task.Delay(duration);
        var samples = new List<double>();
        var failures = 0;
        await Task.WhenAll(pages.Select(page => page.EvaluateAsync("() => { window.__circuitBench.running = false; }")));

        // Answers still on their way when the loops stop are counted once they arrive or time out.
        await Task.Delay(TimeSpan.FromSeconds(5));
        var states = await Task.WhenAll(pages.Select(page => page.EvaluateAsync<string>("() => JSON.stringify(window.__circuitBench)")));
        foreach (var json in states)
        {
            var state = JsonSerializer.Deserialize<LoopState>(json, JsonSerializerOptions.Web)!;
            samples.AddRange(state.Samples);
            failures += state.Failures;
        }

        return (samples, failures);
    }

    /// <summary>The median of three readings of the server's resident memory, a second apart.</summary>
    private static async Task<double> SettledRssMiBAsync(int pid)
    {
        var readings = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            readings.Add(RssMiB(pid));
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        readings.Sort();
        return readings[1];
    }

    private static double RssMiB(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kib = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return kib / 1024.0;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private sealed record LoopState(List<double> Samples, int Failures);
}
