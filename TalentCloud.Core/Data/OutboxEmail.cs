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
}
