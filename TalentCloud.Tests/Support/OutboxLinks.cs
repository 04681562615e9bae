using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Data;

namespace TalentCloud.Tests.Support;

/// <summary>Reads links out of the e-mails in the outbox, and registers accounts the way a person does (register, then follow the link).</summary>
public static partial class OutboxLinks
{
    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();

    /// <summary>Every link in an e-mail body, decoded.</summary>
    public static IReadOnlyList<string> In(string html) =>
        [.. Href().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    /// <summary>The newest e-mail to <paramref name="email"/>'s link containing <paramref name="path"/>; waits up to 10 s for background senders.</summary>
    public static async Task<Uri> LatestAsync(IDbContextFactory<AppDbContext> dbFactory, string email, string path)
    {
        for (var waited = 0; ; waited += 50)
        {
            await using (var db = await dbFactory.CreateDbContextAsync())
            {
                var bodies = await db.OutboxEmails.Where(m => m.ToAddress == email).OrderByDescending(m => m.Id).Select(m => m.HtmlBody).ToListAsync();
                var link = bodies.SelectMany(In).FirstOrDefault(l => l.Contains(path, StringComparison.Ordinal));
                if (link is not null)
                {
                    return new Uri(link);
                }
            }

            if (waited > 10_000)
            {
                throw new InvalidOperationException($"No e-mail to {email} with a link to {path} arrived.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Registers through Core and confirms with the link from the e-mail, as a new user does; returns the user id.</summary>
    public static async Task<string> RegisterAndConfirmAsync(IServiceProvider services, RegistrationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using (var scope = services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<RegistrationService>().RegisterAsync(request);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        }

        var link = await LatestAsync(services.GetRequiredService<IDbContextFactory<AppDbContext>>(), request.Email, "Account/ConfirmEmail");
        var query = QueryHelpers.ParseQuery(link.Query);
        await using (var scope = services.CreateAsyncScope())
        {
            var confirmed = await scope.ServiceProvider.GetRequiredService<RegistrationService>().ConfirmAsync(query["userId"], query["code"]);
            Assert.True(confirmed.Succeeded, string.Join(" ", confirmed.Errors));
        }

        return query["userId"].ToString();
    }
}
