using TalentCloud.Core.Organizations;

namespace TalentCloud.Web.Background;

/// <summary>
/// Once a minute on the app's <see cref="TimeProvider"/>, ends the Enterprise subscriptions whose end date has passed (the Core
/// step re-checks each in its own transaction, so a second instance or a restart never ends one twice).
/// </summary>
public sealed class SubscriptionExpiryBackgroundService(SubscriptionService subscriptions, TimeProvider clock,
    ILogger<SubscriptionExpiryBackgroundService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                var ended = await subscriptions.EndExpiredAsync(stoppingToken);
                if (ended > 0)
                {
                    logger.LogInformation("Ended {Count} Enterprise subscription(s) whose end date passed.", ended);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Ending expired subscriptions failed; it is tried again in a minute.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
