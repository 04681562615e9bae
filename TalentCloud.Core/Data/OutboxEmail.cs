using TalentCloud.Core.Common;

namespace TalentCloud.Core.Data;

/// <summary>An e-mail waiting to be delivered (or kept for admins to read when no mail server is configured).</summary>
public sealed class OutboxEmail
{
    public const int SubjectMaxLength = 200;

    public int Id { get; set; }
    public string ToAddress { get; set; } = "";
    public string Subject { get; set; } = "";
    public string HtmlBody { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }

    /// <summary>
    /// The user the e-mail is for, when it was queued by user id (notifications); the sender reads the address from
    /// the account when <see cref="ToAddress"/> is empty.
    /// </summary>
    public string? RecipientUserId { get; set; }

    /// <summary>Not before this instant (set after a failed attempt, to back off); null = as soon as possible.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>The last delivery error, for admins.</summary>
    public string? LastError { get; set; }

    public const int LastErrorMaxLength = 500;

    public const int ClaimedByMaxLength = 64;

    /// <summary>The sender run that has taken this e-mail to deliver it (see <c>OutboxDelivery</c>); null when nobody has.</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>Until when the claim holds; a sender that died mid-batch leaves a claim that lapses at this instant.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    /// <summary>
    /// A new e-mail for the outbox. The subject is made one line (a name with a line break must not break the header)
    /// and cut to the column; links in <paramref name="htmlBody"/> must already be absolute (<see cref="PublicAddress"/>).
    /// </summary>
    public static OutboxEmail Create(string toAddress, string? recipientUserId, string subject, string htmlBody, DateTimeOffset at) => new()
    {
        ToAddress = toAddress,
        RecipientUserId = recipientUserId,
        Subject = CleanSubject(subject),
        HtmlBody = htmlBody,
        CreatedAt = at,
    };

    /// <summary>A subject as it may be stored and sent: one line, at most <see cref="SubjectMaxLength"/> characters.</summary>
    public static string CleanSubject(string subject) => Text.Truncate(Text.SingleLine(subject), SubjectMaxLength);
}
