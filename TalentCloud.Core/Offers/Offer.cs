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

    public List<OnboardingTask> Tasks { get; set; } = [];
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
        builder.HasIndex(o => new { o.ProfileId, o.Status });
        builder.HasIndex(o => new { o.OrganizationId, o.Status });
        builder.HasOne<Organization>().WithMany().HasForeignKey(o => o.OrganizationId);
        builder.HasOne<Cloud>().WithMany().HasForeignKey(o => o.CloudId);
        builder.HasOne<Profile>().WithMany().HasForeignKey(o => o.ProfileId);
        builder.HasOne<Proposal>().WithMany().HasForeignKey(o => o.ProposalId);
        // At most one open offer per proposal, also when two hiring managers press "Send offer" at once.
        builder.HasIndex(o => o.ProposalId).IsUnique().HasFilter("\"Status\" = 1");
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
