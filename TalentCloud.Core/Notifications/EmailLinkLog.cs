using Microsoft.Extensions.Logging;

namespace TalentCloud.Core.Notifications;

/// <summary>
/// Writes the link of an e-mail that carries one (a team invitation) to the log, so a local user without a mail server can
/// follow it, as the account e-mails do in Development. Off unless the host turns it on; never on in Production.
/// </summary>
public sealed class EmailLinkLog(ILogger<EmailLinkLog> logger, bool enabled)
{
    public bool Enabled => enabled;

    public void Write(string subject, string to, string link)
    {
        if (enabled)
        {
            logger.LogInformation("E-mail \"{Subject}\" to {To} is in the outbox: {Link}", subject, to, link);
        }
    }
}
