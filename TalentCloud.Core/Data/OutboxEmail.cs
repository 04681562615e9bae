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
}
