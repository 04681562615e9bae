namespace TalentCloud.Core.Connects;

public enum ConnectsEntryKind
{
    Grant = 1,
    Spend = 2,
    Refund = 3,
}

/// <summary>
/// One row of a profile's Connects ledger. Rows are only ever added: the balance is the sum of <see cref="Amount"/>
/// (grants and refunds positive, spends negative).
/// </summary>
public sealed class ConnectsEntry
{
    public const int ReasonMaxLength = 200;

    public long Id { get; private set; }
    public int ProfileId { get; private set; }
    public ConnectsEntryKind Kind { get; private set; }
    public int Amount { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    /// <summary>The proposal a spend or refund belongs to.</summary>
    public int? ProposalId { get; private set; }

    /// <summary>The user who caused the row (the admin for a grant); null for the system.</summary>
    public string? ActorUserId { get; private set; }

    public static ConnectsEntry Grant(int profileId, int amount, string reason, DateTimeOffset at, string? actorUserId) =>
        Create(profileId, ConnectsEntryKind.Grant, amount, reason, at, null, actorUserId);

    public static ConnectsEntry Spend(int profileId, int amount, string reason, DateTimeOffset at, int proposalId, string actorUserId) =>
        Create(profileId, ConnectsEntryKind.Spend, -amount, reason, at, proposalId, actorUserId);

    public static ConnectsEntry Refund(int profileId, int amount, string reason, DateTimeOffset at, int proposalId, string? actorUserId) =>
        Create(profileId, ConnectsEntryKind.Refund, amount, reason, at, proposalId, actorUserId);

    private static ConnectsEntry Create(int profileId, ConnectsEntryKind kind, int amount, string reason, DateTimeOffset at, int? proposalId, string? actorUserId)
    {
        ArgumentOutOfRangeException.ThrowIfZero(amount);
        return new ConnectsEntry
        {
            ProfileId = profileId,
            Kind = kind,
            Amount = amount,
            Reason = reason.Length <= ReasonMaxLength ? reason : reason[..ReasonMaxLength],
            At = at,
            ProposalId = proposalId,
            ActorUserId = actorUserId,
        };
    }
}
