using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Audit;
using TalentCloud.Core.Clouds;
using TalentCloud.Core.Common;
using TalentCloud.Core.Connects;
using TalentCloud.Core.Contracts;
using TalentCloud.Core.Jobs;
using TalentCloud.Core.Live;
using TalentCloud.Core.Invitations;
using TalentCloud.Core.Memberships;
using TalentCloud.Core.Messaging;
using TalentCloud.Core.Notifications;
using TalentCloud.Core.Offers;
using TalentCloud.Core.Organizations;
using TalentCloud.Core.Profiles;
using TalentCloud.Core.Proposals;
using TalentCloud.Core.Help;
using TalentCloud.Core.Removals;

namespace TalentCloud.Core.Data;

/// <summary>
/// The model, shared by both database providers. Its own migrations (<c>Data/Migrations</c>) are SQLite's;
/// <see cref="PostgreSqlAppDbContext"/> is the same model with PostgreSQL's migration set and column types.
/// </summary>
public class AppDbContext : IdentityDbContext<AppUser>, IDataProtectionKeyContext
{
    /// <summary>A context with <see cref="CoreSettings.Default"/> (tests and tools); the app's factory passes its configuration.</summary>
    public AppDbContext(DbContextOptions<AppDbContext> options)
        : this(options, CoreSettings.Default)
    {
    }

    public AppDbContext(DbContextOptions<AppDbContext> options, CoreSettings settings)
        : base(options)
    {
        Settings = settings ?? throw new ArgumentNullException(nameof(settings));
    }

    /// <summary>For the provider-specific subclass; <paramref name="options"/> are built for <see cref="AppDbContext"/>.</summary>
    protected AppDbContext(DbContextOptions options, CoreSettings settings)
        : base(options)
    {
        Settings = settings ?? throw new ArgumentNullException(nameof(settings));
    }

    /// <summary>Where e-mail links point and the per-user action limits, for the rules that run inside this unit of work.</summary>
    public CoreSettings Settings { get; }

    /// <summary>Which database this context talks to (decides SQL dialect, locking and the live-update path).</summary>
    public virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    /// <summary>What this context's changes owe open pages once they commit (see <see cref="LiveUpdateInterceptor"/>).</summary>
    internal LiveUpdateBuffer PendingLiveUpdates { get; } = new();

    /// <summary>
    /// Announces notification items written without entities (bulk SQL) so open pages of these users hear about them
    /// when this context's transaction commits, like items added as entities.
    /// </summary>
    public void AnnounceNotifications(IEnumerable<string> userIds) => PendingLiveUpdates.Announce(userIds);

    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<OrganizationMember> OrganizationMembers => Set<OrganizationMember>();
    public DbSet<Profile> Profiles => Set<Profile>();
    public DbSet<ProfileSkill> ProfileSkills => Set<ProfileSkill>();
    public DbSet<Cloud> Clouds => Set<Cloud>();
    public DbSet<CloudMembership> CloudMemberships => Set<CloudMembership>();
    public DbSet<OutboxEmail> OutboxEmails => Set<OutboxEmail>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<Contract> Contracts => Set<Contract>();
    public DbSet<CloudNotificationSetting> CloudNotificationSettings => Set<CloudNotificationSetting>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<JobSkill> JobSkills => Set<JobSkill>();
    public DbSet<Proposal> Proposals => Set<Proposal>();
    public DbSet<ConnectsEntry> ConnectsEntries => Set<ConnectsEntry>();
    public DbSet<RemovalRequest> RemovalRequests => Set<RemovalRequest>();
    public DbSet<HelpVote> HelpVotes => Set<HelpVote>();
    public DbSet<SupportRequest> SupportRequests => Set<SupportRequest>();
    public DbSet<SupportReply> SupportReplies => Set<SupportReply>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<ConversationReadMarker> ConversationReadMarkers => Set<ConversationReadMarker>();
    public DbSet<InterviewProposal> InterviewProposals => Set<InterviewProposal>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<TeamInvitation> TeamInvitations => Set<TeamInvitation>();
    public DbSet<Offer> Offers => Set<Offer>();
    public DbSet<OnboardingTask> OnboardingTasks => Set<OnboardingTask>();
    public DbSet<CloudOnboardingTask> CloudOnboardingTasks => Set<CloudOnboardingTask>();
    public DbSet<PendingDigestItem> PendingDigestItems => Set<PendingDigestItem>();
    public DbSet<NotificationDigest> NotificationDigests => Set<NotificationDigest>();
    public DbSet<NotificationDigestSection> NotificationDigestSections => Set<NotificationDigestSection>();
    public DbSet<ActionLimitEvent> ActionLimitEvents => Set<ActionLimitEvent>();

    /// <summary>The Data Protection key ring, shared by every app instance (sign-in cookies and antiforgery tokens survive restarts).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        builder.HasDbFunction(typeof(TextMatch).GetMethod(nameof(TextMatch.Lower))!).HasName("lower").IsBuiltIn();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset natively; store UTC ticks so ranges and sorting stay in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }
}
