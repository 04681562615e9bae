namespace TalentCloud.Core.Removals;

public enum RemovalStatus
{
    Pending = 1,
    Cancelled = 2,
    Approved = 3,
    Rejected = 4,
}

/// <summary>
/// A member's request to leave one cloud for good. At most one request per membership is open (Pending) at a time.
/// It names the cloud and profile rather than the membership row, because approval deletes that row and the request
/// stays as the record of what happened.
/// </summary>
public sealed class RemovalRequest
{
    public const int ReasonMaxLength = 1000;
    public const int DecisionReasonMaxLength = 1000;

    /// <summary>The filtered unique index: one open request per membership, enforced by the database as well as by the service.</summary>
    public const string OneOpenIndex = "IX_RemovalRequests_CloudId_ProfileId";

    public int Id { get; private set; }
    public int CloudId { get; private set; }
    public int ProfileId { get; private set; }
    public string RequestedByUserId { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public RemovalStatus Status { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>The admin who decided, or the member who cancelled.</summary>
    public string? DecidedByUserId { get; private set; }

    /// <summary>The admin's reason for a rejection (optional note on approval).</summary>
    public string DecisionReason { get; private set; } = "";

    public static RemovalRequest Open(int cloudId, int profileId, string userId, string reason, DateTimeOffset at) => new()
    {
        CloudId = cloudId,
        ProfileId = profileId,
        RequestedByUserId = userId,
        Reason = reason,
        Status = RemovalStatus.Pending,
        RequestedAt = at,
    };
}
