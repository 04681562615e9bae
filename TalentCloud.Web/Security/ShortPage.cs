using System.Net;

namespace TalentCloud.Web.Security;

/// <summary>
/// The small page the middleware answers with when a request stops before any page renders (too many requests, a form
/// that cannot be read): a title, one sentence saying what to do, and a way back.
/// </summary>
public static class ShortPage
{
    public static async Task WriteAsync(HttpResponse response, int status, string title, string sentence, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{WebUtility.HtmlEncode(title)} · TalentCloud</title>
            <link rel="stylesheet" href="/app.css"></head>
            <body><main class="page-body"><section class="card narrow">
            <h1>{WebUtility.HtmlEncode(title)}</h1>
            <p role="alert">{WebUtility.HtmlEncode(sentence)}</p>
            <p><a href="/">Back to TalentCloud</a></p>
            </section></main></body>
            </html>
            """, ct);
    }
}
