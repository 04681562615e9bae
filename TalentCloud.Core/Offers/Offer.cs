using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalentCloud.Core.Clouds;
using TalentCloud.Core.Organizations;
using TalentCloud.Core.Profiles;
using TalentCloud.Core.Proposals;

namespace TalentCloud.Core.Offers;

public enum OfferStatus
{
    Open = 1,
    Accepted = 2,
    Declined = 3,
    Withdrawn = 4,

    /// <summary>Drafted by a recruiter, or above the organisation's threshold: invisible to the freelancer until an approver approves it.</summary>
    AwaitingApproval = 5,

    /// <summary>An approver turned the draft down (with a reason for its author); the freelancer never saw it.</summary>
    Rejected = 6,
}

public enum PayKind
{
    Hourly = 1,
    FixedPrice = 2,
}

/// <summary>
/// An Enterprise client's offer of work to a freelancer or agency, with onboarding tasks. Accepting it starts a contract
/// and places the profile in the target cloud as Active, without the cloud's criteria. An offer made by hiring from a
/// proposal names that proposal, and may name no cloud (for a public job, when the hiring manager chose "no cloud").
/// </summary>
public sealed class Offer
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int MaxAmount = 1_000_000;
    public const int MaxTasks = 10;
    public const int RejectionReasonMaxLength = 1000;
    public const int ApprovalReasonMaxLength = 200;

    /// <summary>The unique index that allows one offer waiting for an answer per proposal.</summary>
    public const string OnePendingPerProposalIndex = "IX_Offers_ProposalId";

    public int Id { get; private set; }
    public int OrganizationId { get; private set; }

    /// <summary>The cloud accepting places the member in; null for an offer from a proposal that places nobody in a cloud.</summary>
    public int? CloudId { get; private set; }

    public int ProfileId { get; private set; }

    /// <summary>The proposal this offer hires from, when it was made with "Hire" on a job's proposals.</summary>
    public int? ProposalId { get; private set; }

    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public PayKind PayKind { get; private set; }

    /// <summary>Whole US dollars: per hour, or the fixed price.</summary>
    public int Amount { get; private set; }

    public OfferStatus Status { get; private set; }
    public string CreatedByUserId { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public int? ContractId { get; private set; }

    public List<OnboardingTask> Tasks { get; private set; } = [];

    public bool IsOpen => Status == OfferStatus.Open;

    /// <summary>
    /// An open offer with its onboarding tasks in the given order (validated by the caller), placing its hire in
    /// <paramref name="cloudId"/> (none when null) and hiring from <paramref name="proposalId"/> when it names one.
    /// </summary>
    public static Offer Send(int organizationId, int? cloudId, int profileId, int? proposalId, string title, string description, PayKind payKind,
        int amount, IEnumerable<(OnboardingTaskKind Kind, string Title, string Text)> tasks, string createdByUserId, DateTimeOffset at) => new()
        {
            OrganizationId = organizationId,
            CloudId = cloudId,
            ProfileId = profileId,
            ProposalId = proposalId,
            Title = title,
            Description = description,
            PayKind = payKind,
            Amount = amount,
            Status = OfferStatus.Open,
            CreatedByUserId = createdByUserId,
            CreatedAt = at,
            Tasks = [.. tasks.Select((t, i) => OnboardingTask.Create(i + 1, t.Kind, t.Title, t.Text))],
        };

    /// <summary>The freelancer accepts: the offer closes as Accepted (the contract is linked once it has an id).</summary>
    public void Accept(DateTimeOffset at) => Close(OfferStatus.Accepted, at);

    public void Decline(DateTimeOffset at) => Close(OfferStatus.Declined, at);

    public void Withdraw(DateTimeOffset at) => Close(OfferStatus.Withdrawn, at);

    /// <summary>Records the contract the acceptance started.</summary>
    public void LinkContract(int contractId)
    {
        if (Status != OfferStatus.Accepted)
        {
            throw new InvalidOperationException("Only an accepted offer has a contract.");
        }

        ContractId = contractId;
    }

    private void Close(OfferStatus status, DateTimeOffset at)
    {
        // An offer still awaiting approval can only be withdrawn; anything else needs an open offer.
        if (!IsOpen && !(status == OfferStatus.Withdrawn && Status == OfferStatus.AwaitingApproval))
        {
            throw new InvalidOperationException($"A {Status} offer cannot become {status}.");
        }

        Status = status;
        ClosedAt = at;
    }

    /// <summary>When the freelancer received the offer (at once, or when an approver approved it); null = never shown to them.</summary>
    public DateTimeOffset? ReleasedAt { get; private set; }

    /// <summary>Who approved or rejected the draft, and when; the reason of a rejection.</summary>
    public string? DecidedByUserId { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }
    public string? RejectionReason { get; private set; }

    /// <summary>Why the offer needed an approver ("drafted by a recruiter", "above the $100/hr threshold"); null when it did not.</summary>
    public string? ApprovalReason { get; private set; }

    /// <summary>Whether the freelancer may know of this offer at all.</summary>
    public bool IsVisibleToFreelancer => ReleasedAt is not null;

    /// <summary>Holds the new offer back for an approver when there is a reason to, or sends it to the freelancer now.</summary>
    public void Submit(string? approvalReason, DateTimeOffset now)
    {
        ApprovalReason = approvalReason;
        Status = approvalReason is null ? OfferStatus.Open : OfferStatus.AwaitingApproval;
        ReleasedAt = approvalReason is null ? now : null;
    }

    public void Approve(string approverUserId, DateTimeOffset now)
    {
        if (Status != OfferStatus.AwaitingApproval)
        {
            throw new InvalidOperationException("Only an offer awaiting approval can be approved.");
        }

        Status = OfferStatus.Open;
        ReleasedAt = now;
        DecidedByUserId = approverUserId;
        DecidedAt = now;
    }

    public void Reject(string approverUserId, string reason, DateTimeOffset now)
    {
        if (Status != OfferStatus.AwaitingApproval)
        {
            throw new InvalidOperationException("Only an offer awaiting approval can be rejected.");
        }

        Status = OfferStatus.Rejected;
        DecidedByUserId = approverUserId;
        DecidedAt = now;
        RejectionReason = reason;
        ClosedAt = now;
    }
}

public enum OnboardingTaskKind
{
    Agreement = 1,
    BackgroundCheck = 2,
    DocumentAcknowledgement = 3,
}

public enum BackgroundCheckResult
{
    None = 0,
    Passed = 1,
    Failed = 2,
}

/// <summary>Whose move a task waits for.</summary>
public enum TaskParty
{
    Nobody = 0,
    Freelancer = 1,
    Enterprise = 2,
}

/// <summary>One onboarding task of an offer.</summary>
public sealed class OnboardingTask
{
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 8000;
    public static readonly TimeSpan ConsentLifetime = TimeSpan.FromDays(7);

    public int Id { get; private set; }
    public int OfferId { get; private set; }
    public int Position { get; private set; }
    public OnboardingTaskKind Kind { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>The agreement's or document's text (empty for a background check).</summary>
    public string Text { get; private set; } = "";

    /// <summary>Who accepted the agreement or acknowledged the document, and when.</summary>
    public string? CompletedByUserId { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public string? ConsentByUserId { get; private set; }
    public DateTimeOffset? ConsentGivenAt { get; private set; }
    public BackgroundCheckResult CheckResult { get; private set; }
    public string? ResultByUserId { get; private set; }
    public DateTimeOffset? ResultRecordedAt { get; private set; }

    internal static OnboardingTask Create(int position, OnboardingTaskKind kind, string title, string text) =>
        new() { Position = position, Kind = kind, Title = title, Text = text };

    /// <summary>Consent lapses 7 days after it was given if no result was recorded by then.</summary>
    public bool HasLiveConsent(DateTimeOffset now) =>
        ConsentGivenAt is { } given && (CheckResult != BackgroundCheckResult.None || now < given + ConsentLifetime);

    public bool IsComplete(DateTimeOffset now) => Kind switch
    {
        OnboardingTaskKind.BackgroundCheck => CheckResult == BackgroundCheckResult.Passed,
        _ => CompletedAt is not null,
    };

    public TaskParty WaitingFor(DateTimeOffset now) => Kind switch
    {
        OnboardingTaskKind.BackgroundCheck when CheckResult != BackgroundCheckResult.None => TaskParty.Nobody,
        OnboardingTaskKind.BackgroundCheck when HasLiveConsent(now) => TaskParty.Enterprise,
        OnboardingTaskKind.BackgroundCheck => TaskParty.Freelancer,
        _ when CompletedAt is null => TaskParty.Freelancer,
        _ => TaskParty.Nobody,
    };

    /// <summary>The freelancer accepts the agreement or acknowledges the document. Null when done; otherwise why not.</summary>
    public string? Complete(string userId, DateTimeOffset at)
    {
        if (Kind == OnboardingTaskKind.BackgroundCheck)
        {
            return "A background check is completed by consent and a result, not by accepting it.";
        }

        if (CompletedAt is not null)
        {
            return "This task is already done.";
        }

        CompletedByUserId = userId;
        CompletedAt = at;
        return null;
    }

    /// <summary>The freelancer consents to the background check (again, if an earlier consent lapsed without a result).</summary>
    public string? GiveConsent(string userId, DateTimeOffset at)
    {
        if (Kind != OnboardingTaskKind.BackgroundCheck)
        {
            return "Only a background check asks for consent.";
        }

        if (CheckResult != BackgroundCheckResult.None)
        {
            return "The check already has a result.";
        }

        if (HasLiveConsent(at))
        {
            return "You have already given consent; the organisation is now running the check.";
        }

        ConsentByUserId = userId;
        ConsentGivenAt = at;
        return null;
    }

    /// <summary>The offering organisation records the check's result; it needs a live consent.</summary>
    public string? RecordResult(bool passed, string userId, DateTimeOffset at)
    {
        if (Kind != OnboardingTaskKind.BackgroundCheck)
        {
            return "Only a background check has a result.";
        }

        if (CheckResult != BackgroundCheckResult.None)
        {
            return "The result has already been recorded.";
        }

        if (!HasLiveConsent(at))
        {
            return ConsentGivenAt is null
                ? "The freelancer has not consented to the check yet."
                : "The freelancer's consent lapsed after 7 days without a result; they must consent again.";
        }

        CheckResult = passed ? BackgroundCheckResult.Passed : BackgroundCheckResult.Failed;
        ResultByUserId = userId;
        ResultRecordedAt = at;
        return null;
    }
}

internal sealed class OfferEntityTypeConfiguration : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> builder)
    {
        builder.Property(o => o.Title).HasMaxLength(Offer.TitleMaxLength);
        builder.Property(o => o.Description).HasMaxLength(Offer.DescriptionMaxLength);
        builder.Property(o => o.CreatedByUserId).HasMaxLength(450);
        builder.Ignore(o => o.IsOpen);
        builder.Property(o => o.DecidedByUserId).HasMaxLength(450);
        builder.Property(o => o.RejectionReason).HasMaxLength(Offer.RejectionReasonMaxLength);
        builder.Property(o => o.ApprovalReason).HasMaxLength(Offer.ApprovalReasonMaxLength);
        builder.HasIndex(o => new { o.ProfileId, o.Status });
        builder.HasIndex(o => new { o.OrganizationId, o.Status });
        builder.HasOne<Organization>().WithMany().HasForeignKey(o => o.OrganizationId);
        builder.HasOne<Cloud>().WithMany().HasForeignKey(o => o.CloudId);
        builder.HasOne<Profile>().WithMany().HasForeignKey(o => o.ProfileId);
        builder.HasOne<Proposal>().WithMany().HasForeignKey(o => o.ProposalId);
        // At most one open offer per proposal, also when two hiring managers press "Send offer" at once.
        builder.HasIndex(o => o.ProposalId).IsUnique().HasFilter("\"Status\" IN (1, 5)").HasDatabaseName(Offer.OnePendingPerProposalIndex);
        builder.HasMany(o => o.Tasks).WithOne().HasForeignKey(t => t.OfferId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OnboardingTaskEntityTypeConfiguration : IEntityTypeConfiguration<OnboardingTask>
{
    public void Configure(EntityTypeBuilder<OnboardingTask> builder)
    {
        builder.Property(t => t.Title).HasMaxLength(OnboardingTask.TitleMaxLength);
        builder.Property(t => t.Text).HasMaxLength(OnboardingTask.TextMaxLength);
        builder.Property(t => t.CompletedByUserId).HasMaxLength(450);
        builder.Property(t => t.ConsentByUserId).HasMaxLength(450);
        builder.Property(t => t.ResultByUserId).HasMaxLength(450);
        builder.HasIndex(t => new { t.OfferId, t.Position });
    }
}

/// <summary>The one definition of an offer still waiting for an answer: the freelancer's (open) or an approver's.</summary>
internal static class PendingOffers
{
    public static IQueryable<Offer> Pending(this IQueryable<Offer> offers) =>
        offers.Where(o => o.Status == OfferStatus.Open || o.Status == OfferStatus.AwaitingApproval);
}
