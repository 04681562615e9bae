using Microsoft.Playwright;
using TalentCloud.Core.Seeding;

// Takes the README's pictures from a running demo world: each shot signs in as its person through the real login
// form, opens the page, waits until the live connection has settled and saves the visible 1280x800 viewport as PNG.
// Usage: TalentCloud.Screenshots <base address> <output folder>   (bench/screenshots.sh starts the app and calls this)
if (args.Length != 2)
{
    Console.Error.WriteLine("Usage: TalentCloud.Screenshots <base address, e.g. http://127.0.0.1:5106> <output folder>");
    return 2;
}

var baseAddress = args[0].TrimEnd('/');
var output = Directory.CreateDirectory(args[1]).FullName;
Shot[] shots =
[
    new("home-visitor", null, "/"),
    new("profile-maria", DemoWorld.MariaEmail, "/freelancers/" + DemoWorld.FionaHandle),
    new("search-maria", DemoWorld.MariaEmail, "/search?q=ios"),
    new("org-maria", DemoWorld.MariaEmail, "/org"),
    new("my-talent-clouds-fiona", DemoWorld.FionaEmail, "/my/talent-clouds"),
    new("admin-removals", DemoWorld.AdminEmail, "/admin/removals"),
    new("jobs-dark", null, "/jobs", Dark: true),
];

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = Environment.GetEnvironmentVariable("CHROME_PATH") ?? "/usr/bin/chromium",
    Args = ["--no-sandbox"],
});

foreach (var shot in shots)
{
    await using var context = await browser.NewContextAsync(new()
    {
        BaseURL = baseAddress,
        ViewportSize = new() { Width = 1280, Height = 800 },
        ColorScheme = shot.Dark ? ColorScheme.Dark : ColorScheme.Light,
    });
    if (shot.Dark)
    {
        // A visitor's theme choice lives in this cookie (a signed-in user's is stored with the account).
        await context.AddCookiesAsync([new() { Name = "TalentCloud.Theme", Value = "dark", Url = baseAddress }]);
    }

    var page = await context.NewPageAsync();
    if (shot.Email is not null)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(shot.Email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(DemoWorld.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
    }

    var response = await page.GotoAsync(shot.Path, new() { WaitUntil = WaitUntilState.NetworkIdle });
    if (response is null || !response.Ok)
    {
        Console.Error.WriteLine($"{shot.Name}: {shot.Path} answered {response?.Status}");
        return 1;
    }

    // The page is prerendered, then the live connection (where the page has one) renders it again: let that and
    // any animation finish.
    await page.WaitForTimeoutAsync(2000);
    var file = Path.Combine(output, shot.Name + ".png");
    await page.ScreenshotAsync(new() { Path = file });
    Console.WriteLine($"{shot.Name,-24} {shot.Path,-34} {new FileInfo(file).Length / 1024,5} KB");
}

return 0;

/// <summary>One picture: its file name, who is signed in (null: a visitor), the page, and whether in the dark theme.</summary>
internal sealed record Shot(string Name, string? Email, string Path, bool Dark = false);
