using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using TalentCloud.Core.Data;

namespace TalentCloud.Core.Live;

/// <summary>
/// On PostgreSQL, each app instance keeps one connection that <c>LISTEN</c>s on <see cref="LiveUpdateHub.Channel"/>
/// and hands what other instances announce to this instance's open pages. No extra server: the database carries the
/// messages. When the connection drops it reconnects with a growing pause; updates announced meanwhile are missed,
/// and the pages catch up at the next update or reload.
/// </summary>
public sealed class PostgreSqlLiveListener(DatabaseSettings database, LiveUpdateHub hub, ILogger<PostgreSqlLiveListener> logger) : BackgroundService
{
    private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first LISTEN is in place (tests and start-up checks wait for it).</summary>
    public Task Listening => listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A LISTEN belongs to one session: this connection stays out of the pool and is kept alive.
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false, KeepAlive = 30 }.ToString();
        var pause = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Receive(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {LiveUpdateHub.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                logger.LogInformation("Listening for live updates from other instances on {Channel}.", LiveUpdateHub.Channel);
                listening.TrySetResult();
                pause = TimeSpan.FromSeconds(1);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "The live-update connection failed; reconnecting in {Pause}.", pause);
                await Task.Delay(pause, stoppingToken);
                pause = TimeSpan.FromSeconds(Math.Min(30, pause.TotalSeconds * 2));
            }
        }
    }

    private void Receive(string payload)
    {
        if (hub.FromPayload(payload) is { } batch)
        {
            hub.Deliver(batch);
        }
    }
}
