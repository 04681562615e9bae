using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;
using TalentCloud.Core.Data;
using TalentCloud.Core.Notifications;

namespace TalentCloud.Web.Background;

/// <summary>How the connection to the mail server is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>TLS from the first byte on port 465, STARTTLS (required, never skipped) on any other port.</summary>
    Auto = 0,
    SslOnConnect = 1,
    StartTls = 2,

    /// <summary>No TLS: only for a mail relay on the same host or a private network.</summary>
    None = 3,
}

/// <summary>The <c>Smtp</c> section of appsettings. Without a <see cref="Host"/> nothing is sent: e-mails stay in the outbox.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "TalentCloud <no-reply@talentcloud.test>";

    public SecureSocketOptions SocketOptions => Security switch
    {
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.None => SecureSocketOptions.None,
        _ => Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls,
    };
}

/// <summary>SMTP through MailKit: one connection (and one sign-in) per outbox batch.</summary>
public sealed class SmtpEmailTransport(IOptions<SmtpOptions> options) : IEmailTransport
{
    public async Task<IEmailSession> OpenAsync(CancellationToken ct)
    {
        var settings = options.Value;
        // Owned by the session on success (disposed with it), disposed here on failure.
#pragma warning disable CA2000
        var client = new SmtpClient();
#pragma warning restore CA2000
        try
        {
            await client.ConnectAsync(settings.Host ?? "", settings.Port, settings.SocketOptions, ct);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct);
            }

            return new Session(client, MailboxAddress.Parse(settings.From));
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private sealed class Session(SmtpClient client, MailboxAddress from) : IEmailSession
    {
        public async Task SendAsync(OutgoingEmail email, CancellationToken ct)
        {
            using var message = new MimeMessage();
            message.From.Add(from);
            message.To.Add(MailboxAddress.Parse(email.ToAddress));
            // Already one line when queued; made one line again here so no caller can ever put a header break in.
            message.Subject = OutboxEmail.CleanSubject(email.Subject);
            message.Body = new TextPart(TextFormat.Html) { Text = email.HtmlBody };
            await client.SendAsync(message, ct);
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(quit: true);
                }
            }
            finally
            {
                client.Dispose();
            }
        }
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
