using TalentCloud.Core.Notifications;

namespace TalentCloud.Web.Background;

/// <summary>
/// Runs the Core digest step once a minute on the app's <see cref="TimeProvider"/>. The step itself is idempotent,
/// so a restart or a second instance neither repeats nor skips a digest.
/// </summary>
public sealed class DigestBackgroundService(DigestService digests, TimeProvider clock, ILogger<DigestBackgroundService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                var result = await digests.RunDueAsync(stoppingToken);
                if (result.DigestsSent > 0 || result.ItemsDropped > 0)
                {
                    logger.LogInformation("Digests: {Sent} sent with {Items} jobs; {Dropped} queued jobs dropped.",
                        result.DigestsSent, result.ItemsDelivered, result.ItemsDropped);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The digest run failed; it is tried again in a minute.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
