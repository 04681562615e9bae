using Microsoft.Extensions.Options;
using TalentCloud.Core.Data;
using TalentCloud.Core.Notifications;
using TalentCloud.Tests.Support;
using TalentCloud.Web.Background;

namespace TalentCloud.Tests.Web;

/// <summary>The MailKit transport against a real (minimal) SMTP server.</summary>
public sealed class SmtpTransportTests
{
    [Fact]
    public async Task A_batch_goes_out_over_one_connection_with_one_line_subjects()
    {
        await using var server = new FakeSmtpServer();
        await using var db = await TestDatabase.CreateAsync();
        await using (var context = db.CreateDbContext())
        {
            context.OutboxEmails.Add(OutboxEmail.Create("ann@example.test", null, "First", "<p>One</p>", db.Clock.GetUtcNow()));
            context.OutboxEmails.Add(OutboxEmail.Create("bob@example.test", null, "Second", "<p>Two</p>", db.Clock.GetUtcNow()));
            // A subject written before subjects were cleaned when queued: the transport cleans it again.
            context.OutboxEmails.Add(new OutboxEmail
            {
                ToAddress = "cy@example.test", Subject = "Hello\r\nBcc: victim@example.test", HtmlBody = "<p>Three</p>", CreatedAt = db.Clock.GetUtcNow(),
            });
            await context.SaveChangesAsync();
        }

        var transport = new SmtpEmailTransport(Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = server.Port, Security = SmtpSecurity.None }));
        var result = await new OutboxDelivery(db, db.Clock).DeliverDueAsync(transport);

        Assert.Equal(new OutboxDeliveryResult(3, 0), result);
        Assert.Equal(1, server.Connections);
        var messages = server.Messages.ToList();
        Assert.Equal(3, messages.Count);
        var third = messages.Single(m => m.Contains("cy@example.test", StringComparison.Ordinal));
        var headers = third[..third.IndexOf("\r\n\r\n", StringComparison.Ordinal)].Split("\r\n");
        Assert.Contains("Subject: Hello Bcc: victim@example.test", headers);
        Assert.DoesNotContain(headers, h => h.StartsWith("Bcc:", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(headers, h => h.StartsWith("From: TalentCloud <no-reply@talentcloud.test>", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(465, SmtpSecurity.Auto, MailKit.Security.SecureSocketOptions.SslOnConnect)]
    [InlineData(587, SmtpSecurity.Auto, MailKit.Security.SecureSocketOptions.StartTls)]
    [InlineData(25, SmtpSecurity.StartTls, MailKit.Security.SecureSocketOptions.StartTls)]
    [InlineData(2525, SmtpSecurity.None, MailKit.Security.SecureSocketOptions.None)]
    public void Port_465_means_TLS_from_the_start_and_other_ports_require_STARTTLS(int port, SmtpSecurity security, MailKit.Security.SecureSocketOptions expected)
    {
        Assert.Equal(expected, new SmtpOptions { Port = port, Security = security }.SocketOptions);
    }
}
