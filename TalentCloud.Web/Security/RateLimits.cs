using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace TalentCloud.Web.Security;

/// <summary>One limit: at most <see cref="PerClient"/> requests per client address and <see cref="PerAccount"/> per account in each window.</summary>
public sealed class RateLimitRule
{
    public int PerClient { get; set; }
    public int PerAccount { get; set; }
    public int WindowSeconds { get; set; }

    public TimeSpan Window => TimeSpan.FromSeconds(Math.Max(1, WindowSeconds));
}

/// <summary>The <c>RateLimits</c> section of appsettings; the defaults are the production values.</summary>
public sealed class RateLimitSettings
{
    public bool Enabled { get; set; } = true;

    /// <summary>Sign-in form posts. Per account it counts only devices that never signed in to that account.</summary>
    public RateLimitRule SignIn { get; set; } = new() { PerClient = 20, PerAccount = 10, WindowSeconds = 300 };

    public RateLimitRule Registration { get; set; } = new() { PerClient = 10, PerAccount = 3, WindowSeconds = 3600 };

    /// <summary>"Forgot password" and "reset password" posts.</summary>
    public RateLimitRule PasswordReset { get; set; } = new() { PerClient = 10, PerAccount = 5, WindowSeconds = 900 };

    public RateLimitRule ResendConfirmation { get; set; } = new() { PerClient = 10, PerAccount = 3, WindowSeconds = 900 };

    public RateLimitRule DataExport { get; set; } = new() { PerClient = 20, PerAccount = 5, WindowSeconds = 600 };

    /// <summary>Talent search page loads (each runs a full-text search).</summary>
    public RateLimitRule Search { get; set; } = new() { PerClient = 240, PerAccount = 120, WindowSeconds = 60 };
}

/// <summary>
/// The framework's rate limiter over the endpoints that cost the server or reach other people: one fixed-window limit
/// per client address and one per account (the address typed into an account form, or the signed-in user), chained.
/// A refused request gets 429 with <c>Retry-After</c> and a short page. Actions on the live Blazor connection do not pass
/// through here; Core limits those per user (<c>ActionLimiter</c>).
/// </summary>
public static class RateLimits
{
    /// <summary>Where the e-mail address typed into an account form is kept for the per-account limit.</summary>
    private const string AccountItem = "TalentCloud.RateLimitAccount";

    public static IServiceCollection AddTalentCloudRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("RateLimits").Get<RateLimitSettings>() ?? new RateLimitSettings();
        services.AddSingleton(settings);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, settings, perClient: true)),
                PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, settings, perClient: false)));
            options.OnRejected = RejectAsync;
        });
        return services;
    }

    /// <summary>
    /// Reads the e-mail address from a limited account form before the limiter runs (the form is buffered, so the page
    /// reads the same form afterwards), then applies the limits.
    /// </summary>
    public static IApplicationBuilder UseTalentCloudRateLimits(this IApplicationBuilder app)
    {
        var settings = app.ApplicationServices.GetRequiredService<RateLimitSettings>();
        if (!settings.Enabled)
        {
            return app;
        }

        app.Use(async (context, next) =>
        {
            if (Classify(context, settings) is { AccountFromForm: true } && context.Request.HasFormContentType)
            {
                var form = await context.Request.ReadFormAsync(context.RequestAborted);
                var email = form["Input.Email"].ToString().Trim();
                if (email.Length > 0)
                {
                    context.Items[AccountItem] = email.ToUpperInvariant();
                }
            }

            await next(context);
        });
        return app.UseRateLimiter();
    }

    private sealed record Limited(string Name, RateLimitRule Rule, bool AccountFromForm);

    private static Limited? Classify(HttpContext context, RateLimitSettings settings)
    {
        var path = (context.Request.Path.Value ?? "").TrimEnd('/');
        if (HttpMethods.IsPost(context.Request.Method))
        {
            return path.ToUpperInvariant() switch
            {
                "/ACCOUNT/LOGIN" => new Limited("sign-in", settings.SignIn, true),
                "/ACCOUNT/REGISTER" => new Limited("registration", settings.Registration, true),
                // Joining a team through an invitation link also creates an account: it shares registration's limit per client.
                "/ACCOUNT/JOINTEAM" => new Limited("registration", settings.Registration, false),
                "/ACCOUNT/FORGOTPASSWORD" or "/ACCOUNT/RESETPASSWORD" => new Limited("password-reset", settings.PasswordReset, true),
                "/ACCOUNT/RESENDEMAILCONFIRMATION" => new Limited("resend-confirmation", settings.ResendConfirmation, true),
                _ => null,
            };
        }

        if (HttpMethods.IsGet(context.Request.Method))
        {
            if (path.Equals(DataExportEndpoints.Path, StringComparison.OrdinalIgnoreCase))
            {
                return new Limited("data-export", settings.DataExport, false);
            }

            if (path.Equals("/search", StringComparison.OrdinalIgnoreCase))
            {
                return new Limited("search", settings.Search, false);
            }
        }

        return null;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitSettings settings, bool perClient)
    {
        if (!settings.Enabled || Classify(context, settings) is not { } limited)
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        string? key;
        int permits;
        if (perClient)
        {
            key = ClientAddress.Of(context);
            permits = limited.Rule.PerClient;
        }
        else
        {
            key = limited.AccountFromForm
                ? context.Items[AccountItem] as string
                : context.User.FindFirstValue(ClaimTypes.NameIdentifier);
            permits = limited.Rule.PerAccount;
            if (key is not null && limited.Name == "sign-in"
                && context.RequestServices.GetRequiredService<KnownDevices>().IsKnown(context, key))
            {
                // The owner's own device: strangers' attempts on the account never hold it back.
                return RateLimitPartition.GetNoLimiter("");
            }
        }

        if (key is null)
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        return RateLimitPartition.GetFixedWindowLimiter($"{limited.Name}:{(perClient ? "client" : "account")}:{key}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits),
            Window = limited.Rule.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var response = rejected.HttpContext.Response;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        response.ContentType = "text/html; charset=utf-8";
        var minutes = (int)Math.Ceiling(seconds / 60.0);
        var when = seconds < 60 ? string.Create(CultureInfo.InvariantCulture, $"{seconds} seconds")
            : minutes == 1 ? "a minute" : string.Create(CultureInfo.InvariantCulture, $"{minutes} minutes");
        await response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Too many requests · TalentCloud</title>
            <link rel="stylesheet" href="/app.css"></head>
            <body><main class="page-body"><section class="card narrow">
            <h1>Too many requests</h1>
            <p>You have sent this too many times in a short while. Please wait {WebUtility.HtmlEncode(when)} and try again; nothing you saved was lost.</p>
            <p><a href="/">Back to TalentCloud</a></p>
            </section></main></body>
            </html>
            """, ct);
    }
}
