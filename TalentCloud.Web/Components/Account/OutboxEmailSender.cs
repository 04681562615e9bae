using System.Net;
using Microsoft.AspNetCore.Identity;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Data;

namespace TalentCloud.Web.Components.Account;

/// <summary>
/// Account e-mails (confirmation, password reset) go to the outbox table. Without a mail server they stay there,
/// and in Development the link is also written to the log so a local user can follow it.
/// </summary>
public sealed class OutboxEmailSender(AppDbContext db, TimeProvider clock, IHostEnvironment environment, ILogger<OutboxEmailSender> logger)
    : IEmailSender<AppUser>
{
    public Task SendConfirmationLinkAsync(AppUser user, string email, string confirmationLink) =>
        QueueAsync(email, "Confirm your TalentCloud account",
            $"<p>Welcome to TalentCloud. <a href=\"{WebUtility.HtmlEncode(confirmationLink)}\">Confirm your e-mail address</a> to start.</p>", confirmationLink);

    public Task SendPasswordResetLinkAsync(AppUser user, string email, string resetLink) =>
        QueueAsync(email, "Reset your TalentCloud password",
            $"<p><a href=\"{WebUtility.HtmlEncode(resetLink)}\">Choose a new password</a>. If you did not ask for this, ignore this e-mail.</p>", resetLink);

    public Task SendPasswordResetCodeAsync(AppUser user, string email, string resetCode) =>
        QueueAsync(email, "Your TalentCloud password reset code", $"<p>Your code: {WebUtility.HtmlEncode(resetCode)}</p>", null);

    private async Task QueueAsync(string to, string subject, string html, string? link)
    {
        db.OutboxEmails.Add(new OutboxEmail { ToAddress = to, Subject = subject, HtmlBody = html, CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync();
        if (environment.IsDevelopment() && link is not null)
        {
            logger.LogInformation("E-mail \"{Subject}\" to {To} is in the outbox: {Link}", subject, to, link);
        }
    }
}
