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

    public int Id { get; set; }
    public int OrganizationId { get; set; }
    /// <summary>The cloud accepting places the member in; null for an offer from a proposal that places nobody in a cloud.</summary>
    public int? CloudId { get; set; }

    public int ProfileId { get; set; }

    /// <summary>The proposal this offer hires from, when it was made with "Hire" on a job's proposals.</summary>
    public int? ProposalId { get; set; }

    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public PayKind PayKind { get; set; }

    /// <summary>Whole US dollars: per hour, or the fixed price.</summary>
    public int Amount { get; set; }

    public OfferStatus Status { get; set; }
    public string CreatedByUserId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public int? ContractId { get; set; }

    /// <summary>When the freelancer received the offer (at once, or when an approver approved it); null = never shown to them.</summary>
    public DateTimeOffset? ReleasedAt { get; set; }

    /// <summary>Who approved or rejected the draft, and when; the reason of a rejection.</summary>
    public string? DecidedByUserId { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }
    public string? RejectionReason { get; private set; }

    public List<OnboardingTask> Tasks { get; set; } = [];

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

    public int Id { get; set; }
    public int OfferId { get; set; }
    public int Position { get; set; }
    public OnboardingTaskKind Kind { get; set; }
    public string Title { get; set; } = "";

    /// <summary>The agreement's or document's text (empty for a background check).</summary>
    public string Text { get; set; } = "";

    /// <summary>Who accepted the agreement or acknowledged the document, and when.</summary>
    public string? CompletedByUserId { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public string? ConsentByUserId { get; set; }
    public DateTimeOffset? ConsentGivenAt { get; set; }
    public BackgroundCheckResult CheckResult { get; set; }
    public string? ResultByUserId { get; set; }
    public DateTimeOffset? ResultRecordedAt { get; set; }

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
}

internal sealed class OfferEntityTypeConfiguration : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> builder)
    {
        builder.Property(o => o.Title).HasMaxLength(Offer.TitleMaxLength);
        builder.Property(o => o.Description).HasMaxLength(Offer.DescriptionMaxLength);
        builder.Property(o => o.CreatedByUserId).HasMaxLength(450);
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
        builder.HasIndex(o => o.ProposalId).IsUnique().HasFilter("\"Status\" IN (1, 5)");
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
