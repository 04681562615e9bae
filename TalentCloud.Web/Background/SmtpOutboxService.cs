using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;
using TalentCloud.Core.Notifications;

namespace TalentCloud.Web.Background;

/// <summary>The <c>Smtp</c> section of appsettings. Without a <see cref="Host"/> nothing is sent: e-mails stay in the outbox.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public bool EnableSsl { get; set; } = true;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "TalentCloud <no-reply@talentcloud.test>";
}

/// <summary>Sends one e-mail through the configured SMTP server.</summary>
public sealed class SmtpEmailTransport(IOptions<SmtpOptions> options) : IEmailTransport
{
    public async Task SendAsync(OutgoingEmail email, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(email);
        var settings = options.Value;
        using var client = new SmtpClient(settings.Host, settings.Port) { EnableSsl = settings.EnableSsl };
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            client.Credentials = new NetworkCredential(settings.UserName, settings.Password);
        }

        using var message = new MailMessage
        {
            From = new MailAddress(settings.From),
            Subject = email.Subject,
            Body = email.HtmlBody,
            IsBodyHtml = true,
        };
        message.To.Add(email.ToAddress);
        await client.SendMailAsync(message, ct);
    }
}

/// <summary>Delivers the outbox every 30 seconds, with the retries of <see cref="OutboxDelivery"/>. Registered only when <c>Smtp:Host</c> is set.</summary>
public sealed class SmtpOutboxService(OutboxDelivery outbox, SmtpEmailTransport transport, TimeProvider clock, ILogger<SmtpOutboxService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30), clock);
        do
        {
            try
            {
                var result = await outbox.DeliverDueAsync(transport, ct: stoppingToken);
                if (result.Failed > 0)
                {
                    logger.LogWarning("Outbox: {Sent} e-mails sent, {Failed} failed (tried again later).", result.Sent, result.Failed);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The outbox run failed; it is tried again shortly.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
