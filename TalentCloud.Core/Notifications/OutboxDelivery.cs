using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Common;
using TalentCloud.Core.Data;

namespace TalentCloud.Core.Notifications;

/// <summary>An outbox e-mail ready to hand to a mail server.</summary>
public sealed record OutgoingEmail(int Id, string ToAddress, string Subject, string HtmlBody);

/// <summary>Sends one e-mail; throws when the mail server refuses or cannot be reached.</summary>
public interface IEmailTransport
{
    Task SendAsync(OutgoingEmail email, CancellationToken ct);
}

public sealed record OutboxDeliveryResult(int Sent, int Failed);

/// <summary>
/// Delivers the outbox through a transport with retries: a failed e-mail is tried again after 1, 2, 4, 8 and 16
/// minutes, then left in the outbox (with its last error) for admins.
/// </summary>
public sealed class OutboxDelivery(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxAttempts = 6;

    public async Task<OutboxDeliveryResult> DeliverDueAsync(IEmailTransport transport, int max = 50, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(transport);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var due = await db.OutboxEmails
            .Where(e => e.SentAt == null && e.Attempts < MaxAttempts && (e.NextAttemptAt == null || e.NextAttemptAt <= now))
            .OrderBy(e => e.Id)
            .Take(max)
            .ToListAsync(ct);
        var recipientIds = due.Where(e => string.IsNullOrEmpty(e.ToAddress) && e.RecipientUserId != null).Select(e => e.RecipientUserId!).Distinct().ToList();
        var addresses = await db.Users.Where(u => recipientIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, ct);

        int sent = 0, failed = 0;
        foreach (var email in due)
        {
            var to = string.IsNullOrEmpty(email.ToAddress) && email.RecipientUserId is not null
                ? addresses.GetValueOrDefault(email.RecipientUserId) ?? ""
                : email.ToAddress;
            email.Attempts++;
            try
            {
                if (string.IsNullOrWhiteSpace(to))
                {
                    throw new InvalidOperationException("The recipient has no e-mail address.");
                }

                await transport.SendAsync(new OutgoingEmail(email.Id, to, email.Subject, email.HtmlBody), ct);
                email.SentAt = clock.GetUtcNow();
                email.LastError = null;
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                email.NextAttemptAt = clock.GetUtcNow().AddMinutes(Math.Pow(2, email.Attempts - 1));
                email.LastError = Text.Truncate(ex.Message, OutboxEmail.LastErrorMaxLength);
                failed++;
            }

            // Saved per e-mail: a crash after sending must not send the same e-mail again at the next run.
            await db.SaveChangesAsync(ct);
        }

        return new OutboxDeliveryResult(sent, failed);
    }
}
