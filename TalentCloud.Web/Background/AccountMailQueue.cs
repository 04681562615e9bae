using System.Threading.Channels;
using TalentCloud.Core.Accounts;

namespace TalentCloud.Web.Background;

public enum AccountMailKind
{
    PasswordReset = 1,
    ConfirmationResend = 2,
}

public sealed record AccountMailRequest(AccountMailKind Kind, string Email);

/// <summary>
/// "Forgot password" and "resend confirmation" hand the address to this queue and answer at once; a background worker
/// looks the address up and queues the e-mail when there is an account to write to. The page's answer and its time are
/// therefore the same whether or not the address has an account.
/// </summary>
public sealed class AccountMailQueue
{
    private readonly Channel<AccountMailRequest> channel =
        Channel.CreateBounded<AccountMailRequest>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Accepts a request (dropped only if ten thousand are waiting, which the rate limits make impossible in practice).</summary>
    public void Enqueue(AccountMailKind kind, string email) => channel.Writer.TryWrite(new AccountMailRequest(kind, email.Trim()));

    public IAsyncEnumerable<AccountMailRequest> ReadAllAsync(CancellationToken ct) => channel.Reader.ReadAllAsync(ct);
}

/// <summary>Works the <see cref="AccountMailQueue"/>: one scope (and database context) per request.</summary>
public sealed class AccountMailWorker(AccountMailQueue queue, IServiceScopeFactory scopes, ILogger<AccountMailWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var request in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var emails = scope.ServiceProvider.GetRequiredService<AccountEmails>();
                await (request.Kind switch
                {
                    AccountMailKind.PasswordReset => emails.QueuePasswordResetAsync(request.Email, stoppingToken),
                    _ => emails.QueueConfirmationResendAsync(request.Email, stoppingToken),
                });
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "An account e-mail ({Kind}) could not be queued.", request.Kind);
            }
        }
    }
}

/// <summary>Deletes accounts whose address was not confirmed within 48 hours, once an hour.</summary>
public sealed class UnconfirmedAccountCleanup(IServiceScopeFactory scopes, TimeProvider clock, ILogger<UnconfirmedAccountCleanup> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var deleted = await scope.ServiceProvider.GetRequiredService<RegistrationService>().DeleteExpiredUnconfirmedAsync(stoppingToken);
                if (deleted > 0)
                {
                    logger.LogInformation("Deleted {Count} accounts that were not confirmed within 48 hours.", deleted);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Deleting unconfirmed accounts failed; it is tried again in an hour.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
