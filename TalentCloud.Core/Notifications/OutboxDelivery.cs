using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Common;
using TalentCloud.Core.Data;

namespace TalentCloud.Core.Notifications;

/// <summary>An outbox e-mail ready to hand to a mail server.</summary>
public sealed record OutgoingEmail(int Id, string ToAddress, string Subject, string HtmlBody);

/// <summary>A mail server: one <see cref="IEmailSession"/> (one connection) per batch.</summary>
public interface IEmailTransport
{
    /// <summary>Connects (and authenticates); throws when the server cannot be reached or refuses.</summary>
    Task<IEmailSession> OpenAsync(CancellationToken ct);
}

/// <summary>One open connection to the mail server; disposing it says goodbye and closes it.</summary>
public interface IEmailSession : IAsyncDisposable
{
    /// <summary>Sends one e-mail; throws when the server refuses it.</summary>
    Task SendAsync(OutgoingEmail email, CancellationToken ct);
}

public sealed record OutboxDeliveryResult(int Sent, int Failed);

/// <summary>
/// Delivers the outbox through a transport with retries: a failed e-mail is tried again after 1, 2, 4, 8 and 16
/// minutes, then left in the outbox (with its last error) for admins.
/// <para>
/// Any number of senders (threads, processes, app instances) may run at once: a run first <em>claims</em> its batch with
/// one conditional UPDATE (rows that are due and not claimed, or whose claim lapsed), then sends only the rows it
/// claimed, so each e-mail goes out once. A sender that dies mid-batch leaves claims that lapse after
/// <see cref="ClaimLease"/>; only an e-mail whose sending had started but was not yet recorded can then go out twice.
/// </para>
/// </summary>
public sealed class OutboxDelivery(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxAttempts = 6;

    /// <summary>How long a claimed batch stays reserved for its sender.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(10);

    public async Task<OutboxDeliveryResult> DeliverDueAsync(IEmailTransport transport, int max = 50, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(transport);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var due = await ClaimAsync(db, max, ct);
        if (due.Count == 0)
        {
            return new OutboxDeliveryResult(0, 0);
        }

        var recipientIds = due.Where(e => string.IsNullOrEmpty(e.ToAddress) && e.RecipientUserId != null).Select(e => e.RecipientUserId!).Distinct().ToList();
        var addresses = await db.Users.Where(u => recipientIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, ct);

        IEmailSession session;
        try
        {
            session = await transport.OpenAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The server cannot be reached: every claimed e-mail counts an attempt and backs off.
            foreach (var email in due)
            {
                RecordFailure(email, ex);
            }

            await db.SaveChangesAsync(ct);
            return new OutboxDeliveryResult(0, due.Count);
        }

        int sent = 0, failed = 0;
        await using (session)
        {
            foreach (var email in due)
            {
                var to = string.IsNullOrEmpty(email.ToAddress) && email.RecipientUserId is not null
                    ? addresses.GetValueOrDefault(email.RecipientUserId) ?? ""
                    : email.ToAddress;
                try
                {
                    if (string.IsNullOrWhiteSpace(to))
                    {
                        throw new InvalidOperationException("The recipient has no e-mail address.");
                    }

                    await session.SendAsync(new OutgoingEmail(email.Id, to, OutboxEmail.CleanSubject(email.Subject), email.HtmlBody), ct);
                    email.Attempts++;
                    email.SentAt = clock.GetUtcNow();
                    email.LastError = null;
                    sent++;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    RecordFailure(email, ex);
                    failed++;
                }

                email.ClaimedBy = null;
                email.ClaimedUntil = null;
                // Saved per e-mail: a crash after sending must not send the same e-mail again at the next run.
                await db.SaveChangesAsync(ct);
            }
        }

        return new OutboxDeliveryResult(sent, failed);
    }

    /// <summary>
    /// Takes up to <paramref name="max"/> due e-mails for this run and returns them (tracked). On SQLite the UPDATE repeats
    /// the "due and unclaimed" condition on the rows it changes, and writes are serialised, so of two senders racing for a
    /// row exactly one gets it. On PostgreSQL the candidates are locked with <c>FOR UPDATE SKIP LOCKED</c>: senders
    /// running at the same moment take different rows instead of queueing for the same ones, and a row claimed and
    /// committed meanwhile is re-checked against the condition when locked, so it is never taken twice.
    /// </summary>
    private async Task<List<OutboxEmail>> ClaimAsync(AppDbContext db, int max, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + ClaimLease;
        var token = Guid.NewGuid().ToString("N");
        var take = Math.Clamp(max, 1, 500);
        if (db.Provider == DatabaseProvider.PostgreSql)
        {
            // Times are stored as UTC ticks (see AppDbContext.ConfigureConventions); the condition is Due's, in SQL.
            long nowTicks = now.UtcTicks, untilTicks = until.UtcTicks;
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                UPDATE "OutboxEmails" SET "ClaimedBy" = {token}, "ClaimedUntil" = {untilTicks}
                WHERE "Id" IN (
                    SELECT "Id" FROM "OutboxEmails"
                    WHERE "SentAt" IS NULL AND "Attempts" < {MaxAttempts}
                      AND ("NextAttemptAt" IS NULL OR "NextAttemptAt" <= {nowTicks})
                      AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" <= {nowTicks})
                    ORDER BY "Id" LIMIT {take}
                    FOR UPDATE SKIP LOCKED)
                """, ct);
        }
        else
        {
            var due = Due(now);
            var candidates = db.OutboxEmails.Where(due).OrderBy(e => e.Id).Select(e => e.Id).Take(take);
            await db.OutboxEmails.Where(e => candidates.Contains(e.Id)).Where(due)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.ClaimedBy, token).SetProperty(e => e.ClaimedUntil, until), ct);
        }

        return await db.OutboxEmails.Where(e => e.ClaimedBy == token).OrderBy(e => e.Id).ToListAsync(ct);
    }

    private static Expression<Func<OutboxEmail, bool>> Due(DateTimeOffset now) =>
        e => e.SentAt == null && e.Attempts < MaxAttempts && (e.NextAttemptAt == null || e.NextAttemptAt <= now)
            && (e.ClaimedUntil == null || e.ClaimedUntil <= now);

    private void RecordFailure(OutboxEmail email, Exception ex)
    {
        email.Attempts++;
        email.NextAttemptAt = clock.GetUtcNow().AddMinutes(Math.Pow(2, email.Attempts - 1));
        email.LastError = Text.Truncate(ex.Message, OutboxEmail.LastErrorMaxLength);
        email.ClaimedBy = null;
        email.ClaimedUntil = null;
    }
}
