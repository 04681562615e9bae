namespace TalentCloud.Core.Proposals;

public enum ProposalStatus
{
    Submitted = 1,
    Withdrawn = 2,
    Declined = 3,
    Hired = 4,
}

/// <summary>A freelancer's or agency's application to one job: at most one per job and profile.</summary>
public sealed class Proposal
{
    public const int CoverLetterMaxLength = 5000;

    /// <summary>The unique (job, profile) index: one proposal per job and profile, also when two submits race.</summary>
    public const string OnePerJobIndex = "IX_Proposals_JobId_ProfileId";

    public int Id { get; private set; }
    public int JobId { get; private set; }
    public int ProfileId { get; private set; }
    public string SubmittedByUserId { get; private set; } = "";
    public string CoverLetter { get; private set; } = "";

    /// <summary>Whole US dollars: the hourly rate asked for an hourly job, the total bid for a fixed-price job.</summary>
    public int Bid { get; private set; }

    /// <summary>What the proposal cost when it was sent (0 for a cloud job).</summary>
    public int ConnectsSpent { get; private set; }

    public ProposalStatus Status { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>When the Connects spent on it were given back because the client closed the job without hiring.</summary>
    public DateTimeOffset? RefundedAt { get; private set; }

    public static Proposal Submit(int jobId, int profileId, string userId, string coverLetter, int bid, int connects, DateTimeOffset at) => new()
    {
        JobId = jobId,
        ProfileId = profileId,
        SubmittedByUserId = userId,
        CoverLetter = coverLetter,
        Bid = bid,
        ConnectsSpent = connects,
        Status = ProposalStatus.Submitted,
        SubmittedAt = at,
    };

    public void Withdraw(DateTimeOffset at) => Decide(ProposalStatus.Withdrawn, at);

    public void Decline(DateTimeOffset at) => Decide(ProposalStatus.Declined, at);

    public void Hire(DateTimeOffset at) => Decide(ProposalStatus.Hired, at);

    /// <summary>Only a proposal its sender still stands behind earns its Connects back; a withdrawn one does not.</summary>
    public bool IsRefundable => ConnectsSpent > 0 && RefundedAt is null && Status is ProposalStatus.Submitted or ProposalStatus.Declined;

    public void MarkRefunded(DateTimeOffset at) => RefundedAt = at;

    private void Decide(ProposalStatus status, DateTimeOffset at)
    {
        if (Status != ProposalStatus.Submitted)
        {
            throw new InvalidOperationException($"A {Status} proposal cannot become {status}.");
        }

        Status = status;
        DecidedAt = at;
    }
}
